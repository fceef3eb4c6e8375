package io.gazette.output;

import java.io.IOException;
import java.nio.file.Path;

/** Deletes a directory tree (temporary folders of a build). */
public final class TreeDeletion {
    private TreeDeletion() {
    }

    public static void delete(Path root) throws IOException {
        StagingArea.deleteTree(root);
    }
}
