package io.gazette.build;

import io.gazette.files.ChecksummedFile;
import io.gazette.site.Article;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * What the last sync left in the Lucene index, article by article, so that the next build's sync
 * need not read and hash every article's text to find the few that changed (at 100,000 articles
 * that was 8 of the 24 s of a build with nothing changed): for each url, the key of the article
 * whose search document the index holds there, made of the article's {@link Article#contentHash()}
 * (the source file's bytes and the files it publishes) and {@link Article#cardHash()} (url, title,
 * date, author, summary, tag and category names: every other field of its search document). Under
 * the same Gazette, theme and settings ({@code salt}, from the {@link CacheKey}) the document is a
 * function of these two, the same 64-bit hashes that decide whether an article's page is made
 * again, so an article whose key is the one kept is known to be in the index as it is.
 *
 * <p>Kept in {@code .gazette/cache/search-keys} with the index commit it describes: written right
 * after each sync that looked at every article, and used only while the index is still at that
 * commit (the preview, or a build killed before writing it, moves the index on: the next build then
 * compares every article's content hash with the index, as before, and writes the keys again).
 * An article with attached PDFs has no key (their text is read from the media cache): it is always
 * compared. Written whole, atomically, with a CRC-32C; a damaged file is a missing one.
 */
final class SearchKeys {
    static final String FILE_NAME = "search-keys";
    private static final long MAGIC = 0x47415a455454534bL; // "GAZETTSK"
    private static final int FORMAT = 1;

    /** An article's key; {@link #NONE} for an article that is always compared. */
    record Key(long content, long card) {
    }

    static final Key NONE = new Key(0, 0);

    private final long salt;
    private final long version;
    private final Map<String, Key> keys;

    SearchKeys(long salt, long version, Map<String, Key> keys) {
        this.salt = salt;
        this.version = version;
        this.keys = keys;
    }

    /** The key of {@code article}'s search document, or {@link #NONE} when it must be compared every time. */
    static Key of(Article article) {
        if (!article.media().documents().isEmpty()) {
            return NONE;
        }
        return new Key(article.contentHash(), article.cardHash());
    }

    /** The keys of {@code articles}, for the index at commit {@code version}. */
    static SearchKeys of(long salt, long version, List<Article> articles) {
        Map<String, Key> keys = new HashMap<>(articles.size() * 4 / 3 + 16);
        for (Article article : articles) {
            keys.put(article.url(), of(article));
        }
        return new SearchKeys(salt, version, keys);
    }

    /** The index commit these keys describe. */
    long version() {
        return version;
    }

    /** Url → key of the document the index holds there ({@link #NONE}: compare it). */
    Map<String, Key> keys() {
        return keys;
    }

    /** These keys when they were made under {@code salt}, else null. */
    SearchKeys under(long salt) {
        return this.salt == salt ? this : null;
    }

    /**
     * The keys kept in {@code file} under {@code salt} (null: whatever it was, see {@link #under}), or
     * null: none, damaged, or made under another salt.
     */
    static SearchKeys read(Path file, Long salt) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc))) {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            long keptSalt = in.readLong();
            if (salt != null && keptSalt != salt) {
                return null;
            }
            long version = in.readLong();
            int count = in.readInt();
            if (count < 0 || count > 50_000_000) {
                return null;
            }
            Map<String, Key> keys = new HashMap<>(count * 4 / 3 + 16);
            for (int i = 0; i < count; i++) {
                String url = in.readUTF();
                long content = in.readLong();
                long card = in.readLong();
                keys.put(url, content == 0 && card == 0 ? NONE : new Key(content, card));
            }
            long expected = crc.getValue();
            if (in.readLong() != expected || in.read() != -1 || keys.size() != count) {
                return null;
            }
            return new SearchKeys(keptSalt, version, keys);
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Replaces {@code file} with these keys, atomically. */
    void write(Path file) throws IOException {
        ChecksummedFile.write(file, MAGIC, FORMAT, out -> {
            out.writeLong(salt);
            out.writeLong(version);
            out.writeInt(keys.size());
            for (Map.Entry<String, Key> e : new TreeMap<>(keys).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().content());
                out.writeLong(e.getValue().card());
            }
        });
    }
}
