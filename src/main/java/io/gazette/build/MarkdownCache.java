package io.gazette.build;

import io.gazette.hash.Hashes;
import io.gazette.markdown.RenderedMarkdown;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Articles' rendered Markdown kept between builds in {@code .gazette/cache/build/}, so that a build
 * runs Flexmark only for articles whose Markdown changed. An entry is found by a SHA-256 of
 * everything its rendering depends on besides the {@link CacheKey} (the file's path, its lead
 * photo setting, the line its body starts on and the Markdown itself), and it is kept only for
 * articles that publish no files of their own and had no problem: their rendering depends on
 * nothing else (see {@link ContentStage}).
 *
 * <p>Two files: {@code bodies.data}, entries appended one after another, each holding its own key
 * and a CRC-32C of its bytes, and {@code bodies.index}, key → place, written whole and renamed at
 * the end of a successful build, under the {@link CacheKey}. An entry whose bytes do not check is
 * a miss: the article is rendered again. When more than half the data file is entries no build
 * uses any more, the live ones are copied into a new one.
 */
final class MarkdownCache implements AutoCloseable {
    private static final long MAGIC = 0x47415a4554544d44L; // "GAZETTMD"
    private static final int FORMAT = 1;

    /** The 128 first bits of the SHA-256 of an article's rendering inputs. */
    record Key(long high, long low) {
    }

    private record Slot(long offset, int length) {
    }

    private final Path dataFile;
    private final Path indexFile;
    private final CacheKey cacheKey;
    private final Map<Key, Slot> slots;
    /** Entries this build looked up or added: the ones the saved index keeps. */
    private final Set<Key> used = ConcurrentHashMap.newKeySet();
    private RandomAccessFile data;
    private long end;

    private MarkdownCache(Path dir, CacheKey cacheKey, Map<Key, Slot> slots) {
        this.dataFile = dir.resolve("bodies.data");
        this.indexFile = dir.resolve("bodies.index");
        this.cacheKey = cacheKey;
        this.slots = slots;
    }

    /** The cache of {@code dir}; empty when it was kept under another key, is missing or is damaged. */
    static MarkdownCache open(Path dir, CacheKey key) throws IOException {
        Files.createDirectories(dir);
        Map<Key, Slot> slots = readIndex(dir.resolve("bodies.index"), key);
        MarkdownCache cache = new MarkdownCache(dir, key, slots == null ? new ConcurrentHashMap<>() : slots);
        if (slots == null) {
            Files.deleteIfExists(cache.dataFile);
        }
        cache.data = new RandomAccessFile(cache.dataFile.toFile(), "rw");
        cache.end = cache.data.length();
        return cache;
    }

    static Key keyOf(String path, String leadImage, int bodyFirstLine, String markdown) {
        MessageDigest sha = Hashes.sha256();
        sha.update((path + '\0' + leadImage + '\0' + bodyFirstLine + '\0').getBytes(StandardCharsets.UTF_8));
        sha.update(markdown.getBytes(StandardCharsets.UTF_8));
        ByteBuffer digest = ByteBuffer.wrap(sha.digest());
        return new Key(digest.getLong(), digest.getLong());
    }

    /** The rendering kept under {@code key}, or null. */
    RenderedMarkdown get(Key key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        byte[] bytes = new byte[slot.length()];
        synchronized (this) {
            try {
                if (slot.offset() + slot.length() > end) {
                    return null;
                }
                data.seek(slot.offset());
                data.readFully(bytes);
            } catch (IOException e) {
                return null;
            }
        }
        RenderedMarkdown rendered = decode(bytes, key);
        if (rendered != null) {
            used.add(key);
        }
        return rendered;
    }

    /** Keeps a rendering under {@code key}. */
    void put(Key key, RenderedMarkdown rendered) {
        byte[] bytes = encode(key, rendered);
        long at;
        synchronized (this) {
            at = end;
            try {
                data.seek(at);
                data.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the Markdown cache in .gazette/", e);
            }
            end += bytes.length;
        }
        slots.put(key, new Slot(at, bytes.length));
        used.add(key);
    }

    /**
     * Writes the index of the entries this build used, after copying them into a new data file
     * when most of the old one is dead.
     */
    synchronized void save() throws IOException {
        Map<Key, Slot> live = new java.util.HashMap<>();
        long liveBytes = 0;
        for (Key key : used) {
            Slot slot = slots.get(key);
            if (slot != null) {
                live.put(key, slot);
                liveBytes += slot.length();
            }
        }
        if (end > 2 * liveBytes + (16 << 20)) {
            live = compact(live);
        }
        Path temp = Files.createTempFile(indexFile.getParent(), "bodies-", ".tmp");
        try {
            CRC32C crc = new CRC32C();
            try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), crc))) {
                out.writeLong(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(cacheKey.gazette());
                out.writeUTF(cacheKey.theme());
                out.writeUTF(cacheKey.settings());
                out.writeInt(live.size());
                for (Map.Entry<Key, Slot> e : live.entrySet()) {
                    out.writeLong(e.getKey().high());
                    out.writeLong(e.getKey().low());
                    out.writeLong(e.getValue().offset());
                    out.writeInt(e.getValue().length());
                }
                out.flush();
                out.writeLong(crc.getValue());
            }
            move(temp, indexFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Copies the live entries into a new data file, which replaces the old one. */
    private Map<Key, Slot> compact(Map<Key, Slot> live) throws IOException {
        Path temp = Files.createTempFile(dataFile.getParent(), "bodies-", ".tmp");
        Map<Key, Slot> moved = new java.util.HashMap<>();
        try (RandomAccessFile out = new RandomAccessFile(temp.toFile(), "rw")) {
            long at = 0;
            for (Map.Entry<Key, Slot> e : live.entrySet()) {
                byte[] bytes = new byte[e.getValue().length()];
                data.seek(e.getValue().offset());
                data.readFully(bytes);
                out.write(bytes);
                moved.put(e.getKey(), new Slot(at, bytes.length));
                at += bytes.length;
            }
        }
        data.close();
        // The old index still names places in the old data: removed first, so a build killed
        // between the renames finds no index and starts this cache afresh.
        Files.deleteIfExists(indexFile);
        move(temp, dataFile);
        data = new RandomAccessFile(dataFile.toFile(), "rw");
        end = data.length();
        return moved;
    }

    @Override
    public synchronized void close() throws IOException {
        data.close();
    }

    private static byte[] encode(Key key, RenderedMarkdown rendered) {
        byte[] html = rendered.html().getBytes(StandardCharsets.UTF_8);
        byte[] plain = rendered.plainText().getBytes(StandardCharsets.UTF_8);
        byte[] lead = rendered.leadText().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(16 + 16 + html.length + plain.length + lead.length + 8);
        out.putLong(key.high()).putLong(key.low());
        out.putInt(html.length).putInt(plain.length).putInt(lead.length).putInt(rendered.wordCount());
        out.put(html).put(plain).put(lead);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        return out.array();
    }

    /** The entry's rendering, or null when its bytes are not those of an entry of {@code key}. */
    private static RenderedMarkdown decode(byte[] bytes, Key key) {
        if (bytes.length < 40) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getLong(bytes.length - 8) != crc.getValue() || in.getLong() != key.high() || in.getLong() != key.low()) {
            return null;
        }
        int html = in.getInt();
        int plain = in.getInt();
        int lead = in.getInt();
        int words = in.getInt();
        if (html < 0 || plain < 0 || lead < 0 || 32L + html + plain + lead + 8 != bytes.length) {
            return null;
        }
        return new RenderedMarkdown(new String(bytes, 32, html, StandardCharsets.UTF_8),
                new String(bytes, 32 + html, plain, StandardCharsets.UTF_8),
                new String(bytes, 32 + html + plain, lead, StandardCharsets.UTF_8), words);
    }

    /** The saved index, or null when it is missing, damaged or kept under another key. */
    private static Map<Key, Slot> readIndex(Path file, CacheKey key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT
                    || !new CacheKey(in.readUTF(), in.readUTF(), in.readUTF()).equals(key)) {
                return null;
            }
            int count = in.readInt();
            if (count < 0 || count > 50_000_000) {
                return null;
            }
            Map<Key, Slot> slots = new ConcurrentHashMap<>(count * 4 / 3 + 16);
            for (int i = 0; i < count; i++) {
                slots.put(new Key(in.readLong(), in.readLong()), new Slot(in.readLong(), in.readInt()));
            }
            long expected = crc.getValue();
            return in.readLong() == expected ? slots : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
