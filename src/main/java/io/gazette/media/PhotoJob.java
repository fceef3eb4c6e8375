package io.gazette.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The copies of one photo, made at most once however many of them are written: the first
 * {@link #file} call looks them up in the cache by content hash, and on a miss decodes the photo
 * once and stores every width. Later calls (the other widths) find them there.
 */
public final class PhotoJob {
    private final Photo photo;
    private final MediaCache cache;
    private final String extension;
    private Map<Integer, Path> files;
    /** Photos decoded and resized by this process (cache misses): how tests and benchmarks see the cache work. */
    private static final java.util.concurrent.atomic.AtomicLong RESIZED = new java.util.concurrent.atomic.AtomicLong();

    public static long resizedSoFar() {
        return RESIZED.get();
    }

    PhotoJob(Photo photo, MediaCache cache) {
        this.photo = photo;
        this.cache = cache;
        this.extension = photo.info().format().equals("png") ? ".png" : ".jpg";
    }

    /** The cached file of the copy {@code width} pixels wide. */
    public synchronized Path file(int width) throws IOException, MediaException {
        if (files == null) {
            files = make();
        }
        Path file = files.get(width);
        if (file == null) {
            throw new MediaException("no copy " + width + " pixels wide was planned");
        }
        return file;
    }

    private Map<Integer, Path> make() throws IOException, MediaException {
        List<Integer> widths = photo.variants().stream().map(Photo.Variant::width).toList();
        String key = cache.key(photo.source(), PhotoSettings.VERSION + ";" + widths);
        Map<Integer, Path> found = new java.util.TreeMap<>();
        for (int width : widths) {
            Path file = cache.file(key, "-" + width + extension);
            if (!Files.isRegularFile(file)) {
                found = null;
                break;
            }
            found.put(width, file);
        }
        if (found != null) {
            return found;
        }
        RESIZED.incrementAndGet();
        Map<Integer, byte[]> made = PhotoProcessor.resize(photo.source(), photo.info(), widths);
        Map<Integer, Path> stored = new java.util.TreeMap<>();
        for (Map.Entry<Integer, byte[]> copy : made.entrySet()) {
            stored.put(copy.getKey(), cache.put(key, "-" + copy.getKey() + extension, copy.getValue()));
        }
        return stored;
    }
}
