package io.gazette.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path temp;

    @Test
    void replacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = temp.resolve("cache/state.bin");
        AtomicFiles.write(target, "một".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "hai".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("hai");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.bin");
        }
    }

    @Test
    void aWriterThatFailsLeavesThePreviousFileWhole() throws IOException {
        Path target = temp.resolve("state.bin");
        AtomicFiles.write(target, "cũ".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.write(target, file -> {
            Files.writeString(file, "nửa");
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(Files.readString(target)).isEqualTo("cũ");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.bin");
        }
    }
}
