package io.gazette.content;

import io.gazette.config.YamlMapping;
import io.gazette.problems.Limits;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.text.SourceText;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.nio.file.LinkOption;

/**
 * Finds the Markdown files under {@code content/} and reads each into an {@link ArticleSource}.
 * Files are listed in sorted order so that everything downstream iterates deterministically.
 */
public final class ContentLoader {
    private final Path projectDir;
    private final Path contentDir;
    private final ZoneId zone;
    /** The project folder absolute and normalised, and how many names it has: see {@link #shown}. */
    private final Path project;
    private final int projectNames;
    /** A separator followed by a dot: a path without it has no {@code .} or {@code ..} name. */
    private final String dotName;

    public ContentLoader(Path projectDir, Path contentDir, ZoneId zone) {
        this.projectDir = projectDir;
        this.contentDir = contentDir;
        this.zone = zone;
        this.project = projectDir.toAbsolutePath().normalize();
        this.projectNames = project.getNameCount();
        this.dotName = project.getFileSystem().getSeparator() + ".";
    }

    /** Every {@code .md} file below the content directory, sorted; links that lead outside it are reported and skipped. */
    public List<Path> listMarkdownFiles(Problems problems) throws IOException {
        List<Path> files = new ArrayList<>();
        walkMarkdownFiles(problems, null, (file, attributes) -> files.add(file));
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /**
     * Walks the content directory as {@link #listMarkdownFiles} does, giving each {@code .md} file
     * to {@code found} in the walk's order (not sorted) with its attributes of the {@code unix}
     * view named by {@code unixAttributes} ({@code "unix:size,ctime"}), read without following a
     * link: that one {@code lstat} also tells whether the file is a symbolic link, which the walk
     * asks of every file. The attributes are null for a symbolic link, when none are asked, or
     * where the system has no {@code unix} view.
     */
    public void walkMarkdownFiles(Problems problems, String unixAttributes,
            BiConsumer<Path, Map<String, Object>> found) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            problems.add(Problem.error(shown(contentDir), 0, "content directory not found",
                    "create content/ and put articles in it, or run `gazette new \"Tiêu đề\"`"));
            return;
        }
        Path realContent = contentDir.toRealPath();
        String withMode = unixAttributes == null ? null : unixAttributes + ",mode";
        Files.walkFileTree(contentDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    /**
                     * Whether each folder being walked was reached through a symbolic link: only
                     * below one, or through a linked file, can a file lead outside content/, so
                     * only then is its real path asked for (resolving every file's real path
                     * cost a tenth of a second at 10,000 articles, on every build).
                     */
                    private final java.util.ArrayDeque<Boolean> linked = new java.util.ArrayDeque<>();

                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        // content/ itself may be a link: what matters is leaving its real folder.
                        linked.push(!dir.equals(contentDir)
                                && ((!linked.isEmpty() && linked.peek()) || Files.isSymbolicLink(dir)));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        linked.pop();
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path p, BasicFileAttributes attributes) {
                        String name = p.getFileName().toString();
                        if (name.endsWith(".md") && !name.startsWith(".") && attributes.isRegularFile()) {
                            Map<String, Object> unix = withMode == null ? null : unlinkedAttributes(p, withMode);
                            boolean link = unix == null ? Files.isSymbolicLink(p)
                                    : ((Integer) unix.get("mode") & S_IFMT) == S_IFLNK;
                            boolean mayLeadOut = (!linked.isEmpty() && linked.peek()) || link;
                            if (!mayLeadOut || isInside(p, realContent)) {
                                found.accept(p, link ? null : unix);
                            } else {
                                problems.add(Problem.error(shown(p), 0, "symbolic link leads outside content/",
                                        "replace the link with the file itself"));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path p, IOException e) {
                        // An unreadable folder (or a link loop) is named, and the rest is still read.
                        boolean folder = Files.isDirectory(p) || e instanceof java.nio.file.FileSystemLoopException;
                        problems.add(Problem.error(shown(p), 0, "cannot read " + (folder ? "folder" : "file") + ": "
                                + (e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                                        : e instanceof java.nio.file.FileSystemLoopException ? "symbolic link loop"
                                        : String.valueOf(e.getMessage())),
                                "check its permissions (`chmod -R u+rwX content/`) or remove it"));
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** The file-type bits of a {@code unix:mode}, and those of a symbolic link. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    /** The file's {@code unix} attributes, the link itself when it is one; null when the system does not tell them. */
    private static Map<String, Object> unlinkedAttributes(Path file, String attributes) {
        try {
            Map<String, Object> read = Files.readAttributes(file, attributes, LinkOption.NOFOLLOW_LINKS);
            return read.get("mode") instanceof Integer ? read : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads one file; problems go to {@code problems}, and empty means the file could not be used. */
    public Optional<ArticleSource> read(Path file, Problems problems) {
        byte[] bytes = readBytes(file, problems);
        return bytes == null ? Optional.empty() : parse(file, bytes, problems);
    }

    /**
     * A file's bytes, or null after reporting why they cannot be read (missing, unreadable, over
     * the size limit). A build hashes them before deciding whether to parse them at all.
     */
    public byte[] readBytes(Path file, Problems problems) {
        Path shown = shown(file);
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_FILE_BYTES) {
                problems.add(Problem.error(shown, 1, "file is " + Limits.shown(size / 1024) + " KB; the limit is "
                        + Limits.shown(Limits.MAX_FILE_BYTES / 1024) + " KB", "split the article, or move tables"
                        + " and data out of it into static/ and link to them"));
                return null;
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.error(shown, 1, "cannot read file: " + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : e.getMessage()), "check its permissions (`chmod u+r` the file)"));
            return null;
        }
    }

    /** Decodes, checks and parses the bytes of {@code file} (as {@link #readBytes} gave them). */
    public Optional<ArticleSource> parse(Path file, byte[] bytes, Problems problems) {
        Path shown = shown(file);
        String text = SourceText.decode(bytes, shown, problems);
        if (text == null || !TextLimits.check(text, shown, problems)) {
            return Optional.empty();
        }
        return parse(shown, text, problems);
    }

    /** Parses already-decoded text; used by {@link #read} and by tests. */
    public Optional<ArticleSource> parse(Path shown, String text, Problems problems) {
        FrontMatterSplitter.Parts parts;
        try {
            parts = FrontMatterSplitter.split(text);
        } catch (FrontMatterSplitter.MissingFrontMatter e) {
            problems.add(Problem.error(shown, e.line(), e.getMessage(), e.hint()));
            return Optional.empty();
        }
        YamlMapping yaml;
        try {
            yaml = YamlMapping.parse(parts.yaml());
        } catch (YamlMapping.YamlError e) {
            int line = e.line() == 0 ? 1 : e.line() + parts.yamlFirstLine() - 1;
            problems.add(Problem.error(shown, line, "front matter is not valid YAML: " + e.getMessage(),
                    YamlHints.forMessage(e.getMessage())));
            return Optional.empty();
        }
        FrontMatterReader.Result result = FrontMatterReader.read(shown, parts.yamlFirstLine(), zone, yaml);
        problems.addAll(result.problems());
        return result.frontMatter().map(fm -> new ArticleSource(shown, fm, parts.body(), parts.bodyFirstLine()));
    }

    /** {@code file} relative to the project folder when it is inside it, as messages and pages show it; else as given. */
    public Path shown(Path file) {
        if (file.isAbsolute() && file.getNameCount() > projectNames && file.startsWith(project)
                && !file.toString().contains(dotName)) {
            // A listed file (absolute, normal, below the project): its names after the project's.
            // Normalising and relativizing made a dozen objects for each of 100,000 files a build.
            return file.subpath(projectNames, file.getNameCount());
        }
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? project.relativize(absolute) : file;
    }

    private static boolean isInside(Path file, Path realRoot) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
