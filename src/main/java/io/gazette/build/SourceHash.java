package io.gazette.build;

import io.gazette.content.ArticleSource;
import io.gazette.content.FrontMatter;
import io.gazette.hash.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Map;

/**
 * An article's content hash ({@link io.gazette.site.Article#contentHash()}): 64 bits of SHA-256
 * over everything read from its file, its front matter's values and its Markdown, so that two
 * different versions of an article are told apart (a 32-bit {@code Objects.hash} could collide
 * in an archive of 100,000 and leave a page stale).
 *
 * <p>Every value goes in with its type and length, so that no two different front matters give
 * the same bytes: {@code tags: [a, b]} is not {@code tags: ["a, b"]}, the number 1 is not the
 * text "1".
 */
final class SourceHash {
    private final MessageDigest sha = Hashes.sha256();
    private final ByteBuffer scratch = ByteBuffer.allocate(Long.BYTES);

    private SourceHash() {
    }

    /** The content hash of {@code source}. */
    static long of(ArticleSource source) {
        SourceHash hash = new SourceHash();
        FrontMatter fm = source.frontMatter();
        Object[] fields = {fm.title(), fm.date(), fm.lastmod(), fm.author(), fm.tags(), fm.category(), fm.summary(),
                fm.image(), fm.caption(), fm.slug(), fm.aliases(), fm.draft(), fm.expiryDate(), fm.params()};
        for (Object field : fields) {
            hash.value(field);
        }
        hash.value(source.markdown());
        return ByteBuffer.wrap(hash.sha.digest()).getLong();
    }

    private void value(Object value) {
        if (value == null) {
            sha.update((byte) 'n');
        } else if (value instanceof CharSequence text) {
            text('s', text.toString());
        } else if (value instanceof Boolean bool) {
            sha.update((byte) (bool ? 'T' : 'F'));
        } else if (value instanceof byte[] bytes) {
            sha.update((byte) 'b');
            number(bytes.length);
            sha.update(bytes);
        } else if (value instanceof Map<?, ?> map) {
            sha.update((byte) 'm');
            number(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                value(entry.getKey());
                value(entry.getValue());
            }
        } else if (value instanceof Collection<?> list) {
            sha.update((byte) 'l');
            number(list.size());
            list.forEach(this::value);
        } else if (value instanceof java.util.Date date) {
            sha.update((byte) 'd');
            number(date.getTime());
        } else {
            // Numbers, dates and times: the type and the text that tells values of it apart.
            text('o', value.getClass().getName());
            text('v', value.toString());
        }
    }

    private void text(char kind, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) kind);
        number(bytes.length);
        sha.update(bytes);
    }

    private void number(long n) {
        scratch.clear();
        scratch.putLong(n);
        sha.update(scratch.array());
    }
}
