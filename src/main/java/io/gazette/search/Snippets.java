package io.gazette.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a short passage out of a text around the words that matched, and marks those words in the
 * text's own spelling (diacritics and case as written), whatever the query's spelling was.
 */
final class Snippets {
    static final int DEFAULT_LENGTH = 220;
    private static final int CONTEXT_BEFORE = 40;
    private static final String ELLIPSIS = "…";

    private Snippets() {
    }

    /** A passage plus the ranges (relative to the passage) to highlight. */
    record Passage(String text, List<Highlight> highlights) {
    }

    /**
     * Collapses runs of whitespace so that passages read as one line: each run of
     * {@code [ \t\n\x0B\f\r\u00a0]} becomes one space, then the ends are stripped.
     */
    static String collapse(String text) {
        return text == null ? "" : collapsedHead(text, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} chars of {@link #collapse}{@code (text)} (all of it when shorter),
     * without collapsing the rest: an excerpt needs the head of a long body only.
     */
    static String collapsedHead(String text, int limit) {
        return collapsedHead(text.toCharArray(), text.length(), limit);
    }

    /**
     * {@link #collapsedHead(String, int)} of the text made of {@code chars[0, n)}: read from an
     * array, as the indexer has each body's chars at hand (through {@code String.charAt}, whose
     * checks a char cost more than the collapsing, this was a quarter of a passage record's time).
     */
    static String collapsedHead(char[] chars, int n, int limit) {
        int i = 0;
        // Leading whitespace would be stripped anyway, whether collapsed or not.
        while (i < n && (collapses(chars[i]) || Character.isWhitespace(chars[i]))) {
            i++;
        }
        // A char array, not a StringBuilder: this runs over the head of every article's body, and
        // a builder's append checks its capacity and its coder for each char.
        char[] out = new char[Math.max(16, Math.min(n - i, limit == Integer.MAX_VALUE ? n : limit + 16))];
        int length = 0;
        boolean inRun = false;
        for (; i < n; i++) {
            // Past the limit and not in whitespace: stripping the end can no longer change the head.
            if (length > limit && !Character.isWhitespace(out[length - 1])) {
                break;
            }
            char c = chars[i];
            if (collapses(c)) {
                if (inRun) {
                    continue;
                }
                c = ' ';
                inRun = true;
            } else {
                inRun = false;
            }
            if (length == out.length) {
                out = java.util.Arrays.copyOf(out, length * 2);
            }
            out[length++] = c;
        }
        String collapsed = new String(out, 0, length).stripTrailing();
        return collapsed.length() > limit ? collapsed.substring(0, limit) : collapsed;
    }

    private static boolean collapses(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0';
    }

    /** Every matching word of a short text (a title), no cutting. */
    static Passage whole(String text, Set<String> foldedTerms) {
        List<Highlight> marks = new ArrayList<>();
        for (Syllable s : VietnameseTokens.scan(text)) {
            if (foldedTerms.contains(s.folded())) {
                marks.add(new Highlight(s.start(), s.end()));
            }
        }
        return new Passage(text, marks);
    }

    /** Returns null when the text has no match. */
    static Passage around(String text, Set<String> foldedTerms, int maxLength) {
        List<Syllable> syllables = VietnameseTokens.scan(text);
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < syllables.size(); i++) {
            if (foldedTerms.contains(syllables.get(i).folded())) {
                matches.add(i);
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        // The run of matches spanning at most maxLength - CONTEXT_BEFORE chars with the most
        // distinct terms, then the shortest span over those terms (nearest together), then the
        // earliest. passages.js chooses the same way in the browser.
        int bestFirst = matches.get(0);
        int bestDistinct = -1;
        int bestSpan = 0;
        for (int m = 0; m < matches.size(); m++) {
            int startOffset = syllables.get(matches.get(m)).start();
            Set<String> distinct = new HashSet<>();
            int span = 0;
            for (int k = m; k < matches.size(); k++) {
                Syllable s = syllables.get(matches.get(k));
                if (s.end() - startOffset > maxLength - CONTEXT_BEFORE) {
                    break;
                }
                if (distinct.add(s.folded())) {
                    span = s.end() - startOffset;
                }
            }
            if (distinct.size() > bestDistinct || (distinct.size() == bestDistinct && span < bestSpan)) {
                bestDistinct = distinct.size();
                bestSpan = span;
                bestFirst = matches.get(m);
            }
        }
        // Start a few words before the first match, on a word boundary.
        int first = bestFirst;
        int anchor = syllables.get(bestFirst).start();
        while (first > 0 && anchor - syllables.get(first - 1).start() <= CONTEXT_BEFORE) {
            first--;
        }
        int start = first == 0 ? 0 : wordStart(text, syllables.get(first).start());
        int end = start;
        for (int i = first; i < syllables.size() && syllables.get(i).end() - start <= maxLength; i++) {
            end = syllables.get(i).end();
        }
        if (end == syllables.get(syllables.size() - 1).end()) {
            end = text.length();
        }
        String prefix = start > 0 ? ELLIPSIS : "";
        String suffix = end < text.length() ? ELLIPSIS : "";
        String passage = prefix + text.substring(start, end) + suffix;
        List<Highlight> marks = new ArrayList<>();
        for (int i : matches) {
            Syllable s = syllables.get(i);
            if (s.start() >= start && s.end() <= end) {
                int shift = prefix.length() - start;
                marks.add(new Highlight(s.start() + shift, s.end() + shift));
            }
        }
        return new Passage(passage, marks);
    }

    /** Backs up to just after the previous space, so "(thi" is not cut to "thi". */
    private static int wordStart(String text, int offset) {
        int start = offset;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** The beginning of a text, cut on a word boundary. */
    static String lead(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = 0;
        // Only the head matters; a token straddling the cut is dropped either way.
        int headEnd = maxLength + 1;
        if (Character.isHighSurrogate(text.charAt(headEnd - 1))) {
            headEnd++;
        }
        String head = text.substring(0, Math.min(text.length(), headEnd));
        for (Syllable s : VietnameseTokens.scan(head)) {
            if (s.end() > maxLength) {
                break;
            }
            end = s.end();
        }
        if (end == 0) {
            end = maxLength;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
