package io.gazette.build;

import io.gazette.hash.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What tells one version of a content file from another: a 128-bit MurmurHash3 of its path (as
 * shown, {@code content/2014/a.md}) and its bytes as read from disk. Everything the content stage
 * makes of a file — its front matter, its rendered body — follows from these, the site's settings
 * and the Gazette that reads them; so it keys the {@link ContentCache} (with the settings and the
 * Gazette in its {@link CacheKey}) and gives an article its content hash
 * ({@link io.gazette.site.Article#contentHash()}).
 *
 * <p>Hashed from the raw bytes, once per file: the text is neither encoded again nor walked
 * value by value. MurmurHash3, not SHA-256: the hash only has to tell apart the versions of an
 * archive's own files, not resist someone forging them, and SHA-256 has no intrinsic on the C1
 * compiler builds run on (a tenth of the content stage; MurmurHash3 takes a thirtieth of its
 * time). 64 bits of it are the content hash, so that no two versions of an article in an archive
 * of 100,000 collide and leave a page stale (a 32-bit hash could).
 *
 * @param high the first 64 bits: the article's content hash
 * @param low  the next 64
 */
record SourceHash(long high, long low) {

    /** The hash of the file shown as {@code shown} holding {@code bytes}. */
    static SourceHash of(Path shown, byte[] bytes) {
        byte[] path = shown.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
        long[] pathHash = Hashes.murmur3x64128(path, 0, path.length, 0);
        long[] bytesHash = Hashes.murmur3x64128(bytes, 0, bytes.length, 0);
        // The path's hash and the bytes' hash, hashed together: no copy of the file to join them.
        byte[] both = ByteBuffer.allocate(4 * Long.BYTES).putLong(pathHash[0]).putLong(pathHash[1])
                .putLong(bytesHash[0]).putLong(bytesHash[1]).array();
        long[] hash = Hashes.murmur3x64128(both, 0, both.length, 0);
        return new SourceHash(hash[0], hash[1]);
    }

    /** The article's content hash. */
    long contentHash() {
        return high;
    }

    // Written out: a record's own equals and hashCode go through method handles, which the C1
    // compiler builds run on does not inline; as the content cache's key they were a tenth of
    // the content stage of a build that found every file unchanged.
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceHash that && that.high == high && that.low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }
}
