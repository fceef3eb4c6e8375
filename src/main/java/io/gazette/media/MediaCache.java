package io.gazette.media;

import io.gazette.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Resized photos and extracted document text under {@code .gazette/media/}, each file named by
 * the SHA-256 of the source's bytes and of the settings that made it: a rebuild finds every
 * unchanged photo here and resizes only new or changed ones. Entries are written to a temporary
 * file and moved into place, so a build stopped half way never leaves a broken entry. The keys
 * themselves are remembered by {@link SourceIndex}, so an unchanged source is not read again.
 */
public final class MediaCache {
    /** Sources read to compute their key by this process: how tests and benchmarks see the index work. */
    private static final AtomicLong HASHED = new AtomicLong();
    /** Photo headers read by this process. */
    private static final AtomicLong PROBED = new AtomicLong();

    private final Path dir;
    private final SourceIndex index;

    public MediaCache(Path cacheDir) {
        this(cacheDir, System.err::println);
    }

    /** @param console where a damaged source index is reported, one line */
    public MediaCache(Path cacheDir, Consumer<String> console) {
        this.dir = cacheDir.resolve("media");
        this.index = new SourceIndex(dir.resolve("sources"), console);
    }

    public static long hashedSoFar() {
        return HASHED.get();
    }

    public static long probedSoFar() {
        return PROBED.get();
    }

    /**
     * The key of a source file under some settings (see {@link #hash}), from the index when the
     * file's size, time and identity are those recorded with it; otherwise read and recorded.
     */
    public String key(Path source, String settings) throws IOException {
        try {
            return remembered(source, settings, () -> hash(source, settings));
        } catch (MediaException e) {
            throw new IllegalStateException(e); // hashing throws no MediaException
        }
    }

    /** A photo's header ({@link PhotoProbe}), from the index when the file is unchanged. */
    PhotoInfo probe(Path photo) throws MediaException {
        String known;
        try {
            known = remembered(photo, PHOTO_HEADER, () -> {
                PROBED.incrementAndGet();
                PhotoInfo info = PhotoProbe.probe(photo);
                return info.format() + " " + info.storedWidth() + " " + info.storedHeight() + " " + info.orientation();
            });
        } catch (IOException e) {
            return PhotoProbe.probe(photo); // cannot stat: the probe says why, as without the index
        }
        String[] fields = known.split(" ");
        return new PhotoInfo(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
    }

    /** What the index remembers of photo headers; a new version when {@link PhotoInfo} changes. */
    private static final String PHOTO_HEADER = "photo-header-1";

    private interface Reading {
        String read() throws IOException, MediaException;
    }

    private String remembered(Path source, String what, Reading reading) throws IOException, MediaException {
        SourceIndex.Stamp before = SourceIndex.Stamp.of(Files.readAttributes(source, BasicFileAttributes.class));
        String known = index.lookup(source, what, before);
        if (known != null && (!what.equals(PHOTO_HEADER) || known.matches("(jpeg|png) [1-9][0-9]{0,8} [1-9][0-9]{0,8} [1-8]"))) {
            return known;
        }
        String value = reading.read();
        SourceIndex.Stamp after = SourceIndex.Stamp.of(Files.readAttributes(source, BasicFileAttributes.class));
        if (after.equals(before)) {
            index.record(source, what, before, value); // not when the file changed while it was read
        }
        return value;
    }

    /** The SHA-256 of {@code settings}, a zero byte and the source's bytes, in hex. */
    static String hash(Path source, String settings) throws IOException {
        HASHED.incrementAndGet();
        MessageDigest digest = sha256();
        digest.update(settings.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(source)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Where the entry {@code key}{@code suffix} lives (it may not exist). */
    public Path file(String key, String suffix) {
        return dir.resolve(key.substring(0, 2)).resolve(key + suffix);
    }

    /** Stores an entry atomically; returns its path. */
    public Path put(String key, String suffix, byte[] content) throws IOException {
        Path target = file(key, suffix);
        AtomicFiles.write(target, content);
        return target;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
