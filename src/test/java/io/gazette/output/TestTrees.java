package io.gazette.output;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to the output package's tree deletion. */
public final class TestTrees {
    private TestTrees() {
    }

    public static void delete(Path root) throws IOException {
        StagingArea.deleteTree(root);
    }
}
