package io.gazette.render;

/** A cheap 64-bit running hash (FNV-1a) of what a page shows; not for security. */
final class Fingerprint {
    private long hash = 0xcbf29ce484222325L;

    Fingerprint add(String value) {
        if (value == null) {
            return add(0L);
        }
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return add(value.length());
    }

    Fingerprint add(long value) {
        for (int i = 0; i < 8; i++) {
            hash ^= (value >>> (i * 8)) & 0xFF;
            hash *= 0x100000001b3L;
        }
        return this;
    }

    long value() {
        return hash;
    }
}
