package io.gazette.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
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
 * launcher uses the record only while all of these are unchanged, the Markdown under
 * {@code content/} is within those sizes and no {@code GAZETTE_JAVA_OPTS},
 * {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS} or {@code _JAVA_OPTIONS} is set; otherwise
 * it starts the jar as before. A damaged record costs only the second start.
 */
final class LaunchRecord {
    /** The system property naming the file ./gazette reads; set by ./gazette only. */
    static final String PROPERTY = "gazette.launchRecord";
    /** The first line: the format, raised when the launcher must read it differently. */
    static final String HEADER = "gazette-launch-record 2";

    private LaunchRecord() {
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
