package io.gazette.build;

import io.gazette.config.BuildOverrides;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole site written inline in a test, as Hugo's {@code hugolib/*_integration_test.go} do: files
 * as text, one build with the repository's theme and the fixed {@link TestSites#CLOCK}, then
 * assertions on the output files and on every message in its printed form.
 *
 * <pre>{@code
 * InlineSite.Built site = InlineSite.in(temp)
 *         .file("site.yml", "title: T\nbaseUrl: https://example.org/\n")
 *         .file("content/a.md", "---\ntitle: A\ndate: 2015-01-02\n---\nBody\n")
 *         .build();
 * assertThat(site.messages()).isEmpty();
 * assertThat(site.page("2015/01/a/index.html")).contains("Body");
 * }</pre>
 */
public final class InlineSite {
    private final Path project;

    private InlineSite(Path project) {
        this.project = project;
    }

    /** A site in {@code dir/site}, empty until files are added; its output goes to {@code dir/public}. */
    public static InlineSite in(Path dir) {
        return new InlineSite(dir.resolve("site"));
    }

    /** A copy of the fixture {@code name} of {@code src/test/resources/sites/}, to add to or change. */
    public static InlineSite copyOf(String name, Path dir) throws IOException {
        return new InlineSite(TestSites.copy(name, dir.resolve("site")));
    }

    /** Writes (or replaces) {@code path}, relative to the project, as UTF-8. */
    public InlineSite file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public InlineSite bytes(String path, byte[] content) {
        try {
            Path file = project.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path project() {
        return project;
    }

    public Path output() {
        return project.resolveSibling("public");
    }

    /** Deletes {@code path}, relative to the project. */
    public InlineSite delete(String path) {
        try {
            Files.delete(project.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code gazette build}: a failed build is a result too, with its messages and no output. */
    public Built build() throws IOException {
        return build(false);
    }

    /**
     * {@code gazette build} as the command runs it, reusing the build cache in
     * {@code .gazette/cache/build/} and keeping its own there; {@link Built#fullBuildReason} says
     * whether it reused it.
     */
    public Built buildWithCache() throws IOException {
        return build(true, OutputMirror.HARD_LINKS);
    }

    /**
     * {@link #buildWithCache()} as if {@code .gazette/} were on another file system than the
     * output: every hard link into or out of it fails as the kernel's cross-device link does.
     */
    public Built buildWithCacheOnAnotherFileSystem() throws IOException {
        Path cacheDir = project.resolve(".gazette").toAbsolutePath().normalize();
        return build(true, (existing, link) -> {
            if (existing.toAbsolutePath().normalize().startsWith(cacheDir)
                    || link.toAbsolutePath().normalize().startsWith(cacheDir)) {
                throw new java.nio.file.FileSystemException(existing.toString(), link.toString(),
                        "Invalid cross-device link");
            }
            OutputMirror.HARD_LINKS.link(existing, link);
        });
    }

    /** {@link #buildWithCache()} with the build cache's links made by {@code linker}. */
    Built buildWithCache(OutputMirror.Linker linker) throws IOException {
        return build(true, linker);
    }

    private Built build(boolean withCache) throws IOException {
        return build(withCache, OutputMirror.HARD_LINKS);
    }

    /** The session of the last build, for what it says besides its output. */
    SiteBuild lastSession() {
        return lastSession;
    }

    private SiteBuild lastSession;

    private Built build(boolean withCache, OutputMirror.Linker linker) throws IOException {
        SiteBuild build = null;
        try {
            // With the cache, as gazette build opens it: the build's start begun beside the opening.
            build = SiteBuild.open(TestSites.options(project, new BuildOverrides(null, output(), null, null)),
                    withCache ? linker : null);
            lastSession = build;
            BuildResult result = build.buildToDirectory();
            return new Built(true, result.problems().sorted().stream().map(Problem::format).toList(), output(),
                    build.fullBuildReason(), build.contentFilesParsed(), build.fullExportReason(), result.changedPaths());
        } catch (BuildFailedException e) {
            return new Built(false, e.problems().stream().map(Problem::format).toList(), output(),
                    build == null ? null : build.fullBuildReason(), build == null ? 0 : build.contentFilesParsed(),
                    build == null ? null : build.fullExportReason(), Set.of());
        }
    }

    /**
     * One build's outcome.
     *
     * @param succeeded whether the output was replaced
     * @param messages  every problem as printed ({@code content/a.md:3: error: …\n    hint: …}), in order
     * @param fullBuildReason with the build cache, why every file was made; null when the cache
     *                        was reused or not used
     * @param parsedFiles     content files whose front matter and Markdown were parsed (with the
     *                        build cache, the others were taken from it)
     * @param fullExportReason why the static search index was exported whole; null when the last
     *                         export was updated (or there was no search)
     * @param changedPaths     the output files the build made or deleted (the others were kept)
     */
    public record Built(boolean succeeded, List<String> messages, Path output, String fullBuildReason, int parsedFiles,
            String fullExportReason, Set<String> changedPaths) {
        /** An output file as text. */
        public String page(String path) throws IOException {
            return Files.readString(output.resolve(path));
        }

        public boolean has(String path) {
            return Files.isRegularFile(output.resolve(path));
        }

        /** Every output file, path → bytes. */
        public Map<String, byte[]> files() throws IOException {
            return TestSites.tree(output);
        }
    }
}
