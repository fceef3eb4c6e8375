package io.gazette.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.gazette.problems.Problem;

/**
 * Mirrors a finished build's output directory into the preview on every change: a stand-in until
 * the pipeline writes into the preview directly, and handy for previewing any static directory.
 */
public final class DirectoryRebuilder implements Rebuilder {
    private final Path outputDir;

    public DirectoryRebuilder(Path outputDir) {
        this.outputDir = outputDir;
    }

    @Override
    public RebuildResult rebuild(ChangeSet changes, PreviewSite.Transaction site) throws Exception {
        if (!Files.isDirectory(outputDir)) {
            return RebuildResult.failed(List.of(Problem.error(outputDir, 0, "no built site to show",
                    "run `gazette build` first, or wire the pipeline into `gazette serve`")));
        }
        site.clear();
        site.writeDirectory(outputDir);
        return RebuildResult.ok();
    }
}
