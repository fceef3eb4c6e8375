package io.gazette.build;

import io.gazette.hash.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * What tells one version of a content file from another: the first 128 bits of the SHA-256 of its
 * path (as shown, {@code content/2014/a.md}) and its bytes as read from disk. Everything the
 * content stage makes of a file — its front matter, its rendered body — follows from these, the
 * site's settings and the Gazette that reads them; so it keys the {@link ContentCache} (with the
 * settings and the Gazette in its {@link CacheKey}) and gives an article its content hash
 * ({@link io.gazette.site.Article#contentHash()}).
 *
 * <p>Hashed from the raw bytes, once per file: the text is neither encoded again nor walked
 * value by value (the hash used to cover the front matter's values and the Markdown, UTF-8-encoded
 * again, and a second SHA-256 of the Markdown keyed the rendering: three passes over the text).
 * 64 bits of it are the content hash, so that no two versions of an article in an archive of
 * 100,000 collide and leave a page stale (a 32-bit hash could).
 *
 * @param high the first 64 bits: the article's content hash
 * @param low  the next 64
 */
record SourceHash(long high, long low) {

    /** The hash of the file shown as {@code shown} holding {@code bytes}. */
    static SourceHash of(Path shown, byte[] bytes) {
        MessageDigest sha = Hashes.sha256();
        byte[] path = shown.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(path.length).array());
        sha.update(path);
        sha.update(bytes);
        ByteBuffer digest = ByteBuffer.wrap(sha.digest());
        return new SourceHash(digest.getLong(), digest.getLong());
    }

    /** The article's content hash. */
    long contentHash() {
        return high;
    }
}
