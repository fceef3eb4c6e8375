package io.gazette.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One shard file of the static index: the entries of its buckets sorted by key (UTF-8 bytes), so
 * that a shard's bytes and its readable dump do not depend on how buckets were encoded. (Keys
 * of one shard are hash neighbours, not text neighbours: front coding them was measured to save
 * nothing.)
 * <pre>
 * shard := varint count, entry*
 * entry := varint keyLen, key, varint bodyLen, body
 * </pre>
 */
final class ShardFile {
    private ShardFile() {
    }

    private record Entry(byte[] key, byte[] source, int bodyFrom, int bodyLength) {
    }

    /** One entry of a shard: its key and body, as bytes. */
    record KeyBody(byte[] key, byte[] body) {
        int size() {
            return DocSets.varintSize(key.length) + key.length + DocSets.varintSize(body.length) + body.length;
        }
    }

    /** The entries of a shard {@link #encode} wrote, in its order. */
    static List<KeyBody> decode(byte[] shard) {
        int[] at = {0};
        int count = DocSets.readVarint(shard, at);
        List<KeyBody> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int keyLength = DocSets.readVarint(shard, at);
            byte[] key = Arrays.copyOfRange(shard, at[0], at[0] + keyLength);
            at[0] += keyLength;
            int bodyLength = DocSets.readVarint(shard, at);
            byte[] body = Arrays.copyOfRange(shard, at[0], at[0] + bodyLength);
            at[0] += bodyLength;
            out.add(new KeyBody(key, body));
        }
        if (at[0] != shard.length) {
            throw new IllegalArgumentException("a shard of " + count + " entries has bytes after them");
        }
        return out;
    }

    /** The shard of {@code entries} (any order, distinct keys). */
    static byte[] encode(List<KeyBody> entries) {
        List<KeyBody> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        int size = DocSets.varintSize(sorted.size());
        for (KeyBody e : sorted) {
            size += e.size();
        }
        DocSets.Sink out = new DocSets.Sink(size);
        DocSets.varint(out, sorted.size());
        for (KeyBody e : sorted) {
            DocSets.varint(out, e.key().length);
            out.write(e.key(), 0, e.key().length);
            DocSets.varint(out, e.body().length);
            out.write(e.body(), 0, e.body().length);
        }
        return out.exactBytes();
    }

    /**
     * The shard of {@code parts}, each a run of {@code varint keyLen, key, varint bodyLen, body}
     * entries as {@link ShardEntries} writes them.
     */
    static byte[] encode(int count, List<byte[]> parts) {
        List<Entry> entries = new ArrayList<>(count);
        int size = 0;
        for (byte[] part : parts) {
            int[] at = {0};
            while (at[0] < part.length) {
                int keyLength = DocSets.readVarint(part, at);
                byte[] key = Arrays.copyOfRange(part, at[0], at[0] + keyLength);
                at[0] += keyLength;
                int bodyLength = DocSets.readVarint(part, at);
                entries.add(new Entry(key, part, at[0], bodyLength));
                at[0] += bodyLength;
            }
            size += part.length;
        }
        if (entries.size() != count) {
            throw new IllegalStateException("shard of " + count + " entries holds " + entries.size());
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        DocSets.Sink out = new DocSets.Sink(size + DocSets.varintSize(count));
        DocSets.varint(out, count);
        for (Entry e : entries) {
            DocSets.varint(out, e.key().length);
            out.write(e.key(), 0, e.key().length);
            DocSets.varint(out, e.bodyLength());
            out.write(e.source(), e.bodyFrom(), e.bodyLength());
        }
        return out.exactBytes();
    }
}
