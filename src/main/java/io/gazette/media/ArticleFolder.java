package io.gazette.media;

import io.gazette.problems.Problem;
import io.gazette.problems.Quote;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The folder of one article, as its references may reach it: which file a relative reference
 * names, never one outside the folder nor, through a symbolic link, outside {@code content/}; and
 * what the folder holds. What cannot be used is reported against the article's line.
 */
final class ArticleFolder {
    private final Path contentDir;
    private final Path articleFile;
    private final Path dir;
    private final Path shown;
    private final Collection<Problem> problems;

    /**
     * @param articleFile the article's Markdown file
     * @param shown       the same, as shown in messages ({@code content/2014/bai/index.md})
     * @param problems    where problems go
     */
    ArticleFolder(Path contentDir, Path articleFile, Path shown, Collection<Problem> problems) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.articleFile = articleFile.toAbsolutePath().normalize();
        this.dir = this.articleFile.getParent();
        this.shown = shown;
        this.problems = problems;
    }

    /** The folder (absolute). */
    Path dir() {
        return dir;
    }

    /** Whether the article is a bundle: an {@code index.md} whose folder is its own. */
    boolean isBundle() {
        return articleFile.getFileName().toString().equals("index.md");
    }

    /** The files directly in the folder, hidden ones left out, by name. */
    List<Path> list() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> folder = Files.newDirectoryStream(dir)) {
            for (Path file : folder) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            problems.add(Problem.error(shown, 0, "cannot list the article's folder: " + e.getMessage(),
                    "check the folder's permissions"));
        }
        found.sort(null);
        return found;
    }

    /**
     * The file a relative reference names, or null after reporting why it cannot be used.
     *
     * @param what what the reference is, for the message: "photo", "document", "lead photo", …
     */
    Path resolve(String ref, int line, String what) {
        String path = MediaRefs.pathOf(ref);
        if (path == null) {
            return null;
        }
        Path file = dir.resolve(path.replace('\\', '/')).normalize();
        if (!file.startsWith(dir)) {
            problems.add(Problem.error(shown, line, "the " + what + " " + Quote.code(ref) + " is outside the article's folder",
                    "put the file beside the article (its folder), or under static/ and write its path from the site root: /images/…"));
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.error(shown, line, "the " + what + " " + Quote.code(ref) + " was not found (looked for "
                    + contentRelative(file) + ")",
                    "put the file beside the article, or fix the name (names are case-sensitive)"));
            return null;
        }
        try {
            if (!file.toRealPath().startsWith(contentDir.toRealPath())) {
                problems.add(Problem.error(shown, line, "the " + what + " " + Quote.code(ref) + " is a link leading outside content/",
                        "replace the link with the file itself"));
                return null;
            }
        } catch (IOException e) {
            problems.add(Problem.error(shown, line, "cannot read the " + what + " " + Quote.code(ref) + ": " + e.getMessage(),
                    "check the file's permissions"));
            return null;
        }
        return file;
    }

    private String contentRelative(Path file) {
        Path project = contentDir.getParent();
        return project != null && file.startsWith(project) ? project.relativize(file).toString() : file.toString();
    }
}
