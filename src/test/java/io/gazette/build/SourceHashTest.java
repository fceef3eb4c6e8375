package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A content file's hash: the same for the same path and bytes, different for any change of either. */
class SourceHashTest {
    private static SourceHash of(String path, String text) {
        return SourceHash.of(Path.of(path), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameFileGivesTheSameHashAndEveryChangeAnother() {
        String file = "---\ntitle: Tiêu đề\ntags: [a, b]\n---\nNội dung.\n";
        SourceHash base = of("content/a.md", file);
        assertThat(of("content/a.md", file)).isEqualTo(base);
        Set<SourceHash> hashes = new HashSet<>(List.of(base,
                of("content/a.md", file.replace("Tiêu đề", "Tiêu đề.")),
                of("content/a.md", file.replace("[a, b]", "[\"a, b\"]")),
                of("content/a.md", file.replace("Nội dung.", "Nội dung")),
                // Decomposed diacritics read as the same text (NFC), but they are other bytes.
                of("content/a.md", file.replace("ộ", "o\u0323\u0302")),
                of("content/b.md", file),
                // Bytes moved from the path into the file are not the same file.
                of("content/a.m", "d" + file)));
        assertThat(hashes).hasSize(7);
        assertThat(base.contentHash()).isEqualTo(base.high());
    }
}
