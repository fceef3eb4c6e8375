package io.gazette.files;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * How every state file of Gazette's cache is written: a magic number and a format number, the
 * body, then the CRC-32C of all of it, replaced atomically. A reader that checks the magic, the
 * format and the checksum can tell a file of another version, a foreign file and a cut-short or
 * damaged one from a good one, and falls back to a full build instead of a wrong site. The
 * checksum is taken a buffer at a time ({@link UnlockedBufferedOutput}), not a number at a time.
 */
public final class ChecksummedFile {

    /** Writes the body of the file, after the magic and format numbers. */
    @FunctionalInterface
    public interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private ChecksummedFile() {
    }

    /** Replaces {@code file} with {@code magic}, {@code format}, the body and its checksum. */
    public static void write(Path file, long magic, int format, Body body) throws IOException {
        AtomicFiles.write(file, temp -> {
            CRC32C crc = new CRC32C();
            try (OutputStream raw = Files.newOutputStream(temp);
                    DataOutputStream out = new DataOutputStream(new UnlockedBufferedOutput(new CheckedOutputStream(raw, crc)))) {
                out.writeLong(magic);
                out.writeInt(format);
                body.writeTo(out);
                out.flush();
                out.writeLong(crc.getValue()); // everything before it has passed the checked stream
            }
        });
    }
}
