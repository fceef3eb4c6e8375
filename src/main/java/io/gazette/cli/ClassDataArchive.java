package io.gazette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * An application class-data archive (AppCDS) for the relaunched JVM of {@code build} and
 * {@code check}: the classes Gazette loads (Lucene, Flexmark, Pebble, Jackson, its own), already
 * parsed and verified, mapped from one file instead of read from the jars. At 10,000 real
 * articles a build's JVM start and class loading took ~0.5 s less with it (BENCHMARKS.md).
 *
 * <p>Java 17 has no {@code -XX:+AutoCreateSharedArchive} (Java 19), so the first run of a jar on
 * a Java writes the archive itself ({@code -XX:ArchiveClassesAtExit}, ~1.5 s at its exit) to a
 * temporary name, and the launching JVM publishes it (size and CRC-32 in a file beside it, then
 * an atomic rename) only when that run succeeded. Every later run checks the size and CRC before
 * it uses the archive: a truncated archive crashes Java 17 (SIGBUS) instead of being refused, so
 * a damaged or half-written one is deleted and written again, never used. The archive lives in
 * the user's cache ({@code ~/.cache/gazette/cds/}, {@code $XDG_CACHE_HOME}), named after the jar
 * (path, size, time), the Java (home, version) and the options, so another jar, another Java or
 * other options never meet an archive they cannot use; an archive is deleted once unused for a
 * week. {@code -Xshare:off} (in {@code GAZETTE_JAVA_OPTS} or {@code JDK_JAVA_OPTIONS}) turns it
 * off, as does any option of the user's own about class-data sharing.
 */
final class ClassDataArchive {
    /** The batch commands, which start many classes once and end; serve runs for hours. */
    private static final Set<String> COMMANDS = Set.of("build", "check");
    private static final String SUFFIX = ".jsa";
    private static final String SUM = ".sum";

    private final Path archive;
    private final Path sum;
    private final Path folder;
    private final String command;
    /** The file the run writes the archive to, when there is no good archive yet; null otherwise. */
    private final Path pending;

    private ClassDataArchive(Path folder, String command, String key, boolean usable) {
        this.folder = folder;
        this.command = command;
        this.archive = folder.resolve(command + "-" + key + SUFFIX);
        this.sum = folder.resolve(command + "-" + key + SUFFIX + SUM);
        this.pending = usable ? null
                : folder.resolve("." + command + "-" + key + "-" + ProcessHandle.current().pid() + SUFFIX + ".tmp");
    }

    /**
     * The archive for a run of {@code command} from {@code jar} with {@code options} (those
     * Gazette chose) and {@code given} (those this JVM was started with), when one can be used or
     * written: empty for other commands, when an option already speaks of class-data sharing, or
     * when the cache folder cannot be made.
     */
    static Optional<ClassDataArchive> forRun(String command, Path jar, List<String> options, List<String> given,
            Path cacheRoot) {
        if (!COMMANDS.contains(command)) {
            return Optional.empty();
        }
        for (List<String> list : List.of(options, given)) {
            for (String option : list) {
                if (aboutSharing(option)) {
                    return Optional.empty();
                }
            }
        }
        try {
            Path folder = Files.createDirectories(cacheRoot.resolve("cds"));
            String key = key(jar, options);
            Path archive = folder.resolve(command + "-" + key + SUFFIX);
            return Optional.of(new ClassDataArchive(folder, command, key, intact(archive,
                    folder.resolve(command + "-" + key + SUFFIX + SUM))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no cache folder: run without an archive
        }
    }

    private static boolean aboutSharing(String option) {
        return option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit") || option.contains("SharedArchive")
                || option.startsWith("-XX:SharedClassListFile") || option.startsWith("-XX:DumpLoadedClassList");
    }

    /** The options to add to the relaunched JVM: use the archive, or write one at exit. */
    List<String> options() {
        // CDS warnings (an archive that does not match, classes it cannot keep such as picocli's
        // Java 5 classes) are not the user's business: the run goes on either way.
        // ArchiveRelocationMode=0: map the archives at the address they were written for, instead
        // of always at another (this Java's default, 1, for address-space randomisation), which
        // patches every pointer of the 20 MB archive at each start: 50-100 ms of every build here
        // (BENCHMARKS.md, launch17). Where that address is taken the JVM still relocates. A
        // diagnostic option, known to Java 17 to 25.
        return pending == null
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:ArchiveRelocationMode=0", "-Xlog:cds*=off")
                : List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds*=off");
    }

    /** The archive's path (written by this run when not {@link #used}). */
    Path archive() {
        return archive;
    }

    /** Whether the run uses an archive (false: it writes one). */
    boolean used() {
        return pending == null;
    }

    /** Said after the JVM's other reasons in {@code build --timings}. */
    String describe() {
        return pending == null ? "class data from " + archive
                : "class data archive written at exit to " + archive + " (once for this jar and Java)";
    }

    /**
     * After the run: publishes the archive it wrote when it succeeded, and deletes the command's
     * older archives; a failed run's archive is thrown away. Never fails the run.
     */
    void afterRun(int exitCode) {
        if (pending == null) {
            return;
        }
        try {
            if (exitCode == 0 && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Path sumTemp = folder.resolve("." + sum.getFileName() + "-" + ProcessHandle.current().pid() + ".tmp");
                Files.writeString(sumTemp, Files.size(pending) + " " + crc(pending) + "\n", StandardCharsets.US_ASCII);
                Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(sumTemp, sum, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                deleteOthers();
            }
        } catch (IOException | RuntimeException e) {
            // the next run writes it again
        } finally {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException e) {
                // a temporary file left in the cache folder
            }
        }
    }

    /**
     * The command's archives of other jars, Javas or options that no run used for a week (two
     * checkouts share the cache, so the newest alone is not enough), and what runs stopped
     * half-way (Ctrl-C) left, after a day.
     */
    private void deleteOthers() throws IOException {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "{,.}" + command + "-*")) {
            for (Path file : files) {
                boolean temporary = file.getFileName().toString().startsWith(".");
                long age = now - Files.getLastModifiedTime(file).toMillis();
                if (!file.equals(archive) && !file.equals(sum) && age > (temporary ? DAY : 7 * DAY)) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // in use (Windows): deleted by a later run
                    }
                }
            }
        }
    }

    private static final long DAY = 24 * 3600 * 1000L;

    /**
     * Whether {@code archive} is complete and unchanged: its size and CRC-32 are those recorded
     * when it was published. A damaged one is deleted so that this run writes it again.
     */
    static boolean intact(Path archive, Path sum) {
        try {
            if (!Files.isRegularFile(archive) || !Files.isRegularFile(sum)) {
                return false;
            }
            String[] recorded = Files.readString(sum, StandardCharsets.US_ASCII).strip().split(" ");
            if (recorded.length == 2 && Long.parseLong(recorded[0]) == Files.size(archive)
                    && recorded[1].equals(crc(archive))) {
                // Their times say when a run last used them (see deleteOthers).
                java.nio.file.attribute.FileTime now = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis());
                Files.setLastModifiedTime(archive, now);
                Files.setLastModifiedTime(sum, now);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: as damaged
        }
        try {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(sum);
        } catch (IOException e) {
            // left for the publication of the next archive to replace
        }
        return false;
    }

    /** CRC-32 (zlib's, native: ~10 ms for a 20 MB archive even before anything is compiled). */
    private static String crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                crc.update(buffer, 0, n);
            }
        }
        return Long.toHexString(crc.getValue());
    }

    /**
     * The jar (path, size, time), the Java (home, version) and the options, as a CRC-32 (not a
     * SHA-256: its security providers take ~20 ms to load in this short-lived JVM); not the heap's
     * sizes (they follow the size of content/, and an archive of classes does not depend on them)
     * nor system properties.
     */
    static String key(Path jar, List<String> options) throws IOException {
        StringBuilder parts = new StringBuilder();
        parts.append(jar.toAbsolutePath().normalize()).append('\0').append(Files.size(jar)).append('\0')
                .append(Files.getLastModifiedTime(jar).toMillis()).append('\0')
                .append(System.getProperty("java.home", "")).append('\0')
                .append(System.getProperty("java.vm.version", ""));
        for (String option : options) {
            if (!option.startsWith("-Xmx") && !option.startsWith("-Xms") && !option.startsWith("-Xmn")
                    && !option.startsWith("-D")) {
                parts.append('\0').append(option);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(parts.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
