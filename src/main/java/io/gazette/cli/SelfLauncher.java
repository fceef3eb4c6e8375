package io.gazette.cli;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@code java -jar gazette-<version>.jar} run with the same JVM options as {@code ./gazette}:
 * a JVM's options cannot change once it runs, so when the jar was started without the options of
 * {@code jvm.options} it starts itself again with them (same Java, same jar, same arguments,
 * same terminal) and exits with the child's code. {@code -Dgazette.launched=true} marks a JVM
 * started with its options (by ./gazette or by this class), which does not relaunch, unless
 * ./gazette started it from a record whose content sizes no longer hold ({@link LaunchRecord}):
 * then it starts the jar as ./gazette would have without one ({@link #relaunchForContent}). A relaunched
 * {@code build} or {@code check} also maps Gazette's classes from a class-data archive
 * ({@link ClassDataArchive}), written by the first such run of a jar.
 */
final class SelfLauncher {
    static final String LAUNCHED = "gazette.launched";

    private SelfLauncher() {
    }

    /**
     * @return the exit code of the relaunched JVM, or empty when this JVM should run the command
     *     itself (it was launched with its options, they are already in effect, or it is not
     *     running from a jar)
     */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        if (Boolean.getBoolean(LAUNCHED)) {
            return Optional.empty();
        }
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        JvmOptions.Choice choice = JvmOptions.bundled().choose(args, System.getenv("GAZETTE_JAVA_OPTS"));
        List<String> current = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (current.containsAll(choice.options())) {
            return Optional.empty();
        }
        return relaunch(args, jar.get(), choice, current);
    }

    /**
     * For a JVM ./gazette started from a {@link LaunchRecord} whose sizes content/ has left: starts
     * the jar again as ./gazette starts it without a usable record (its home and the record's
     * file, to be written anew), and it chooses its options for the content as it is now.
     *
     * @return the exit code of that run, or empty when this JVM should run the command itself
     *     (not running from a jar, or no second JVM could be started)
     */
    static Optional<Integer> relaunchForContent(String[] args) {
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        List<String> given = asWithoutRecord();
        return relaunch(args, jar.get(), JvmOptions.bundled().choose(args, null, given), given);
    }

    /** What ./gazette passes a build's JVM when it has no usable record: the checkout's home, the record's file. */
    static List<String> asWithoutRecord() {
        List<String> given = new ArrayList<>();
        for (String property : List.of("gazette.home", LaunchRecord.PROPERTY)) {
            String value = System.getProperty(property);
            if (value != null) {
                given.add("-D" + property + "=" + value);
            }
        }
        return given;
    }

    /**
     * Runs {@code args} in a new JVM from {@code jar}, started with {@code given} and the
     * {@code choice}, with the class-data archive of the run; records it for ./gazette when asked.
     */
    private static Optional<Integer> relaunch(String[] args, Path jar, JvmOptions.Choice choice, List<String> given) {
        List<String> wanted = choice.options();
        String command = args.length == 0 ? "" : args[0];
        Optional<ClassDataArchive> classData = ClassDataArchive.forRun(command, jar, wanted, given,
                BundledThemes.cacheRoot());
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(given);
        line.addAll(wanted);
        classData.ifPresent(archive -> line.addAll(archive.options()));
        line.add("-D" + LAUNCHED + "=true");
        line.add("-D" + JvmOptions.WHY + "=" + choice.why()
                + classData.map(archive -> "; " + archive.describe()).orElse("")); // for build --timings
        line.add("-jar");
        line.add(jar.toString());
        line.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(line).inheritIO().start();
            // Ctrl-C reaches both JVMs; if only this one is stopped, the child must not outlive it.
            Thread stopChild = new Thread(child::destroy);
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            classData.ifPresent(archive -> archive.afterRun(code));
            if (code == 0) {
                LaunchRecord.writeIfAsked(command, jar, choice, classData);
            }
            return Optional.of(code);
        } catch (java.io.IOException e) {
            // Could not start a second JVM (e.g. a restricted sandbox): run here, without the options.
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(GazetteCommand.INTERNAL);
        } catch (IllegalStateException e) {
            // shutting down already: the hook has stopped the child
            return Optional.of(GazetteCommand.INTERNAL);
        }
    }

    /** The jar this class was loaded from, when it was. */
    static Optional<Path> runningJar() {
        try {
            var source = SelfLauncher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
