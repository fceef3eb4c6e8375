package io.gazette.legacy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Imports legacy pages from files and folders into a content folder: one article per page at
 * {@code <into>/<yyyy>/<slug>.md}. The same page always lands on the same path, so importing again
 * skips what is there unless {@code force}. Articles are written to a temporary file beside the
 * target and moved into place, so a failure never leaves half an article; nothing is written
 * outside {@code into}.
 */
public final class ImportRun {
    private static final Set<String> PAGE_EXTENSIONS = Set.of("txt", "htm", "html");

    private final PageConverter converter;
    private final Path into;
    private final boolean force;
    private final boolean dryRun;

    public ImportRun(ImportSettings settings, Path into, boolean force, boolean dryRun) {
        this.converter = new PageConverter(settings);
        this.into = into;
        this.force = force;
        this.dryRun = dryRun;
    }

    /** Imports every page under {@code paths}, in a stable order, telling {@code listener} as it goes. */
    public List<ImportOutcome> run(List<Path> paths, Consumer<ImportOutcome> listener) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        Map<Path, String> written = new HashMap<>();
        for (Source source : sources(paths, outcomes, listener)) {
            ImportOutcome outcome = importOne(source, written);
            outcomes.add(outcome);
            listener.accept(outcome);
        }
        return outcomes;
    }

    private record Source(Path file, String display, String relativeName) {
    }

    private List<Source> sources(List<Path> paths, List<ImportOutcome> outcomes, Consumer<ImportOutcome> listener) {
        List<Source> sources = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> isPage(path.relativize(p)))
                            .sorted(Comparator.comparing(p -> slashes(path.relativize(p))))
                            .toList();
                } catch (IOException e) {
                    ImportOutcome failed = ImportOutcome.failed(slashes(path), "cannot list the folder: " + e.getMessage());
                    outcomes.add(failed);
                    listener.accept(failed);
                    continue;
                }
                for (Path file : files) {
                    if (seen.add(file.toAbsolutePath().normalize())) {
                        sources.add(new Source(file, slashes(file), slashes(path.relativize(file))));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                if (seen.add(path.toAbsolutePath().normalize())) {
                    Path name = path.getFileName();
                    sources.add(new Source(path, slashes(path), name == null ? slashes(path) : name.toString()));
                }
            } else {
                ImportOutcome failed = ImportOutcome.failed(slashes(path), "no such file or folder");
                outcomes.add(failed);
                listener.accept(failed);
            }
        }
        return sources;
    }

    /** Text and HTML pages, skipping hidden files and folders (.git, editor backups). */
    private static boolean isPage(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && PAGE_EXTENSIONS.contains(name.substring(dot + 1));
    }

    private ImportOutcome importOne(Source source, Map<Path, String> written) {
        byte[] bytes;
        try {
            if (Files.size(source.file()) > PageConverter.MAX_PAGE_BYTES) {
                return ImportOutcome.failed(source.display(), "larger than 20 MB; not an article page");
            }
            bytes = Files.readAllBytes(source.file());
        } catch (IOException e) {
            return ImportOutcome.failed(source.display(), "cannot read: " + e.getMessage());
        }
        Conversion conversion = converter.convert(bytes, source.relativeName());
        if (conversion instanceof Conversion.Failed failed) {
            return ImportOutcome.failed(source.display(), failed.line(), failed.reason());
        }
        Conversion.Converted converted = (Conversion.Converted) conversion;
        Path root = into.toAbsolutePath().normalize();
        Path target = root.resolve(converted.relativeTarget()).normalize();
        String display = slashes(into.resolve(converted.relativeTarget()));
        if (!target.startsWith(root) || target.equals(root)) {
            return ImportOutcome.failed(source.display(), "the target " + display + " would be outside " + slashes(into));
        }
        String earlier = written.putIfAbsent(target, source.display());
        if (earlier != null) {
            return ImportOutcome.failed(source.display(), "its title gives the same file as " + earlier + " ("
                    + display + "); import one of them on its own and rename it");
        }
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        ImportOutcome.Status status;
        if (dryRun) {
            status = exists && !force ? ImportOutcome.Status.WOULD_SKIP : ImportOutcome.Status.WOULD_IMPORT;
        } else if (exists && !force) {
            status = ImportOutcome.Status.SKIPPED;
        } else {
            try {
                write(root, target, converted.markdown());
            } catch (IOException | SecurityException e) {
                return ImportOutcome.failed(source.display(), "cannot write " + display + ": " + e.getMessage());
            }
            status = ImportOutcome.Status.IMPORTED;
        }
        return new ImportOutcome(status, source.display(), display, 0, null, converted.warnings(),
                converted.article().tags(), converted.markdown());
    }

    /** Temp file in the target folder, then an atomic rename: readers see the old file or the whole new one. */
    private static void write(Path root, Path target, String markdown) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // The folder may be a symbolic link out of the content folder; the real paths must agree.
        if (!folder.toRealPath().startsWith(root.toRealPath())) {
            throw new IOException(folder + " leads outside " + root);
        }
        Path temp = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream out = open(temp)) {
                out.write(markdown.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static OutputStream open(Path temp) throws IOException {
        try {
            return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // Left over by an interrupted run of a process with the same id.
            Files.delete(temp);
            return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
