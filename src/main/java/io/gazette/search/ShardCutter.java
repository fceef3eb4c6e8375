package io.gazette.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups the static index's hash buckets, in bucket order, into shard files of about
 * {@link #target} bytes, and records where each shard starts ({@link #table}).
 *
 * <h2>Why content-defined cuts</h2>
 * A shard is named after its first bucket ({@code t/<hex>.bin}), so its name stays the same as long
 * as its start does. Cutting greedily at a size would move every later start when one bucket
 * grows; here a shard ends, once it holds at least half the target, only before a bucket whose
 * number hashes to a "natural" cut (as content-defined chunking does with rolling hashes), or
 * before it would pass twice the target. A bucket that grows moves at most the cuts up to the
 * next natural one, so an edit rewrites the shards of the terms it touches and, rarely, a
 * neighbour. A bucket of the target size or more is a shard of its own (the terms of common
 * syllables), so a small term never shares a file with a large one.
 */
final class ShardCutter {
    /** Receives each finished shard: its first bucket, its entry count and its entries. */
    @FunctionalInterface
    interface Output {
        void shard(int start, int count, List<byte[]> parts) throws IOException;
    }

    private final int target;
    private final Output output;
    /** Natural cuts: buckets whose mixed number has these low bits zero. */
    private int naturalMask = -1;
    private final List<Integer> starts = new ArrayList<>();
    private final List<byte[]> pending = new ArrayList<>();
    private int pendingStart;
    private int pendingCount;
    private long pendingBytes;
    private boolean lastWasLarge;

    ShardCutter(int target, Output output) {
        this.target = target;
        this.output = output;
    }

    /**
     * Sets how often natural cuts come from the average bucket size seen first (a power of two,
     * so that small changes of the average do not change it): about one every half target.
     */
    void calibrate(long bytes, int buckets) {
        double average = Math.max(1.0, (double) bytes / Math.max(1, buckets));
        int every = Integer.highestOneBit((int) Math.max(1, Math.min(1 << 20, target / 2.0 / average)));
        naturalMask = every - 1;
    }

    /** The next bucket (numbers strictly increasing from 0), with its entries or null. */
    void add(int bucket, int count, byte[] entries) throws IOException {
        add(bucket, count, entries == null ? 0 : entries.length, entries);
    }

    /**
     * The next bucket, of {@code size} bytes in {@code count} entries; {@code entries} may be null
     * when only the cuts are wanted ({@link #plan}).
     */
    void add(int bucket, int count, int size, byte[] entries) throws IOException {
        if (naturalMask < 0) {
            throw new IllegalStateException("calibrate first");
        }
        boolean large = size >= target;
        if (starts.isEmpty()) {
            pendingStart = bucket;
            starts.add(bucket);
        } else if (pendingBytes > 0 && (large || lastWasLarge || pendingBytes + size > 2L * target
                || (pendingBytes >= target / 2 && natural(bucket)))) {
            flush();
            pendingStart = bucket;
            starts.add(bucket);
        }
        if (size > 0) {
            if (entries != null) {
                pending.add(entries);
            }
            pendingCount += count;
            pendingBytes += size;
        }
        lastWasLarge = large;
    }

    /** Writes the last shard. */
    void finish() throws IOException {
        if (!starts.isEmpty()) {
            flush();
        }
    }

    private void flush() throws IOException {
        output.shard(pendingStart, pendingCount, List.copyOf(pending));
        pending.clear();
        pendingCount = 0;
        pendingBytes = 0;
    }

    private boolean natural(int bucket) {
        int h = bucket * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return (h & naturalMask) == 0;
    }

    /**
     * Where the shards of buckets of these sizes start, as an export cuts them: calibrated on the
     * first {@code calibrateBuckets} buckets, as the export's first pass.
     */
    static int[] plan(int target, int[] sizes, int[] counts, int calibrateBuckets) {
        ShardCutter cutter = new ShardCutter(target, (start, count, parts) -> { });
        long sum = 0;
        for (int b = 0; b < calibrateBuckets; b++) {
            sum += sizes[b];
        }
        cutter.calibrate(sum, calibrateBuckets);
        try {
            for (int b = 0; b < sizes.length; b++) {
                cutter.add(b, counts[b], sizes[b], null);
            }
            cutter.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cutter.starts().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The first bucket of each shard, in order (the first is 0 when bucket 0 was added first). */
    List<Integer> starts() {
        return List.copyOf(starts);
    }

    /**
     * {@code search/shards.bin}: the shard starts as a Rice code, what search.js binary-searches.
     * <pre>
     * table := varint count, byte k, bits
     * bits  := per start after the first (which is 0): gap-1 as (gap-1)&gt;&gt;k one bits, a zero bit,
     *          then the k low bits of gap-1, most significant first; bytes filled from their high bit
     * </pre>
     * About 8–9 bits a shard (a list of numbers would take 2–3 bytes each).
     */
    static byte[] table(List<Integer> starts, int buckets) {
        int count = starts.size();
        int k = count <= 1 ? 0 : Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, buckets / count)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(count + 8);
        int v = count;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
        out.write(k);
        int current = 0;
        int used = 0;
        for (int i = 1; i < count; i++) {
            int gap = starts.get(i) - starts.get(i - 1) - 1;
            for (int q = gap >>> k; q > 0; q--) {
                current = (current << 1) | 1;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
            current <<= 1;
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
            for (int b = k - 1; b >= 0; b--) {
                current = (current << 1) | ((gap >>> b) & 1);
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }
        if (used > 0) {
            out.write(current << (8 - used));
        }
        return out.toByteArray();
    }
}
