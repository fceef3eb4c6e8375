package io.gazette.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes the project uses, in one place: SHA-256 where a name must not collide (content
 * addresses of the preview's blobs, the search index version) and FNV-1a where a fast,
 * well-known hash must be computed the same way by another program (the search index shards,
 * which search.js finds with the same function).
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
