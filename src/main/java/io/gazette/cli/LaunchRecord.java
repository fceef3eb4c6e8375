package io.gazette.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What {@code ./gazette} needs to start the JVM of a {@code build} or {@code check} with its
 * options itself, instead of starting the jar, which then starts itself again with them: a
 * second JVM start, its class loading and its walk over {@code content/} cost about 0.5-0.8 s of
 * every build (BENCHMARKS.md, section {@code fixed}). The jar remains the one place that chooses
 * the options: the launcher passes {@code -Dgazette.launchRecord=FILE}, and after a successful
 * relaunch that used a class-data archive (or needed none) the jar writes here the options it
 * chose (the heap too), why, the sizes of {@code content/} for which it would choose the same
 * ({@link JvmOptions.Choice}), and what they depend on: the jar (path, size, time), the Java (its
 * home and the time of its {@code release} file) and the archive (path, size, time). The
 * launcher uses the record only while all of these are unchanged and no {@code GAZETTE_JAVA_OPTS},
 * {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS} or {@code _JAVA_OPTIONS} is set; otherwise
 * it starts the jar as before. A damaged record costs only the second start.
 *
 * <p>Whether the Markdown under {@code content/} is still within the recorded sizes is this
 * class's rule too, checked by the JVM the launcher started ({@link #contentCheck}): ./gazette
 * passes the sizes ({@value #CONTENT_RANGE}), the JVM adds up the Markdown on a thread of its own
 * while it reads its command line, and when the sum has left them it starts the jar again as
 * ./gazette would have without a record ({@link SelfLauncher#relaunchForContent}), which chooses
 * and records anew. Summed by the launcher before the JVM could start, the walk cost 0.1-0.2 s of
 * every build at 10,000 articles (0.35 s at 100,000); beside the command line's parsing it costs
 * a part of the second core.
 *
 * <p>When the choice depended on whether the project has a build cache (jvm.options' {@code +cache}
 * lines), the record says which ({@code build-cache present} or {@code absent}, else {@code either}),
 * and ./gazette itself checks that one folder before it starts the JVM: a JVM started with the
 * options of an incremental build touches its whole heap at once, and would hold it while the jar
 * it started again ran. The first build after a clean one (or the first clean one after
 * incremental builds) starts the jar, which chooses and records anew.
 */
final class LaunchRecord {
    /** The system property naming the file ./gazette reads; set by ./gazette only. */
    static final String PROPERTY = "gazette.launchRecord";
    /** The first line: the format, raised when the launcher must read it differently. */
    static final String HEADER = "gazette-launch-record 3";

    /**
     * The sizes of content/ (bytes of Markdown, {@code FROM-BELOW}, the end exclusive) the record
     * a JVM was started from holds for; set by ./gazette only, with {@link #PROPERTY}.
     */
    static final String CONTENT_RANGE = "gazette.recordedContent";

    private LaunchRecord() {
    }

    /**
     * Whether the options this JVM was started with still fit the site of {@code args}: for a JVM
     * ./gazette started from a record ({@link SelfLauncher#LAUNCHED} and {@link #CONTENT_RANGE}
     * set), whether the Markdown under its content/ is within the recorded sizes, found on
     * another thread; true at once for any other JVM.
     */
    static CompletableFuture<Boolean> contentCheck(String[] args) {
        String range = System.getProperty(CONTENT_RANGE);
        if (range == null || !Boolean.getBoolean(SelfLauncher.LAUNCHED)) {
            return CompletableFuture.completedFuture(true);
        }
        int dash = range.indexOf('-');
        long from;
        long below;
        try {
            from = Long.parseLong(range.substring(0, Math.max(0, dash)));
            below = Long.parseLong(range.substring(dash + 1));
        } catch (NumberFormatException e) {
            return CompletableFuture.completedFuture(false); // not as ./gazette writes it: choose again
        }
        Path projectDir = JvmOptions.sourceDir(args);
        // On the common pool, whose threads the build's parallel streams use next.
        return CompletableFuture.supplyAsync(() -> contentFits(projectDir, from, below));
    }

    /**
     * Whether the Markdown under {@code projectDir}'s content/ is at least {@code from} and less
     * than {@code below} bytes: the sum stops as soon as that is settled (past {@code below}, or
     * past {@code from} when the range has no end, the heap's cap).
     */
    static boolean contentFits(Path projectDir, long from, long below) {
        long content = JvmOptions.contentBytes(projectDir, below == Long.MAX_VALUE ? from : below);
        return content >= from && content < below;
    }

    /**
     * Writes the record of a relaunch of {@code command} from {@code jar} with {@code choice}
     * and {@code classData}, when ./gazette asked for one and the choice was made from the size
     * of content/; never fails the run.
     */
    static void writeIfAsked(String command, Path jar, JvmOptions.Choice choice, Optional<ClassDataArchive> classData) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank() || !(command.equals("build") || command.equals("check")) || !choice.bySize()
                || classData.map(archive -> !archive.used()).orElse(false)) {
            return;
        }
        try {
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            line(text, "command", command);
            line(text, "jar", jar.toAbsolutePath().normalize().toString());
            line(text, "jar-size", Long.toString(Files.size(jar)));
            line(text, "jar-time", Long.toString(seconds(jar)));
            Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
            line(text, "java-home", javaHome.toString());
            Path release = javaHome.resolve("release");
            line(text, "java-release-time", Files.isRegularFile(release) ? Long.toString(seconds(release)) : "-1");
            if (classData.isPresent()) {
                Path archive = classData.get().archive();
                line(text, "archive", archive.toString());
                line(text, "archive-size", Long.toString(Files.size(archive)));
                line(text, "archive-time", Long.toString(seconds(archive)));
            }
            line(text, "content-from", Long.toString(choice.contentFrom()));
            line(text, "content-below", Long.toString(choice.contentBelow()));
            line(text, "build-cache", choice.buildCache().toString());
            line(text, "why", choice.why() + classData.map(archive -> "; " + archive.describe()).orElse(""));
            choice.options().forEach(option -> line(text, "option", option));
            classData.ifPresent(archive -> archive.options().forEach(option -> line(text, "option", option)));
            Path target = Path.of(file);
            Path temp = target.resolveSibling("." + target.getFileName() + "-" + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Without a record the launcher starts the jar, which relaunches itself: slower, the same.
        }
    }

    private static void line(StringBuilder text, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a line break in " + key);
        }
        text.append(key).append(' ').append(value).append('\n');
    }

    /** The modification time in whole seconds, as {@code stat -c %Y} prints it. */
    private static long seconds(Path file) throws IOException {
        return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).to(TimeUnit.SECONDS);
    }
}
