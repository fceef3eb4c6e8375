package io.gazette.build;

import io.gazette.content.FrontMatter;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A validated {@link FrontMatter} as bytes and back, for the {@link ContentCache}: what is read
 * back equals what was written ({@code equals} of the record, its lists, maps and dates, zone
 * included). Parsing YAML and validating it again costs more than the rest of reading a file that
 * did not change.
 *
 * <p>The values of {@code params} are those YAML gives (text, booleans, integers, big integers,
 * floating-point numbers, bytes, lists and mappings, null); a front matter holding anything else
 * is {@link Unsupported}, and its article is simply not kept.
 */
final class FrontMatterCodec {
    /** A value this codec does not write: the article is parsed again by every build. */
    static final class Unsupported extends Exception {
        Unsupported(Object value) {
            super("cannot keep a " + value.getClass().getName() + " in the content cache", null, false, false);
        }
    }

    private FrontMatterCodec() {
    }

    static void write(DataOutput out, FrontMatter fm) throws IOException, Unsupported {
        text(out, fm.title());
        date(out, fm.date());
        date(out, fm.lastmod());
        text(out, fm.author());
        value(out, fm.tags());
        text(out, fm.category());
        text(out, fm.summary());
        text(out, fm.image());
        text(out, fm.caption());
        text(out, fm.slug());
        value(out, fm.aliases());
        out.writeBoolean(fm.draft());
        date(out, fm.expiryDate());
        value(out, fm.params());
    }

    /** {@link #read(KeptBytes, Shared)} with nothing shared: each value its own object. */
    static FrontMatter read(KeptBytes in) throws IOException {
        return read(in, new Shared());
    }

    /**
     * Reads a front matter back, taking the values many articles repeat (authors, categories,
     * tags, time zones) from {@code shared}: the content stage reads every unchanged article's
     * front matter in every build, and each is kept for the whole build, so at 100,000 articles
     * their own copies were ~500,000 strings and 100,000 zones in the heap, promoted into the
     * old generation by the young collections of the content stage. Those are found by their
     * bytes, not decoded again.
     */
    @SuppressWarnings("unchecked")
    static FrontMatter read(KeptBytes in, Shared shared) throws IOException {
        String title = text(in);
        ZonedDateTime date = date(in, shared);
        ZonedDateTime lastmod = date(in, shared);
        String author = text(in, shared);
        List<String> tags = stringList(in, shared);
        String category = text(in, shared);
        String summary = text(in);
        String image = text(in);
        String caption = text(in);
        String slug = text(in);
        List<String> aliases = stringList(in, null);
        boolean draft = in.readBoolean();
        ZonedDateTime expiryDate = date(in, shared);
        Object params = value(in);
        if (!(params instanceof Map<?, ?> map)) {
            throw new IOException("front matter params are not a mapping");
        }
        return new FrontMatter(title, date, lastmod, author, tags, category, summary, image, caption, slug, aliases,
                draft, expiryDate, map.isEmpty() ? NO_PARAMS : Collections.unmodifiableMap((Map<String, Object>) params));
    }

    /** The params of every front matter that has none (a map equals any other empty one). */
    private static final Map<String, Object> NO_PARAMS = Collections.emptyMap();

    /**
     * Values read back once and handed to every front matter that holds an equal one, across the
     * threads of one content stage. Only values articles share (names of people, categories, tags,
     * zones) go in: a site has far fewer of them than articles.
     */
    static final class Shared {
        private final Map<String, String> texts = new ConcurrentHashMap<>();
        private final Map<Utf8, String> byBytes = new ConcurrentHashMap<>();
        private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

        /** The text of {@code length} UTF-8 bytes at {@code from}: the one held for those bytes, if any. */
        String text(byte[] bytes, int from, int length) {
            String known = byBytes.get(new Utf8(bytes, from, length)); // a look-up key: no copy
            if (known != null) {
                return known;
            }
            String text = text(new String(bytes, from, length, StandardCharsets.UTF_8));
            byBytes.putIfAbsent(new Utf8(java.util.Arrays.copyOfRange(bytes, from, from + length), 0, length), text);
            return text;
        }

        String text(String text) {
            if (text == null) {
                return null;
            }
            String before = texts.putIfAbsent(text, text);
            return before == null ? text : before;
        }

        ZoneId zone(String id) {
            return zones.computeIfAbsent(id, ZoneId::of);
        }
    }

    /** Bytes compared and hashed in place: a key of {@link Shared}'s texts. */
    private record Utf8(byte[] bytes, int from, int length, int hash) {
        Utf8(byte[] bytes, int from, int length) {
            this(bytes, from, length, hash(bytes, from, length));
        }

        private static int hash(byte[] bytes, int from, int length) {
            int hash = 1;
            for (int i = from; i < from + length; i++) {
                hash = 31 * hash + bytes[i];
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Utf8 that && that.hash == hash && java.util.Arrays.equals(bytes, from, from + length,
                    that.bytes, that.from, that.from + that.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A list of text as {@link #value(DataOutput, Object)} wrote it (or null), read without a list
     * of values first. The reader keeps the tags and aliases as unmodifiable lists: so are these;
     * their items taken from {@code shared} when given.
     */
    private static List<String> stringList(KeptBytes in, Shared shared) throws IOException {
        int kind = in.readByte();
        if (kind == 'n') {
            return null;
        }
        if (kind != 'L') {
            throw new IOException("a list of text was expected");
        }
        int size = count(in);
        if (size == 0) {
            return List.of();
        }
        String[] items = new String[size];
        for (int i = 0; i < size; i++) {
            String item = in.readByte() == 's' ? text(in, shared) : null;
            if (item == null) {
                throw new IOException("a list of text was expected");
            }
            items[i] = item;
        }
        return List.of(items);
    }

    private static void text(DataOutput out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(KeptBytes in) throws IOException {
        return text(in, null);
    }

    /** A text as {@link #text(DataOutput, String)} wrote it, taken from {@code shared} when given. */
    private static String text(KeptBytes in, Shared shared) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length == 0) {
            return ""; // an empty caption, image or summary: one object for all
        }
        return shared == null ? in.text(length) : in.sharedText(length, shared);
    }

    /** A date as its local date-time, offset and zone: {@code equals} compares all three. */
    private static void date(DataOutput out, ZonedDateTime date) throws IOException {
        out.writeBoolean(date != null);
        if (date != null) {
            LocalDateTime local = date.toLocalDateTime();
            out.writeLong(local.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(local.getNano());
            out.writeInt(date.getOffset().getTotalSeconds());
            text(out, date.getZone().getId());
        }
    }

    private static ZonedDateTime date(KeptBytes in, Shared shared) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long second = in.readLong();
        int nano = in.readInt();
        int offset = in.readInt();
        String zone = text(in, shared);
        try {
            return ZonedDateTime.ofStrict(LocalDateTime.ofEpochSecond(second, nano, ZoneOffset.UTC),
                    ZoneOffset.ofTotalSeconds(offset), shared.zone(zone));
        } catch (RuntimeException e) {
            throw new IOException("a kept date does not read back: " + e.getMessage(), e);
        }
    }

    private static void value(DataOutput out, Object value) throws IOException, Unsupported {
        if (value == null) {
            out.writeByte('n');
        } else if (value instanceof String text) {
            out.writeByte('s');
            text(out, text);
        } else if (value instanceof Boolean bool) {
            out.writeByte(bool ? 'T' : 'F');
        } else if (value instanceof Integer number) {
            out.writeByte('i');
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte('l');
            out.writeLong(number);
        } else if (value instanceof BigInteger number) {
            out.writeByte('g');
            text(out, number.toString());
        } else if (value instanceof Double number) {
            out.writeByte('d');
            out.writeDouble(number);
        } else if (value instanceof byte[] bytes) {
            out.writeByte('b');
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof List<?> list) {
            out.writeByte('L');
            out.writeInt(list.size());
            for (Object item : list) {
                value(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                value(out, entry.getKey());
                value(out, entry.getValue());
            }
        } else {
            throw new Unsupported(value);
        }
    }

    private static Object value(KeptBytes in) throws IOException {
        int kind = in.readByte();
        switch (kind) {
            case 'n':
                return null;
            case 's':
                return text(in);
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'i':
                return in.readInt();
            case 'l':
                return in.readLong();
            case 'g':
                return new BigInteger(text(in));
            case 'd':
                return in.readDouble();
            case 'b':
                return in.bytes(count(in));
            case 'L': {
                int size = count(in);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(value(in));
                }
                return list;
            }
            case 'M': {
                int size = count(in);
                Map<Object, Object> map = new LinkedHashMap<>(size * 4 / 3 + 1);
                for (int i = 0; i < size; i++) {
                    map.put(value(in), value(in));
                }
                return map;
            }
            default:
                throw new IOException("unknown kind of kept value: " + kind);
        }
    }

    private static int count(KeptBytes in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > io.gazette.problems.Limits.MAX_FILE_BYTES) {
            throw new IOException("a kept value claims " + count + " items");
        }
        return count;
    }
}
