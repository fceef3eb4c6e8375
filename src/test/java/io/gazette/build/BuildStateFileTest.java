package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateFileTest {
    @TempDir
    Path temp;

    /**
     * The state is summed once, whole: a state read back is the one written, and one whose sum
     * holds but whose entries do not end where the sum begins (a count too small, a byte added
     * before the sum) is damaged all the same.
     */
    @Test
    void aStateReadsBackAndEntriesThatDoNotEndAtTheSumAreDamaged() throws IOException {
        Map<String, BuildStateFile.Entry> files = new LinkedHashMap<>();
        files.put("index.html", new BuildStateFile.Entry(1, 2, 3, 4));
        files.put("2015/01/a/index.html", new BuildStateFile.Entry(5, 6, 7, 8));
        BuildStateFile.State state = new BuildStateFile.State(new CacheKey("Gazette 1", "theme", "settings"), true, files);
        Path file = temp.resolve("state");
        BuildStateFile.write(file, state);
        assertThat(BuildStateFile.read(file)).isEqualTo(state);

        byte[] bytes = Files.readAllBytes(file);
        int countAt = countOffset(bytes);
        byte[] fewer = bytes.clone();
        ByteBuffer.wrap(fewer).putInt(countAt, 1);
        resum(fewer);
        Files.write(file, fewer);
        assertThatThrownBy(() -> BuildStateFile.read(file)).isInstanceOf(BuildStateFile.Damaged.class)
                .hasMessage("its checksum does not match");

        byte[] longer = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, longer, 0, bytes.length - Long.BYTES);
        resum(longer);
        Files.write(file, longer);
        assertThatThrownBy(() -> BuildStateFile.read(file)).isInstanceOf(BuildStateFile.Damaged.class)
                .hasMessage("its checksum does not match");

        byte[] flipped = bytes.clone();
        flipped[countAt + 6] ^= 1;
        Files.write(file, flipped);
        assertThatThrownBy(() -> BuildStateFile.read(file)).isInstanceOf(BuildStateFile.Damaged.class)
                .hasMessage("its checksum does not match");
    }

    /** Where the file count is: after the magic, the format, the key's three texts and the mirrored flag. */
    private static int countOffset(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.readLong();
        in.readInt();
        in.readUTF();
        in.readUTF();
        in.readUTF();
        in.readBoolean();
        return bytes.length - in.available();
    }

    /** Puts the CRC-32C of everything before the last 8 bytes into them, as the writer does. */
    private static void resum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
    }
}
