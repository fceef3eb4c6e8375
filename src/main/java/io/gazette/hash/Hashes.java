package io.gazette.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes the project uses, in one place: SHA-256 where a name must not collide (content
 * addresses of the preview's blobs, the search index version), FNV-1a where a fast,
 * well-known hash must be computed the same way by another program (the search index shards,
 * which search.js finds with the same function), and MurmurHash3 (x64, 128 bits) where the build
 * hashes every content file to tell its versions apart: 30 times faster than SHA-256 on the
 * C1 compiler builds run on, where SHA-256 has no intrinsic (a tenth of the content stage), and
 * as unlikely to collide by chance in an archive (nobody gains by making two of one's own files
 * collide).
 */
public final class Hashes {
    private static final int FNV32_OFFSET = 0x811c9dc5;
    private static final int FNV32_PRIME = 0x01000193;

    private Hashes() {
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 of {@code bytes} in lowercase hex (64 characters). */
    public static String sha256Hex(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    /** Lowercase hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MURMUR_C1 = 0x87c37b91114253d5L;
    private static final long MURMUR_C2 = 0x4cf5ad432745937fL;

    /**
     * MurmurHash3 x64 128 of {@code bytes[from..from+length)} with {@code seed}, as Austin Appleby's
     * reference {@code MurmurHash3_x64_128} computes it: its two 64-bit halves, {@code h1} first.
     */
    public static long[] murmur3x64128(byte[] bytes, int from, int length, int seed) {
        long h1 = seed & 0xFFFFFFFFL;
        long h2 = seed & 0xFFFFFFFFL;
        int blocksEnd = from + (length & ~15);
        for (int i = from; i < blocksEnd; i += 16) {
            // Little-endian longs through a VarHandle: one load each, also on C1 (bytes assembled
            // one by one took three times as long).
            long k1 = (long) LITTLE_ENDIAN_LONG.get(bytes, i);
            long k2 = (long) LITTLE_ENDIAN_LONG.get(bytes, i + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int tail = length & 15;
        for (int t = tail - 1; t >= 8; t--) {
            k2 ^= (bytes[blocksEnd + t] & 0xFFL) << ((t - 8) * 8);
        }
        for (int t = Math.min(tail, 8) - 1; t >= 0; t--) {
            k1 ^= (bytes[blocksEnd + t] & 0xFFL) << (t * 8);
        }
        if (tail > 8) {
            h2 ^= mixK2(k2);
        }
        if (tail > 0) {
            h1 ^= mixK1(k1);
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    /**
     * A 64-bit fingerprint of {@code bytes}: the first half of their {@link #murmur3x64128} with
     * seed 0. What the build fingerprints the files of the static index by, to tell a file's
     * versions apart (SHA-256 was a quarter of the export thread's time after a deletion, with
     * every shard written again).
     */
    public static long murmur3x64(byte[] bytes) {
        return murmur3x64128(bytes, 0, bytes.length, 0)[0];
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * MURMUR_C1, 31) * MURMUR_C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * MURMUR_C2, 33) * MURMUR_C1;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** FNV-1a, 32 bit, over the UTF-8 bytes of {@code key}. */
    public static int fnv1a32(String key) {
        return fnv1a32(key.getBytes(StandardCharsets.UTF_8));
    }

    /** FNV-1a, 32 bit. */
    public static int fnv1a32(byte[] bytes) {
        return fnv1a32(bytes, 0, bytes.length);
    }

    /** FNV-1a, 32 bit, over {@code bytes[from..to)}. */
    public static int fnv1a32(byte[] bytes, int from, int to) {
        int h = FNV32_OFFSET;
        for (int i = from; i < to; i++) {
            h ^= bytes[i] & 0xff;
            h *= FNV32_PRIME;
        }
        return h;
    }
}
