package io.gazette.files;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A 64 KB buffer under a {@link java.io.DataOutputStream}, without a lock: the data stream writes
 * each number into it on its own (~10 million in the related-articles state at 100,000 articles),
 * and a {@link java.io.BufferedOutputStream} takes its lock for each: a third of a second per
 * build. Over a {@link java.util.zip.CheckedOutputStream}, it also has the checksum taken a buffer
 * at a time instead of a number at a time. One thread writes.
 */
public final class UnlockedBufferedOutput extends OutputStream {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    public UnlockedBufferedOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            flushBuffer();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            flushBuffer();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
