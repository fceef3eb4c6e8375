package io.gazette.build;

import io.gazette.files.ChecksummedFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The state a {@code gazette build} leaves in {@code .gazette/build/state} for the next one: the
 * {@link CacheKey} it was made under, whether the {@link OutputMirror} keeps copies, and, for every file of the site it wrote, the file's
 * fingerprint and the size and time of its copy in the {@link OutputMirror}.
 *
 * <p>Written to a temporary file and renamed over the old one, so a reader sees a whole state or
 * none; read back only if its format, length and checksum (CRC-32C over everything before it)
 * are right. A state that is not is {@link Damaged}, and the build starts afresh.
 */
final class BuildStateFile {
    /** Raised when the format changes: an older state is then ignored, never misread. */
    static final int FORMAT = 3;
    private static final long MAGIC = 0x47415a4554544553L; // "GAZETTES"

    /**
     * One file of the site: its fingerprint, and the size, modification second and inode number
     * (-1 where the file system has none) of its kept copy (of the published file, when the
     * state keeps no copies).
     */
    record Entry(long fingerprint, long size, long modifiedSecond, long inode) {
    }

    /**
     * @param mirrored whether {@link OutputMirror} holds a copy of each file; false when the
     *                 output folder, where links could not reach, is the only one
     */
    record State(CacheKey key, boolean mirrored, Map<String, Entry> files) {
    }

    /** The file is there but cannot be trusted. */
    static final class Damaged extends IOException {
        Damaged(String message) {
            super(message);
        }
    }

    private BuildStateFile() {
    }

    /** The saved state, or null when there is none. */
    static State read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length >= Long.BYTES && java.nio.ByteBuffer.wrap(bytes).getLong() != MAGIC) {
            throw new Damaged("it is not a Gazette build state");
        }
        if (bytes.length >= 2 * Long.BYTES) {
            // The checksum first: a damaged path would otherwise be met as malformed UTF-8.
            CRC32C whole = new CRC32C();
            whole.update(bytes, 0, bytes.length - Long.BYTES);
            if (java.nio.ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong() != whole.getValue()) {
                throw new Damaged("its checksum does not match");
            }
        }
        // Summed whole above: decoded in place without summing each number again (at 100,000 articles
        // 229,000 entries, a CRC call for each of their ~1.4 million fields), and without a data
        // stream's copy of each path into chars before its string (KeptBytes).
        KeptBytes in = new KeptBytes(bytes);
        try {
            if (in.readLong() != MAGIC) {
                throw new Damaged("it is not a Gazette build state");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new Damaged("it has format " + format + ", this Gazette reads " + FORMAT);
            }
            CacheKey key = new CacheKey(in.readUTF(), in.readUTF(), in.readUTF());
            boolean mirrored = in.readBoolean();
            int count = in.readInt();
            if (count < 0 || count > 50_000_000) {
                throw new Damaged("it claims " + count + " files");
            }
            // Sized by what the bytes can hold (an entry is at least 34 bytes), not by the count alone.
            Map<String, Entry> files = new HashMap<>(Math.min(count, in.remaining() / 34) * 4 / 3 + 16);
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                files.put(path, new Entry(in.readLong(), in.readLong(), in.readLong(), in.readLong()));
            }
            if (in.remaining() != Long.BYTES) {
                // what the entries leave must be the sum checked above, and nothing else
                throw new Damaged("its checksum does not match");
            }
            if (files.size() != count) {
                throw new Damaged("it names a file twice");
            }
            return new State(key, mirrored, files);
        } catch (EOFException e) {
            throw new Damaged("it is cut short");
        }
    }

    /** Replaces the saved state with {@code state}, atomically. */
    static void write(Path file, State state) throws IOException {
        ChecksummedFile.write(file, MAGIC, FORMAT, out -> {
            out.writeUTF(state.key().gazette());
            out.writeUTF(state.key().theme());
            out.writeUTF(state.key().settings());
            out.writeBoolean(state.mirrored());
            out.writeInt(state.files().size());
            // In the map's order: the reader puts them in a map, and sorting 229,000 paths
            // (100,000 articles) took a second.
            for (Map.Entry<String, Entry> e : state.files().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().fingerprint());
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().modifiedSecond());
                out.writeLong(e.getValue().inode());
            }
        });
    }
}
