package io.gazette.search;

import java.util.Arrays;
import java.util.List;

/**
 * Brings one entry of the last static export that is not split (a syllable's, pair's or prefix's
 * field sets, or a spelling's, tag's or category's one set) to the documents now, set by set,
 * from its own bytes: each old document given its number now, the documents taken out dropped,
 * the changed ones' numbers put in. A set that holds the same numbers and is written as before
 * keeps its bytes.
 *
 * <p>What it relies on: the documents that kept their content keep their order ({@link
 * DocNumbering} numbers by date, then source, both theirs), so their numbers now increase with their
 * old numbers and each mapped set comes out sorted. {@link StaticIndexUpdate} decoded every
 * entry into postings, sorted and merged them by document and encoded every set again: after a
 * deletion at 10,000 articles that was 0.8 s for the archive's entries, most of them holding one
 * or two documents, most of them unmoved.
 */
final class EntryRenumbering {
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();

    private final int[] newOf;
    private final int splitBytes;
    private final DocSets.Sink out = new DocSets.Sink(1 << 12);
    private final int[][] mapped = new int[FIELDS][];
    /**
     * The old numbers {@code newOf} moves (or takes out) lie in {@code firstMoved..lastMoved}; a
     * set holding none of them keeps its numbers. Empty ({@code firstMoved > lastMoved}) when
     * nothing moved.
     */
    private final int firstMoved;
    private final int lastMoved;
    /** Entries given back as they were without decoding their sets ({@link #unmoved}): what a test checks. */
    int keptUnread;
    private final int[] cursor = new int[1];

    /**
     * @param newOf      by old number, the number now of the same document, or -1 for one taken
     *                   out (changed or gone); increasing where not -1
     * @param splitBytes syllable and prefix bodies longer than this are split (not made here)
     */
    EntryRenumbering(int[] newOf, int splitBytes) {
        this.newOf = newOf;
        this.splitBytes = splitBytes;
        for (int f = 0; f < FIELDS; f++) {
            mapped[f] = new int[16];
        }
        int first = 0;
        while (first < newOf.length && newOf[first] == first) {
            first++;
        }
        int last = newOf.length - 1;
        while (last >= first && newOf[last] == last) {
            last--;
        }
        this.firstMoved = first;
        this.lastMoved = last;
    }

    /** Whether {@code newOf} keeps the order of the documents it keeps, as this class needs. */
    static boolean increasing(int[] newOf) {
        int last = -1;
        for (int number : newOf) {
            if (number >= 0) {
                if (number <= last) {
                    return false;
                }
                last = number;
            }
        }
        return true;
    }

    /** Whether an old entry's body can be made here: not a split one. */
    static boolean applies(DocKeys.Kind kind, byte[] body) {
        return !fieldSets(kind) || (body[0] & StaticIndexExporter.SPLIT) == 0;
    }

    private static boolean fieldSets(DocKeys.Kind kind) {
        return kind == DocKeys.Kind.SYLLABLE || kind == DocKeys.Kind.PAIR || kind == DocKeys.Kind.PREFIX;
    }

    /**
     * The entry's body now, from its old {@code body} ({@link #applies}) and the documents put in
     * ({number now, field mask} each, or null); {@code body} itself when nothing in it moved, an
     * empty array when no document holds the key any more, or null when the body now is one a full
     * export splits (then the caller makes it from postings).
     */
    byte[] body(DocKeys.Kind kind, byte[] body, List<int[]> additions) {
        boolean withMask = fieldSets(kind);
        if (additions == null && unmoved(kind, withMask, body)) {
            keptUnread++;
            return body;
        }
        int[] at = {0};
        int oldMask = withMask ? body[at[0]++] & 0xff : 1;
        int addedMask = 0;
        if (additions != null) {
            for (int[] add : additions) {
                addedMask |= withMask ? add[1] : 1;
            }
        }
        out.size = 0;
        if (withMask) {
            out.write(0); // the mask, known at the end
        }
        boolean same = true;
        int mask = 0;
        for (int f = 0; f < (withMask ? FIELDS : 1); f++) {
            int bit = 1 << f;
            if (((oldMask | addedMask) & bit) == 0) {
                continue;
            }
            int from = at[0];
            boolean kept = true;
            int size = 0;
            if ((oldMask & bit) != 0) {
                // Read into this field's own array and mapped in place: no array made per set.
                int[] into = room(f, DocSets.size(body, at[0]) + (additions == null ? 0 : additions.size()));
                int read = DocSets.readInto(body, at, into);
                for (int i = 0; i < read; i++) {
                    int doc = into[i];
                    int now = newOf[doc];
                    if (now >= 0) {
                        into[size++] = now;
                    }
                    kept &= now == doc;
                }
            } else {
                room(f, additions.size());
            }
            if ((addedMask & bit) != 0) {
                size = insert(f, size, additions, withMask ? bit : 0);
                kept = false;
            }
            if (size == 0) {
                same = false;
                continue;
            }
            mask |= bit;
            if (kept) {
                // The same numbers: the same bytes (a set's form is a function of the set alone).
                out.write(body, from, at[0] - from);
            } else {
                same = false;
                DocSets.write(out, mapped[f], 0, size);
            }
        }
        if (mask == 0) {
            return new byte[0];
        }
        if (withMask) {
            out.bytes[0] = (byte) mask;
        }
        if (withMask && kind != DocKeys.Kind.PAIR && out.size > splitBytes && Integer.bitCount(mask) > 1) {
            return null;
        }
        return same && mask == oldMask ? body : out.toByteArray();
    }

    /**
     * Whether {@code body} is what {@link #body} would make again, seen without decoding its sets
     * into numbers: none of its sets holds a number that moved (a set's bytes are a function of
     * the set alone).
     * After a deletion at 10,000 articles the ~500 after it move (after a title edit, ~75 of its
     * day did while a day was ordered by url): most of the 600,000 entries hold none of them, and decoding every set into
     * numbers only to find them unmoved was most of the renumbering's time.
     */
    private boolean unmoved(DocKeys.Kind kind, boolean withMask, byte[] body) {
        int[] at = cursor;
        at[0] = 0;
        int mask = withMask ? body[at[0]++] & 0xff : 1;
        if (withMask && ((mask & StaticIndexExporter.SPLIT) != 0
                || kind != DocKeys.Kind.PAIR && body.length > splitBytes && Integer.bitCount(mask) > 1)) {
            return false;
        }
        for (int f = 0; f < (withMask ? FIELDS : 1); f++) {
            if ((mask & (1 << f)) == 0) {
                continue;
            }
            int form = body[at[0]++] & 0xff;
            if (form == DocSets.LIST) {
                int count = DocSets.readVarint(body, at);
                int doc = DocSets.readVarint(body, at);
                boolean moved = doc >= firstMoved && doc <= lastMoved;
                for (int i = 1; i < count; i++) {
                    doc += DocSets.readVarint(body, at) + 1;
                    moved |= doc >= firstMoved && doc <= lastMoved;
                }
                if (moved) {
                    return false;
                }
            } else if (form == DocSets.BITMAP) {
                int first = DocSets.readVarint(body, at);
                int length = DocSets.readVarint(body, at);
                int bits = at[0];
                // A bit of a moved number set is a moved document.
                for (int d = Math.max(firstMoved, first), to = Math.min(lastMoved, first + 8 * length - 1); d <= to; d++) {
                    int offset = d - first;
                    if ((body[bits + (offset >>> 3)] & (1 << (offset & 7))) != 0) {
                        return false;
                    }
                }
                at[0] += length;
            } else {
                // A complement holds every number from its first to its last but a few: one of
                // them moved when the ranges meet (then it is decoded; seldom the case).
                int first = DocSets.readVarint(body, at);
                int last = first + DocSets.readVarint(body, at);
                if (first <= lastMoved && last >= firstMoved) {
                    return false;
                }
                for (int absent = DocSets.readVarint(body, at); absent > 0; absent--) {
                    DocSets.readVarint(body, at);
                }
            }
        }
        return true;
    }

    private int[] room(int f, int size) {
        if (mapped[f].length < size) {
            mapped[f] = new int[Math.max(size, 2 * mapped[f].length)];
        }
        return mapped[f];
    }

    /** Puts the numbers of {@code additions} holding {@code bit} (any with 0) into field {@code f}'s sorted set. */
    private int insert(int f, int size, List<int[]> additions, int bit) {
        int[] set = mapped[f];
        int count = size;
        for (int[] add : additions) {
            if (bit != 0 && (add[1] & bit) == 0) {
                continue;
            }
            int at = Arrays.binarySearch(set, 0, count, add[0]);
            if (at >= 0) {
                continue;
            }
            int to = -at - 1;
            System.arraycopy(set, to, set, to + 1, count - to);
            set[to] = add[0];
            count++;
        }
        return count;
    }
}
