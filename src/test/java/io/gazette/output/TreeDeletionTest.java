package io.gazette.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeDeletionTest {
    @TempDir
    Path dir;

    @Test
    void deletesATreeButNotWhatALinkInItPointsTo() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("f.txt"), "x");
        Files.createSymbolicLink(dir.resolve("tree/link"), outside);

        TreeDeletion.delete(dir.resolve("tree"));

        assertThat(dir.resolve("tree")).doesNotExist();
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void aMissingTreeIsNothingToDo() throws Exception {
        TreeDeletion.delete(dir.resolve("missing"));
        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
