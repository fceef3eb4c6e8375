package io.gazette.build;

import io.gazette.files.ChecksummedFile;
import io.gazette.content.FrontMatter;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.media.ArticleMedia;
import io.gazette.site.ArticleBody;
import io.gazette.site.InputFacts;
import io.gazette.site.SiteUrls;
import java.io.ByteArrayOutputStream;
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
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Content files as the content stage made them, kept between builds in {@code .gazette/cache/build/}
 * so that a build neither parses nor renders a file that did not change: its validated front
 * matter, the line its body starts on, its rendered body (HTML, plain text, word count, the
 * summary cut from its start and the text it was cut from), and what the site model derives from
 * the article alone ({@link InputFacts}: slug, URL, its hashes but for its tags' names). An entry is found by the {@link SourceHash} of the file's path and
 * bytes, so a fresh CI checkout (new modification times) finds every unchanged file; the
 * {@link CacheKey} (Gazette, theme, settings) is the rest of what the result depends on. It is
 * kept only for files that publish no files of their own and had no problem at all: their result
 * depends on nothing else (see {@link ContentStage}).
 *
 * <p>Two files: {@code content.data}, entries appended one after another, each holding its own key
 * and a CRC-32C of its bytes, checked when it is found, and {@code content.index}, key → place,
 * written whole and renamed at the end of a successful build, under the {@link CacheKey}. An entry
 * whose bytes do not check is a miss: the file is parsed again. When more than half the data file
 * is entries no build uses any more, the live ones are copied into a new one.
 *
 * <p>The index also names, for each file path the last build kept, its {@link FileStat} (size,
 * modification and change times, inode) and its hash, when its last change was at least two
 * seconds before it was read: a file whose stat is still the same is not read or hashed at all
 * ({@link #knownHash}). A fresh checkout or a restored cache changes every change time, so there
 * every file is read and hashed, as it must be.
 *
 * <p>A found or added entry's body stays in the data file: the {@link ArticleBody} handed out
 * reads it from there when a page is rendered or the text indexed, so an unchanged article's body
 * is never decoded, and a new one's is written once (not also to a {@link io.gazette.site.BodyStore}).
 * The bodies read through their own handle of the data file, opened with the cache, so the copy
 * into a new data file does not move them; they can be read until {@link #close}.
 */
final class ContentCache implements AutoCloseable {
    private static final long MAGIC = 0x47415a4554544343L; // "GAZETTCC"
    /**
     * 5: an entry holds what the site model derives from the article alone ({@link InputFacts});
     * 4: its summary already cut (3: only the text it is cut from; 2: keyed by SHA-256); an index
     * of another format is not used.
     */
    private static final int FORMAT = 5;
    /** Key, then the lengths of the front matter part, the HTML and the text, and the word count. */
    private static final int HEADER = 16 + 16;

    /**
     * What a kept entry gives back: everything the build's input of an article needs, and what the
     * site model derives from it alone, made when it was kept (for {@code frontMatter}, see {@link InputFacts#fits}).
     */
    record Parsed(FrontMatter frontMatter, int bodyFirstLine, ArticleBody body, InputFacts facts) {
    }

    private record Slot(long offset, int length) {
    }

    /** A file as it was on disk when its bytes had the hash {@code hash}. */
    private record Seen(FileStat stat, SourceHash hash) {
        // Written out (see SourceHash): the save compares every file's with the last build's.
        @Override
        public boolean equals(Object other) {
            return other instanceof Seen that && that.stat.equals(stat) && that.hash.equals(hash);
        }

        @Override
        public int hashCode() {
            return stat.hashCode() * 31 + hash.hashCode();
        }
    }

    /**
     * How long before the file was read its last change must be for its stat to be trusted next
     * time: a write in the same tick of the kernel's clock as the one before could leave the
     * change time as it was (git's "racy" files).
     */
    private static final long SETTLED_NANOS = 2_000_000_000L;

    private final Path dataFile;
    private final Path indexFile;
    private final CacheKey cacheKey;
    private final Map<SourceHash, Slot> slots;
    /** Entries this build looked up or added: the ones the saved index keeps. */
    private final Set<SourceHash> used;
    /** The files the last build saw settled, by path (see {@link #knownHash}). */
    private final Map<String, Seen> known;
    /** The files this build saw settled: the ones the saved index names. */
    private final Map<String, Seen> seen;
    /** Front matter values the entries read back share (see {@link FrontMatterCodec#read(java.io.DataInput, FrontMatterCodec.Shared)}). */
    private final FrontMatterCodec.Shared shared = new FrontMatterCodec.Shared();
    /** Why the saved index could not be used although it was there, or null. */
    private String damage;
    private RandomAccessFile data;
    /** The data file as it was opened, for the bodies handed out (see the class comment). */
    private RandomAccessFile bodies;
    /**
     * The data file for {@link #get}: read at an entry's place in one call ({@code pread}), by
     * every reading thread at once. Through {@code bodies} each look-up was a seek and a read
     * under the cache's lock: 200,000 system calls at 100,000 articles, taken one thread at a
     * time. Its own handle: a reading thread interrupted closes it, and only look-ups miss then.
     * Like {@code bodies}, it stays on the file it opened, whose places {@code slots} name, when
     * {@link #save} copies the live entries into a new one.
     */
    private FileChannel lookups;
    private long end;
    /** How many entries the index named when it was opened, and whether this build added any. */
    private int opened;
    private volatile boolean added;

    private ContentCache(Path dir, CacheKey cacheKey, Map<SourceHash, Slot> slots, Map<String, Seen> known,
            String damage) {
        this.dataFile = dir.resolve("content.data");
        this.indexFile = dir.resolve("content.index");
        this.cacheKey = cacheKey;
        this.slots = slots;
        this.known = known;
        this.damage = damage;
        // Sized for a build that finds every entry and file again: grown one step at a time, the
        // two sets' copies were 4 % of what the content stage allocated at 100,000 articles.
        this.used = ConcurrentHashMap.newKeySet(slots.size() + 16);
        this.seen = new ConcurrentHashMap<>(known.size() + 16);
    }

    /** The cache of {@code dir}; empty when it was kept under another key, is missing or is damaged. */
    static ContentCache open(Path dir, CacheKey key) throws IOException {
        Files.createDirectories(dir);
        // The cache of Gazettes before this one: renderings only, under other names.
        Files.deleteIfExists(dir.resolve("bodies.data"));
        Files.deleteIfExists(dir.resolve("bodies.index"));
        Path index = dir.resolve("content.index");
        String[] why = new String[1];
        // Sized for the files the index names (~140 bytes of it each, entry and file): grown step
        // by step, its table was copied a dozen times over at 100,000 articles.
        long indexBytes = Files.isRegularFile(index) ? Files.size(index) : 0;
        Map<String, Seen> known = new java.util.HashMap<>((int) Math.min(indexBytes / 100, 1 << 24) + 16);
        Map<SourceHash, Slot> slots = readIndex(index, key, known, why);
        ContentCache cache = new ContentCache(dir, key, slots == null ? new ConcurrentHashMap<>() : slots,
                slots == null ? Map.of() : known, why[0]);
        if (slots == null) {
            Files.deleteIfExists(cache.dataFile);
        }
        cache.data = new RandomAccessFile(cache.dataFile.toFile(), "rw");
        cache.bodies = new RandomAccessFile(cache.dataFile.toFile(), "r");
        cache.lookups = FileChannel.open(cache.dataFile, StandardOpenOption.READ);
        cache.end = cache.data.length();
        cache.opened = slots == null ? -1 : cache.slots.size(); // -1: none usable, write one
        for (Slot slot : cache.slots.values()) {
            if (slot.offset() + slot.length() > cache.end) {
                // Cut short (a disk that filled up, a partial restore): nothing of it is trusted.
                cache.slots.clear();
                cache.known.clear();
                cache.damage = "its data file is cut short";
                cache.opened = -1;
                break;
            }
        }
        return cache;
    }

    /**
     * Why the kept index was there but could not be used (damaged, cut short), in a few words;
     * null when it was used, or when there was none (the first build).
     */
    String damage() {
        return damage;
    }

    /**
     * Where each thread reads entries to check them: an entry's body is only checked here (it
     * stays in the file), so reading it into one reused buffer spares the heap 100 MB of garbage
     * per build at 10,000 articles.
     */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[64 << 10]);

    /**
     * The hash of {@code path}'s bytes when the file is as the last build saw it ({@code now}
     * equal to the stat recorded then, see {@link FileStat}): the file need not be read to find
     * its entry. Null when it may have changed, or was not seen.
     */
    SourceHash knownHash(String path, FileStat now) {
        Seen before = now == null ? null : known.get(path);
        return before != null && before.stat().equals(now) ? before.hash() : null;
    }

    /**
     * Records that {@code path}, whose stat was {@code stat} before it was read at
     * {@code readNanos} (wall clock, since the epoch), holds the bytes of {@code hash}; kept for
     * the next build only when the file's last change was settled by then.
     */
    void saw(String path, FileStat stat, SourceHash hash, long readNanos) {
        if (stat != null && stat.changedNanos() <= readNanos - SETTLED_NANOS
                && stat.modifiedNanos() <= readNanos - SETTLED_NANOS) {
            // A file as the last build saw it keeps that record: at 100,000 articles a new one
            // for each would be 300,000 objects more, kept to the end of the build.
            Seen before = known.get(path);
            seen.put(path, before != null && before.stat().equals(stat) && before.hash().equals(hash)
                    ? before : new Seen(stat, hash));
        }
    }

    /** The file kept under {@code key}, or null. */
    Parsed get(SourceHash key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        byte[] bytes = BUFFERS.get();
        if (bytes.length < slot.length()) {
            bytes = new byte[Math.max(slot.length(), bytes.length * 2)];
            BUFFERS.set(bytes);
        }
        ByteBuffer into = ByteBuffer.wrap(bytes, 0, slot.length());
        try {
            while (into.hasRemaining()) {
                if (lookups.read(into, slot.offset() + into.position()) < 0) {
                    return null; // cut short since it was opened
                }
            }
        } catch (IOException e) {
            return null;
        }
        Parsed parsed = decode(bytes, slot.length(), key, slot.offset());
        if (parsed != null) {
            used.add(key);
        }
        return parsed;
    }

    /**
     * Keeps a file's result under {@code key}, with what the site model derives from it alone
     * (made here, for {@code source} under {@code urls}), and returns it as a later build reads it
     * back: its body, read from the data file from now on, and those facts, for this very front
     * matter (the model then uses them instead of making them again); null when the front matter
     * holds a value the cache does not keep.
     */
    Parsed put(SourceHash key, Path source, FrontMatter frontMatter, int bodyFirstLine, RenderedMarkdown rendered,
            SiteUrls urls) {
        String summaryText = ArticleBody.summaryText(rendered);
        String summary = ArticleBody.summaryOf(summaryText);
        // Only what publishes no files of its own is kept (see the class comment): its media are none.
        InputFacts facts = InputFacts.make(source, frontMatter, summary, rendered.wordCount(), ArticleMedia.NONE.hash(),
                urls);
        byte[] summaryTextBytes = summaryText.getBytes(StandardCharsets.UTF_8);
        byte[] summaryBytes = summary.getBytes(StandardCharsets.UTF_8);
        byte[] meta;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(bodyFirstLine);
            FrontMatterCodec.write(out, frontMatter);
            writeFacts(out, facts);
            // The summary as cut, then the text it is cut from (last: it ends where the HTML starts).
            out.writeInt(summaryBytes.length);
            out.write(summaryBytes);
            out.writeInt(summaryTextBytes.length);
            out.write(summaryTextBytes);
            out.flush();
            meta = buffer.toByteArray();
        } catch (FrontMatterCodec.Unsupported e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        byte[] html = rendered.html().getBytes(StandardCharsets.UTF_8);
        byte[] text = rendered.plainText().getBytes(StandardCharsets.UTF_8);
        ByteBuffer entry = ByteBuffer.allocate(HEADER + meta.length + html.length + text.length + 8);
        entry.putLong(key.high()).putLong(key.low());
        entry.putInt(meta.length).putInt(html.length).putInt(text.length).putInt(rendered.wordCount());
        entry.put(meta).put(html).put(text);
        CRC32C crc = new CRC32C();
        crc.update(entry.array(), 0, entry.position());
        entry.putLong(crc.getValue());
        byte[] bytes = entry.array();
        long at;
        synchronized (this) {
            at = end;
            try {
                data.seek(at);
                data.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the content cache in .gazette/", e);
            }
            end += bytes.length;
        }
        slots.put(key, new Slot(at, bytes.length));
        used.add(key);
        added = true;
        return new Parsed(frontMatter, bodyFirstLine, new Kept(this, at + HEADER + meta.length, html.length, text.length,
                rendered.wordCount(), summaryTextBytes.length, summaryBytes.length, summary), facts);
    }

    /** Text of a body handed out: {@code length} bytes of UTF-8 at {@code at}. */
    private String read(long at, int length) {
        return new String(bytes(at, length), StandardCharsets.UTF_8);
    }

    /** The bytes of a body handed out: {@code length} bytes of UTF-8 at {@code at}. */
    private byte[] bytes(long at, int length) {
        byte[] bytes = new byte[length];
        synchronized (this) {
            try {
                bodies.seek(at);
                bodies.readFully(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the content cache in .gazette/", e);
            }
        }
        return bytes;
    }

    /**
     * Writes the index of the entries this build used, after copying them into a new data file
     * when most of the old one is dead.
     */
    synchronized void save() throws IOException {
        Map<SourceHash, Slot> live = new java.util.HashMap<>();
        long liveBytes = 0;
        for (SourceHash key : used) {
            Slot slot = slots.get(key);
            if (slot != null) {
                live.put(key, slot);
                liveBytes += slot.length();
            }
        }
        if (end > 2 * liveBytes + (16 << 20)) {
            live = compact(live);
        } else if (!added && live.size() == opened && seen.equals(known)) {
            // Every entry kept was used, none added, every file seen as before: the index on
            // disk is this one (at 100,000 articles writing it again cost half a second).
            return;
        }
        Map<SourceHash, Slot> kept = live;
        ChecksummedFile.write(indexFile, MAGIC, FORMAT, out -> {
            out.writeUTF(cacheKey.gazette());
            out.writeUTF(cacheKey.theme());
            out.writeUTF(cacheKey.settings());
            out.writeInt(kept.size());
            for (Map.Entry<SourceHash, Slot> e : kept.entrySet()) {
                out.writeLong(e.getKey().high());
                out.writeLong(e.getKey().low());
                out.writeLong(e.getValue().offset());
                out.writeInt(e.getValue().length());
            }
            Map<String, Seen> files = new java.util.HashMap<>(seen.size() * 4 / 3 + 16);
            for (Map.Entry<String, Seen> e : seen.entrySet()) {
                if (kept.containsKey(e.getValue().hash())) {
                    files.put(e.getKey(), e.getValue());
                }
            }
            out.writeInt(files.size());
            for (Map.Entry<String, Seen> e : files.entrySet()) {
                out.writeUTF(e.getKey());
                FileStat stat = e.getValue().stat();
                out.writeLong(stat.size());
                out.writeLong(stat.modifiedNanos());
                out.writeLong(stat.changedNanos());
                out.writeLong(stat.inode());
                out.writeLong(e.getValue().hash().high());
                out.writeLong(e.getValue().hash().low());
            }
        });
    }

    /** Copies the live entries into a new data file, which replaces the old one. */
    private Map<SourceHash, Slot> compact(Map<SourceHash, Slot> live) throws IOException {
        Path temp = Files.createTempFile(dataFile.getParent(), "content-", ".tmp");
        Map<SourceHash, Slot> moved = new java.util.HashMap<>();
        try (RandomAccessFile out = new RandomAccessFile(temp.toFile(), "rw")) {
            long at = 0;
            for (Map.Entry<SourceHash, Slot> e : live.entrySet()) {
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
        try (RandomAccessFile closing = bodies; FileChannel alsoClosing = lookups) {
            data.close();
        }
    }

    /** The entry's content, or null when its bytes are not those of an entry of {@code key}. */
    private Parsed decode(byte[] bytes, int length, SourceHash key, long offset) {
        if (length < HEADER + 8) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length - 8);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        if (in.getLong(length - 8) != crc.getValue() || in.getLong() != key.high() || in.getLong() != key.low()) {
            return null;
        }
        int meta = in.getInt();
        int html = in.getInt();
        int text = in.getInt();
        int words = in.getInt();
        if (meta < 0 || html < 0 || text < 0 || (long) HEADER + meta + html + text + 8 != length) {
            return null;
        }
        try {
            KeptBytes fields = new KeptBytes(bytes, HEADER, meta);
            int bodyFirstLine = fields.readInt();
            FrontMatter frontMatter = FrontMatterCodec.read(fields, shared);
            InputFacts facts = readFacts(fields, frontMatter);
            // The summary was cut when the entry was written: cutting it again from its text for
            // every unchanged article was a tenth of the content stage at 100,000 articles. Neither
            // it nor the text it was cut from is decoded here: both stay in the file, read when a
            // page, a feed or the search index shows the article (a build that changed little shows
            // few). Decoded for every article, the summaries were ~126 MB of garbage a build at
            // 100,000 articles, and ~60 MB of them stayed live to its end, copied by every young
            // collection.
            int summary = fields.readInt();
            fields.skip(summary);
            int summaryText = fields.readInt();
            fields.skip(summaryText);
            if (!fields.atEnd()) {
                return null;
            }
            return new Parsed(frontMatter, bodyFirstLine, new Kept(this, offset + HEADER + meta, html, text, words,
                    summaryText, summary, null), facts);
        } catch (IOException | RuntimeException e) {
            return null; // written by a Gazette that checked its sum but not this reading: a miss
        }
    }

    /** An article's {@link InputFacts}, after its front matter. */
    private static void writeFacts(DataOutputStream out, InputFacts facts) throws IOException {
        out.writeUTF(facts.permalink());
        writeText(out, facts.slug());
        writeText(out, facts.url());
        out.writeLong(facts.cardPrefix());
        out.writeLong(facts.sitemapHash());
    }

    /** What {@link #writeFacts} wrote, for the front matter read just before them. */
    private InputFacts readFacts(KeptBytes in, FrontMatter readWith) throws IOException {
        String permalink = in.readUTF();
        String slug = in.text(in.readInt());
        String url = in.text(in.readInt());
        return InputFacts.kept(readWith, permalink, slug, url, in.readLong(), in.readLong());
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * The saved index, or null (with the reason in {@code why[0]} when it was there) when it cannot be used.
     * Read whole into one array and decoded in place ({@link KeptBytes}), summed in one call: through a
     * checked, buffered data stream every number was a call through three streams and a checksum of
     * its own, and every path a copy into chars first (~0.1 s of the build's start at 10,000 articles).
     */
    private static Map<SourceHash, Slot> readIndex(Path file, CacheKey key, Map<String, Seen> known, String[] why) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            why[0] = "it cannot be read (" + e + ")";
            return null;
        }
        KeptBytes in = new KeptBytes(bytes);
        try {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT) {
                why[0] = "it is not a content cache of this Gazette";
                return null;
            }
            if (!new CacheKey(in.readUTF(), in.readUTF(), in.readUTF()).equals(key)) {
                return null; // the build state says why, in its own words
            }
            int count = in.readInt();
            if (count < 0 || count > 50_000_000) {
                why[0] = "it claims " + count + " entries";
                return null;
            }
            Map<SourceHash, Slot> slots = new ConcurrentHashMap<>(Math.min(count, in.remaining() / 28) * 4 / 3 + 16);
            for (int i = 0; i < count; i++) {
                slots.put(new SourceHash(in.readLong(), in.readLong()), new Slot(in.readLong(), in.readInt()));
            }
            int files = in.readInt();
            if (files < 0 || files > count) {
                why[0] = "it claims " + files + " files";
                return null;
            }
            for (int i = 0; i < files; i++) {
                String path = in.readUTF();
                FileStat stat = new FileStat(in.readLong(), in.readLong(), in.readLong(), in.readLong());
                known.put(path, new Seen(stat, new SourceHash(in.readLong(), in.readLong())));
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, in.position());
            if (in.readLong() != crc.getValue()) {
                why[0] = "its checksum does not match";
                return null;
            }
            return slots;
        } catch (java.io.EOFException e) {
            why[0] = "it is cut short";
            return null;
        } catch (IOException e) {
            why[0] = "it cannot be read (" + e + ")";
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

    /** A body the cache holds (the content stage asks whether a file's result was kept). */
    interface Body extends ArticleBody {
    }

    /**
     * A body kept in the data file: where its HTML starts, and how long it and the text after it
     * are; the text its summary is cut from ends where the HTML starts (the end of the entry's
     * front matter part), and the summary itself is just before that text's length. The summary
     * is read from the file the first time it is asked for (or handed in, for an entry this build
     * wrote), then held.
     */
    private static final class Kept implements Body {
        private final ContentCache cache;
        private final long at;
        private final int htmlBytes;
        private final int textBytes;
        private final int wordCount;
        private final int summaryTextBytes;
        private final int summaryBytes;
        /** Null until asked for: a string is immutable, so a thread that reads it again at once gets an equal one. */
        private String summary;

        Kept(ContentCache cache, long at, int htmlBytes, int textBytes, int wordCount, int summaryTextBytes,
                int summaryBytes, String summary) {
            this.cache = cache;
            this.at = at;
            this.htmlBytes = htmlBytes;
            this.textBytes = textBytes;
            this.wordCount = wordCount;
            this.summaryTextBytes = summaryTextBytes;
            this.summaryBytes = summaryBytes;
            this.summary = summary;
        }

        @Override
        public String summary() {
            String known = summary;
            if (known == null) {
                // The summary's bytes, then the text's length (4 bytes), then the text.
                known = cache.read(at - summaryTextBytes - 4 - summaryBytes, summaryBytes);
                summary = known;
            }
            return known;
        }

        @Override
        public String summaryText() {
            return cache.read(at - summaryTextBytes, summaryTextBytes);
        }

        @Override
        public String html() {
            return cache.read(at, htmlBytes);
        }

        @Override
        public byte[] htmlUtf8() {
            return cache.bytes(at, htmlBytes);
        }

        @Override
        public String plainText() {
            return cache.read(at + htmlBytes, textBytes);
        }

        @Override
        public int wordCount() {
            return wordCount;
        }
    }
}
