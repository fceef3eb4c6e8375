package io.gazette.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The binary files of the static index as text a reviewer can read in a diff: golden fixtures
 * keep this instead of the bytes ({@code GoldenSiteTest}). Decodes the formats described in
 * {@link StaticIndexExporter} (shards), {@link ShardCutter#table} and {@link PassageExporter}
 * independently of the exporter's code, so a format change shows as a changed dump.
 */
public final class StaticIndexDump {
    private StaticIndexDump() {
    }

    /** Whether {@code path} (site-relative) is a binary file of the static index. */
    public static boolean isBinary(String path) {
        return path.startsWith(StaticIndexExporter.DIR + "/") && path.endsWith(".bin");
    }

    /** The text of a binary index file. */
    public static String dump(String path, byte[] bytes) {
        if (path.equals(StaticIndexExporter.TABLE)) {
            return "shard starts: " + table(bytes) + "\n";
        }
        if (path.startsWith(StaticIndexExporter.DIR + "/t/")) {
            return shard(bytes);
        }
        if (path.startsWith(StaticIndexExporter.DIR + "/f/") || path.startsWith(StaticIndexExporter.DIR + "/g/")) {
            return shard(bytes).replace(" →", " → positions in the union:");
        }
        if (path.startsWith(StaticIndexExporter.DIR + "/p/")) {
            return pack(bytes);
        }
        throw new IllegalArgumentException("not a static index file: " + path);
    }

    /** Decodes {@code search/shards.bin}: the first bucket of each shard. */
    static List<Integer> table(byte[] bytes) {
        int[] at = {0};
        int count = DocSets.readVarint(bytes, at);
        int k = bytes[at[0]++];
        List<Integer> starts = new ArrayList<>();
        if (count > 0) {
            starts.add(0);
        }
        long bit = 8L * at[0];
        for (int i = 1; i < count; i++) {
            int q = 0;
            while (bitAt(bytes, bit++) == 1) {
                q++;
            }
            int low = 0;
            for (int j = 0; j < k; j++) {
                low = low * 2 + bitAt(bytes, bit++);
            }
            starts.add(starts.get(i - 1) + (q << k) + low + 1);
        }
        return starts;
    }

    private static int bitAt(byte[] bytes, long bit) {
        return (bytes[(int) (bit >>> 3)] >> (7 - (int) (bit & 7))) & 1;
    }

    /** One line per entry: the key, then for each field (or for the key's one set) its documents. */
    static String shard(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int[] at = {0};
        int count = DocSets.readVarint(bytes, at);
        for (int e = 0; e < count; e++) {
            int keyLength = DocSets.readVarint(bytes, at);
            String k = new String(bytes, at[0], keyLength, StandardCharsets.UTF_8);
            at[0] += keyLength;
            int length = DocSets.readVarint(bytes, at);
            int end = at[0] + length;
            out.append(k).append(" →");
            if (k.startsWith("#") || k.startsWith("=") || k.startsWith("@")) {
                out.append(' ').append(docset(bytes, at));
            } else {
                int mask = bytes[at[0]++] & 0xff;
                if ((mask & 0x80) != 0) {
                    out.append(" split, any of");
                    for (int f = 0; f < 7; f++) {
                        if ((mask & (1 << f)) != 0) {
                            out.append(' ').append(f < SearchFields.TEXT_FIELDS.size() ? SearchFields.TEXT_FIELDS.get(f) : "f" + f);
                        }
                    }
                    out.append(':');
                    mask = 1 << 7;
                }
                for (int f = 0; f < 8; f++) {
                    if ((mask & (1 << f)) != 0) {
                        out.append(f == 7 ? "" : " " + (f < SearchFields.TEXT_FIELDS.size() ? SearchFields.TEXT_FIELDS.get(f) : "f" + f))
                                .append(docset(bytes, at));
                    }
                }
            }
            if (at[0] != end) {
                throw new IllegalStateException("entry " + k + " does not end where its length says");
            }
            out.append('\n');
        }
        if (at[0] != bytes.length) {
            throw new IllegalStateException("bytes after the last entry");
        }
        return out.toString();
    }

    private static String docset(byte[] bytes, int[] at) {
        int type = bytes[at[0]++];
        List<Integer> docs = new ArrayList<>();
        String form;
        switch (type) {
            case 0 -> {
                form = "";
                int n = DocSets.readVarint(bytes, at);
                int d = DocSets.readVarint(bytes, at);
                docs.add(d);
                while (--n > 0) {
                    d += DocSets.readVarint(bytes, at) + 1;
                    docs.add(d);
                }
            }
            case 1 -> {
                form = "bitmap";
                int start = DocSets.readVarint(bytes, at);
                int len = DocSets.readVarint(bytes, at);
                for (int i = 0; i < len * 8; i++) {
                    if ((bytes[at[0] + i / 8] & (1 << (i % 8))) != 0) {
                        docs.add(start + i);
                    }
                }
                at[0] += len;
            }
            case 2 -> {
                int first = DocSets.readVarint(bytes, at);
                int last = first + DocSets.readVarint(bytes, at);
                form = first + ".." + last + " but";
                int n = DocSets.readVarint(bytes, at);
                int d = first;
                for (int i = 0; i < n; i++) {
                    d += DocSets.readVarint(bytes, at) + 1;
                    docs.add(d);
                }
            }
            default -> throw new IllegalStateException("docset type " + type);
        }
        return (form.isEmpty() ? "" : " " + form) + docs;
    }

    /** One block per document: its number, then its record inflated (row, then text). */
    static String pack(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int first = le32(bytes, 0);
        int docs = first / 4 - 1;
        for (int d = 0; d < docs; d++) {
            int from = le32(bytes, 4 * d);
            int to = le32(bytes, 4 * d + 4);
            out.append("[").append(d).append("] ").append(to - from).append(" bytes\n");
            if (to > from) {
                out.append(inflate(bytes, from, to - from)).append('\n');
            }
        }
        return out.toString();
    }

    private static String inflate(byte[] bytes, int from, int length) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, from, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated deflate stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
