package io.gazette.content;

import io.gazette.config.YamlMapping;
import io.gazette.problems.Limits;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.text.SourceText;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

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
        walkMarkdownFiles(problems, (file, attributes) -> files.add(file));
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /**
     * Walks the content directory as {@link #listMarkdownFiles} does, following symbolic links,
     * giving each {@code .md} file to {@code found} in the walk's order (not sorted), on this
     * thread, with its own attributes, read without following a link: where the system has a
     * POSIX view, the JDK's own {@link PosixFileAttributes}, from which
     * {@link io.gazette.files.UnixAttributes} reads the inode and change time when it may. The
     * attributes are null for a symbolic link (stated through it when it is read).
     *
     * <p>One {@code lstat} per entry, by the folder's listing: its mode tells a plain file, a
     * folder and a link apart, and only a link is stated through. {@code Files.walkFileTree},
     * following links, stated every entry through and the file's attributes took an {@code lstat}
     * more: two system calls a file, with a path lookup each, on the thread every other reading
     * waits for (at 100,000 articles ~0.5 s of CPU in every build, the walker's own objects
     * besides). Where the listing is a {@link SecureDirectoryStream} (Linux), the entry is stated
     * by its name in the open folder ({@code fstatat}), without looking its whole path up again.
     * The attributes are the JDK's object, not a {@code "unix:…"} map: that map, the only public
     * way to the change time, was ~1.5 KB of garbage a file (~150 MB a build at 100,000 articles).
     * A loop of links is told, as the walker told it, by a folder whose file key (device and
     * inode) is that of a folder it lies in.
     */
    public void walkMarkdownFiles(Problems problems, BiConsumer<Path, BasicFileAttributes> found) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            problems.add(Problem.error(shown(contentDir), 0, "content directory not found",
                    "create content/ and put articles in it, or run `gazette new \"Tiêu đề\"`"));
            return;
        }
        Walk walk = new Walk(contentDir.toRealPath(), problems, found);
        walk.folders.add(Walk.keyOf(contentDir, true));
        walk.folder(contentDir, false);
    }

    /** One walk of {@code content/}: what each folder's listing is checked against. */
    private final class Walk {
        private final Path realContent;
        private final Problems problems;
        private final BiConsumer<Path, BasicFileAttributes> found;
        /** The keys of the folders being walked, outermost first: a folder among them again is a loop. */
        private final List<Object> folders = new ArrayList<>();

        Walk(Path realContent, Problems problems, BiConsumer<Path, BasicFileAttributes> found) {
            this.realContent = realContent;
            this.problems = problems;
            this.found = found;
        }

        /**
         * The files of {@code folder} and of the folders below it.
         *
         * @param linked whether it was reached through a symbolic link: only below one, or
         *               through a linked file, can a file lead outside content/, so only then is
         *               its real path asked for (resolving every file's real path cost a tenth of
         *               a second at 10,000 articles, on every build)
         */
        void folder(Path folder, boolean linked) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                SecureDirectoryStream<Path> open = entries instanceof SecureDirectoryStream<Path> secure ? secure : null;
                for (Path entry : entries) {
                    entry(entry, open, linked);
                }
            } catch (IOException e) {
                cannotRead(folder, e, true);
            } catch (DirectoryIteratorException e) {
                cannotRead(folder, e.getCause(), true); // what was listed of it is kept, as the walker did
            }
        }

        /** @param open the listing {@code p} came from, when it can state its entries by name; else null */
        private void entry(Path p, SecureDirectoryStream<Path> open, boolean linked) {
            BasicFileAttributes own;
            try {
                own = ownAttributes(p, open);
            } catch (IOException e) {
                cannotRead(p, e, false);
                return;
            }
            if (own.isSymbolicLink()) {
                BasicFileAttributes target;
                try {
                    target = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException e) {
                    return; // a broken link: no file to read, and the walker said nothing either
                }
                if (target.isDirectory()) {
                    into(p, true, target.fileKey());
                } else if (target.isRegularFile()) {
                    file(p, true, null);
                }
            } else if (own.isDirectory()) {
                into(p, linked, own.fileKey());
            } else if (own.isRegularFile()) {
                file(p, linked, own);
            }
        }

        /**
         * Walks a folder met in a listing, unless it is one of those it lies in (a loop).
         *
         * @param key its file key (device and inode where the system has them), or null
         */
        private void into(Path folder, boolean linked, Object key) {
            if (key != null && folders.contains(key)) {
                cannotRead(folder, new FileSystemLoopException(folder.toString()), true);
                return;
            }
            folders.add(key);
            folder(folder, linked);
            folders.remove(folders.size() - 1);
        }

        private void file(Path p, boolean mayLeadOut, BasicFileAttributes attributes) {
            String name = p.getFileName().toString();
            if (!name.endsWith(".md") || name.startsWith(".")) {
                return;
            }
            if (!mayLeadOut || isInside(p, realContent)) {
                found.accept(p, attributes);
            } else {
                problems.add(Problem.error(shown(p), 0, "symbolic link leads outside content/",
                        "replace the link with the file itself"));
            }
        }

        /** An unreadable folder or file (or a link loop) is named, and the rest is still read. */
        private void cannotRead(Path p, IOException e, boolean folder) {
            problems.add(Problem.error(shown(p), 0, "cannot read " + (folder ? "folder" : "file") + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                            : e instanceof FileSystemLoopException ? "symbolic link loop"
                            : String.valueOf(e.getMessage())),
                    "check its permissions (`chmod -R u+rwX content/`) or remove it"));
        }

        /** A folder's file key, stated through a link when {@code follow}, as the listing gives its folders'. */
        static Object keyOf(Path folder, boolean follow) throws IOException {
            LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
            return Files.readAttributes(folder, BasicFileAttributes.class, options).fileKey();
        }
    }

    /**
     * An entry's own attributes (the link itself when it is one): by its name in the open listing
     * when there is one, the POSIX view's where the system has it (the JDK's own object, see
     * {@link #walkMarkdownFiles}), else the basic ones.
     */
    private static BasicFileAttributes ownAttributes(Path entry, SecureDirectoryStream<Path> open) throws IOException {
        if (open != null) {
            PosixFileAttributeView view = open.getFileAttributeView(entry.getFileName(), PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                return view.readAttributes();
            }
        }
        try {
            return Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
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
