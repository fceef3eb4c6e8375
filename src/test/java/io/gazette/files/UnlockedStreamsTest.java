package io.gazette.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class UnlockedStreamsTest {

    /**
     * Numbers and byte runs of every size (smaller than the buffer, filling it exactly, larger
     * than it) come out of the buffer as written, and read back through the checksumming buffer
     * as written, its checksum at every point the CRC-32 of the bytes read so far.
     */
    @Test
    void bytesPassUnchangedAndTheChecksumCoversExactlyWhatWasRead() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (DataOutputStream plain = new DataOutputStream(expected);
                    DataOutputStream buffered = new DataOutputStream(new UnlockedBufferedOutput(sink))) {
                for (int i = 0; i < 2_000; i++) {
                    if (random.nextInt(50) == 0) {
                        byte[] run = new byte[random.nextInt(3) == 0 ? (1 << 16) + random.nextInt(100) : random.nextInt(5_000)];
                        random.nextBytes(run);
                        plain.write(run);
                        buffered.write(run);
                    } else {
                        long value = random.nextLong();
                        plain.writeLong(value);
                        buffered.writeLong(value);
                    }
                }
            }
            byte[] bytes = expected.toByteArray();
            assertThat(sink.toByteArray()).isEqualTo(bytes);

            ChecksummingInput checked = new ChecksummingInput(new ByteArrayInputStream(bytes));
            DataInputStream in = new DataInputStream(checked);
            int read = 0;
            while (read < bytes.length) {
                int step = Math.min(bytes.length - read, random.nextInt(3) == 0 ? 70_000 : 1 + random.nextInt(9));
                byte[] got = new byte[step];
                in.readFully(got);
                read += step;
                CRC32 crc = new CRC32();
                crc.update(bytes, 0, read);
                assertThat(checked.checksum()).isEqualTo(crc.getValue());
            }
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
