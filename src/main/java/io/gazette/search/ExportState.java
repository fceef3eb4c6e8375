package io.gazette.search;

import io.gazette.files.ChecksummedFile;
import io.gazette.hash.Hashes;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * What the next export needs to know of the last one to rewrite only what an edit changes
 * ({@link StaticIndexUpdate}): which Lucene commit it exported, its manifest's fingerprint (so
 * that the files in place are known to be that export's), every document's url hash in number
 * order, the size and entry count of every hash bucket (to cut shards as a full export would),
 * where shards start and which detail files exist. About 0.5 MB plus 8 bytes a document, whatever
 * the archive's text: memory stays flat. (No entry's bytes depend on how many documents there
 * are, {@link DocSets#write}: a new document changes only the entries of its own keys.)
 *
 * <p>Kept in the session (the preview) and in {@code .gazette/cache/search-export} (builds), written
 * atomically and read back only when its format, layout and checksum match; otherwise the export
 * is a full one.
 */
public final class ExportState {
    private static final long MAGIC = 0x475a535845585054L; // "GZSXEXPT"
    private static final int FORMAT = 3;
    /** The file's name in the cache directory. */
    public static final String FILE_NAME = "search-export";

    final String layout;
    /** The export's shard target and split threshold ({@link StaticIndexExporter}'s, but in tests). */
    final int targetBytes;
    final int splitBytes;
    final long commit;
    final long manifestFingerprint;
    final long[] urlHashes;
    final int[] bucketSizes;
    final int[] bucketCounts;
    final int[] starts;
    /** Detail files: stage &lt;&lt; 32 | hash (unsigned), sorted. */
    final long[] details;

    ExportState(String layout, int targetBytes, int splitBytes, long commit, long manifestFingerprint, long[] urlHashes,
            int[] bucketSizes, int[] bucketCounts, int[] starts, long[] details) {
        this.layout = layout;
        this.targetBytes = targetBytes;
        this.splitBytes = splitBytes;
        this.commit = commit;
        this.manifestFingerprint = manifestFingerprint;
        this.urlHashes = urlHashes;
        this.bucketSizes = bucketSizes;
        this.bucketCounts = bucketCounts;
        this.starts = starts;
        this.details = details;
    }

    /** The Lucene commit (see {@link SearchIndexer#commitVersion}) the export was made from. */
    public long commit() {
        return commit;
    }

    /** The same state, exported from commit {@code commit} (known once the caller knows it). */
    public ExportState atCommit(long commit) {
        return new ExportState(layout, targetBytes, splitBytes, commit, manifestFingerprint, urlHashes, bucketSizes,
                bucketCounts, starts, details);
    }

    /** The fingerprint the build keeps of {@code search/manifest.json}: the first 8 bytes of its SHA-256. */
    public long manifestFingerprint() {
        return manifestFingerprint;
    }

    int documents() {
        return urlHashes.length;
    }

    /**
     * The hash of a url by which documents are matched across exports: FNV-1a 64 over its chars,
     * then a 64-bit finalizer (at 100,000 urls the chance of two sharing a hash is about 3e-10;
     * a SHA-256 per url cost 0.1 s a build there).
     */
    static long urlHash(String url) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < url.length(); i++) {
            h = (h ^ url.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /**
     * The fingerprint of a file of the static index, as the build records it (see {@link
     * Hashes#murmur3x64}): the manifest's is kept here to know the export in place.
     */
    public static long fingerprint(byte[] content) {
        return Hashes.murmur3x64(content);
    }

    /** The file a detail id names. */
    static String detailPath(long id) {
        return StaticIndexExporter.detailPath((int) (id >>> 32), (int) id);
    }

    static long detailId(int stage, int hash) {
        return ((long) stage << 32) | (hash & 0xffffffffL);
    }

    /** Thrown for a state file that cannot be trusted: the export is then a full one. */
    public static final class Unusable extends IOException {
        Unusable(String message) {
            super(message);
        }
    }

    /** The state in {@code file}, or null when there is none. */
    public static ExportState read(Path file) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc))) {
            if (in.readLong() != MAGIC) {
                throw new Unusable("it is not a Gazette search export state");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new Unusable("it has format " + format + ", this Gazette reads " + FORMAT);
            }
            String layout = in.readUTF();
            if (!layout.equals(StaticIndexExporter.layout())) {
                throw new Unusable("it describes the index layout " + layout + ", this Gazette writes "
                        + StaticIndexExporter.layout());
            }
            int target = in.readInt();
            int split = in.readInt();
            long commit = in.readLong();
            long manifest = in.readLong();
            int docs = count(in, 100_000_000);
            long[] urls = new long[docs];
            for (int i = 0; i < docs; i++) {
                urls[i] = in.readLong();
            }
            int buckets = count(in, 1 << 24);
            int[] sizes = new int[buckets];
            int[] counts = new int[buckets];
            for (int i = 0; i < buckets; i++) {
                sizes[i] = in.readInt();
                counts[i] = in.readInt();
            }
            int startCount = count(in, buckets);
            int[] starts = new int[startCount];
            for (int i = 0; i < startCount; i++) {
                starts[i] = in.readInt();
            }
            int detailCount = count(in, 50_000_000);
            long[] details = new long[detailCount];
            for (int i = 0; i < detailCount; i++) {
                details[i] = in.readLong();
            }
            long expected = crc.getValue();
            if (in.readLong() != expected || in.read() != -1) {
                throw new Unusable("its checksum does not match");
            }
            if (buckets != StaticIndexExporter.BUCKETS) {
                throw new Unusable("its buckets do not add up");
            }
            return new ExportState(layout, target, split, commit, manifest, urls, sizes, counts, starts, details);
        } catch (EOFException e) {
            throw new Unusable("it is cut short");
        }
    }

    private static int count(DataInputStream in, int max) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new Unusable("it claims " + count + " items");
        }
        return count;
    }

    /** Replaces {@code file} with this state, atomically. */
    public void write(Path file) throws IOException {
        ChecksummedFile.write(file, MAGIC, FORMAT, out -> {
            out.writeUTF(layout);
            out.writeInt(targetBytes);
            out.writeInt(splitBytes);
            out.writeLong(commit);
            out.writeLong(manifestFingerprint);
            out.writeInt(urlHashes.length);
            for (long h : urlHashes) {
                out.writeLong(h);
            }
            out.writeInt(bucketSizes.length);
            for (int i = 0; i < bucketSizes.length; i++) {
                out.writeInt(bucketSizes[i]);
                out.writeInt(bucketCounts[i]);
            }
            out.writeInt(starts.length);
            for (int s : starts) {
                out.writeInt(s);
            }
            out.writeInt(details.length);
            for (long d : details) {
                out.writeLong(d);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportState s && layout.equals(s.layout) && targetBytes == s.targetBytes
                && splitBytes == s.splitBytes && commit == s.commit && manifestFingerprint == s.manifestFingerprint
                && Arrays.equals(urlHashes, s.urlHashes)
                && Arrays.equals(bucketSizes, s.bucketSizes) && Arrays.equals(bucketCounts, s.bucketCounts)
                && Arrays.equals(starts, s.starts) && Arrays.equals(details, s.details);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(manifestFingerprint) * 31 + Long.hashCode(commit);
    }

    @Override
    public String toString() {
        return "ExportState[" + urlHashes.length + " docs, " + starts.length + " shards, " + details.length
                + " details, commit " + commit + ", buckets "
                + Arrays.stream(bucketSizes).asLongStream().sum() + " bytes]";
    }
}
