package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gazette.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./gazette script of a checkout, run by bash with stand-ins for {@code mvn} and {@code java}
 * first on the PATH: its exit code when Maven fails, and the JVM options it passes, which must be
 * those the jar applies to itself (both read jvm.options).
 */
class LauncherTest {
    @TempDir
    Path temp;

    private Path checkout() throws Exception {
        Path home = Files.createDirectories(temp.resolve("checkout"));
        Files.copy(TestSites.projectRoot().resolve("gazette"), home.resolve("gazette"));
        Files.copy(TestSites.projectRoot().resolve("jvm.options"), home.resolve("jvm.options"));
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Files.createDirectories(home.resolve("src/main"));
        return home;
    }

    private Path tool(String name, String body) throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Result run(Path home, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("gazette").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", temp.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("GAZETTE_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** An empty target/gazette.jar in the checkout: the launcher only checks its size and time. */
    private static Path emptyJar(Path home) throws IOException {
        Path jar = Files.createDirectories(home.resolve("target")).resolve("gazette.jar");
        Files.writeString(jar, "");
        return jar;
    }

    /** A Java home whose {@code java} prints the arguments it was started with, after "ARGS". */
    private Path echoingJavaHome() throws IOException {
        Path javaHome = Files.createDirectories(temp.resolve("jdk/bin")).getParent();
        Files.writeString(javaHome.resolve("bin/java"), "#!/usr/bin/env bash\necho \"ARGS $*\"\n");
        Files.setPosixFilePermissions(javaHome.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"17\"\n");
        return javaHome;
    }

    record Result(int code, String output) {
    }

    /** Writes the record of a relaunch with {@code choice}, as a jar run by {@code javaHome}'s Java and asked by ./gazette would. */
    private static void writeRecord(Path record, Path javaHome, Path jar, JvmOptions.Choice choice) throws IOException {
        String javaBefore = System.getProperty("java.home");
        System.setProperty(LaunchRecord.PROPERTY, record.toString());
        System.setProperty("java.home", javaHome.toString());
        try {
            LaunchRecord.writeIfAsked("build", jar, choice, java.util.Optional.empty());
        } finally {
            System.clearProperty(LaunchRecord.PROPERTY);
            System.setProperty("java.home", javaBefore);
        }
    }

    @Test
    void aFailedMavenBuildExitsWithThree() throws Exception {
        Path home = checkout();
        tool("mvn", "echo 'COMPILATION ERROR' >&2; exit 1");
        Result result = run(home, "build");
        assertThat(result.code()).isEqualTo(GazetteCommand.INTERNAL);
        assertThat(result.output()).contains("COMPILATION ERROR", "the Maven build failed");
    }

    @Test
    void theLauncherLeavesTheOptionsToTheJar() throws Exception {
        // One place decides the JVM options: the jar (SelfLauncher), for ./gazette and java -jar alike.
        Path home = checkout();
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/gazette.jar"), "");
        tool("java", "echo \"ARGS $*\"");
        for (String command : List.of("build", "serve", "check", "new")) {
            Result result = run(home, command);
            assertThat(result.code()).isZero();
            // build and check: the jar is asked to record its choice for the next start (LaunchRecord).
            String record = command.equals("build") || command.equals("check")
                    ? " -D" + LaunchRecord.PROPERTY + "=" + home.resolve("target/.launch-" + command) : "";
            assertThat(result.output().strip()).isEqualTo("ARGS -Dgazette.home=" + home + record + " -jar "
                    + home.resolve("target/gazette.jar") + " " + command);
        }
    }

    /**
     * What the jar recorded after a relaunch lets ./gazette start the build's JVM with the same
     * options, heap and reason itself while content/ stays within the sizes the jar would choose
     * the same for; more Markdown than that, a changed jar, Java or class-data archive, or options
     * in the environment, and the jar is started to choose again.
     */
    @Test
    void theLauncherStartsABuildWithTheOptionsTheJarRecorded() throws Exception {
        Path home = checkout();
        Path jar = emptyJar(home);
        Path javaHome = echoingJavaHome();
        Path site = Files.createDirectories(temp.resolve("site/content/2014"));
        Files.write(site.resolve("a.md"), new byte[3 * 1024 * 1024]);
        Path archive = Files.write(temp.resolve("build-1234.jsa"), new byte[100]);
        String[] args = {"build", "--timings", "-s", temp.resolve("site").toString()};
        JvmOptions.Choice choice = JvmOptions.parse(Files.readString(home.resolve("jvm.options"))).choose(args, null);

        Path record = home.resolve("target/.launch-build");
        String javaBefore = System.getProperty("java.home");
        System.setProperty(LaunchRecord.PROPERTY, record.toString());
        System.setProperty("java.home", javaHome.toString());
        try {
            ClassDataArchive classData = ClassDataArchive.forRun("build", jar, choice.options(), List.of(), temp.resolve("cache"))
                    .orElseThrow();
            LaunchRecord.writeIfAsked("build", jar, choice, java.util.Optional.of(classData));
            assertThat(record).as("no record while the archive is still to be written").doesNotExist();
            LaunchRecord.writeIfAsked("build", jar, choice, java.util.Optional.empty());
        } finally {
            System.clearProperty(LaunchRecord.PROPERTY);
            System.setProperty("java.home", javaBefore);
        }
        String path = javaHome.resolve("bin") + ":" + System.getenv("PATH");
        Result direct = runWithPath(home, path, Map.of(), args);
        List<String> options = choice.options();
        assertThat(direct.output().strip()).isEqualTo("ARGS -Dgazette.home=" + home + " " + String.join(" ", options)
                + " -Dgazette.launched=true -D" + JvmOptions.WHY + "=" + choice.why() + " -D" + LaunchRecord.PROPERTY + "="
                + record + " -D" + LaunchRecord.CONTENT_RANGE + "=" + choice.contentFrom() + "-" + choice.contentBelow()
                + " -jar " + jar + " " + String.join(" ", args));
        // 3 MB of Markdown: 512 MB + 8 × 2 MB (the content in whole steps of 2 MB), all of it from
        // the start, a third of it young.
        assertThat(options).endsWith("-Xmx" + (512 + 8 * 2) + "m", "-Xms" + (512 + 8 * 2) + "m", "-Xmn" + (512 + 8 * 2) / 3 + "m");
        assertThat(choice.contentFrom()).isEqualTo(2L * 1024 * 1024);
        assertThat(choice.contentBelow()).isEqualTo(4L * 1024 * 1024);

        // An article more, within the same 2 MB: the same JVM, started by ./gazette itself, whose
        // check of content/ finds the options still fit.
        Files.write(site.resolve("c.md"), new byte[100_000]);
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(direct.output().strip());
        assertThat(LaunchRecord.contentFits(temp.resolve("site"), choice.contentFrom(), choice.contentBelow())).isTrue();
        Files.delete(site.resolve("c.md"));

        // A large archive: ./gazette starts the recorded JVM all the same (it no longer walks
        // content/), and that JVM's check finds the content past the recorded sizes: it starts
        // the jar again as ./gazette does without a record, which chooses anew (the heap at its cap).
        String relaunch = "ARGS -Dgazette.home=" + home + " -D" + LaunchRecord.PROPERTY + "=" + record + " -jar " + jar + " "
                + String.join(" ", args);
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(site.resolve("b.md").toFile(), "rw")) {
            big.setLength(70L * 1024 * 1024); // sparse: it counts by its size
        }
        JvmOptions.Choice capped = JvmOptions.parse(Files.readString(home.resolve("jvm.options"))).choose(args, null);
        assertThat(capped.options()).endsWith("-Xmx1024m", "-Xms1024m");
        assertThat(capped.contentFrom()).isEqualTo(64L * 1024 * 1024);
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(direct.output().strip());
        assertThat(LaunchRecord.contentFits(temp.resolve("site"), choice.contentFrom(), choice.contentBelow())).isFalse();
        Files.delete(site.resolve("b.md"));

        // With an archive recorded: used while it is the one published, not once it changed.
        Files.writeString(record, Files.readString(record).replace("content-from ", "archive " + archive + "\narchive-size 100\n"
                + "archive-time " + Files.getLastModifiedTime(archive).to(TimeUnit.SECONDS) + "\ncontent-from ")
                .replaceFirst("(?m)^(why .*)$", "$1; class data from " + archive));
        assertThat(runWithPath(home, path, Map.of(), args).output()).contains("-Dgazette.launched=true",
                "; class data from " + archive + " -D" + LaunchRecord.PROPERTY);
        Files.write(archive, new byte[50]);
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(relaunch);
        Files.write(archive, new byte[100]);
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(relaunch);

        // Options in the environment, or another jar: the jar chooses again.
        Files.writeString(record, Files.readString(record).replaceAll("archive-time .*", "archive-time 0"));
        assertThat(runWithPath(home, path, Map.of(), args).output()).contains("-Dgazette.launched=true");
        assertThat(runWithPath(home, path, Map.of("JDK_JAVA_OPTIONS", "-Xmx2g"), args).output().strip()).isEqualTo(relaunch);
        Files.writeString(jar, "x");
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(relaunch);
    }

    /**
     * At the heap's cap the recorded sizes have no upper end: any larger site gets the same JVM,
     * and ./gazette stops adding up Markdown sizes once past the record's start (at 100,000
     * articles the whole walk was 0.5 s of every build); below that start, the jar chooses again.
     */
    @Test
    void aRecordAtTheHeapsCapHoldsForAnyLargerSite() throws Exception {
        Path home = checkout();
        Path jar = emptyJar(home);
        Path javaHome = echoingJavaHome();
        Path content = Files.createDirectories(temp.resolve("site/content/2014"));
        Files.write(content.resolve("a.md"), new byte[3 * 1024 * 1024]);
        for (String name : List.of("b.md", "c.md", "d.md", "e.md")) { // past jvm.options' last line (128 MB)
            try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(content.resolve(name).toFile(), "rw")) {
                big.setLength(40L * 1024 * 1024); // sparse: it counts by its size
            }
        }
        String[] args = {"build", "-s", temp.resolve("site").toString()};
        JvmOptions.Choice capped = JvmOptions.parse(Files.readString(home.resolve("jvm.options"))).choose(args, null);
        assertThat(capped.contentBelow()).isEqualTo(Long.MAX_VALUE);
        Path record = home.resolve("target/.launch-build");
        writeRecord(record, javaHome, jar, capped);
        String path = javaHome.resolve("bin") + ":" + System.getenv("PATH");
        String direct = "ARGS -Dgazette.home=" + home + " " + String.join(" ", capped.options())
                + " -Dgazette.launched=true -D" + JvmOptions.WHY + "=" + capped.why() + " -D" + LaunchRecord.PROPERTY + "="
                + record + " -D" + LaunchRecord.CONTENT_RANGE + "=" + capped.contentFrom() + "-" + Long.MAX_VALUE
                + " -jar " + jar + " " + String.join(" ", args);
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(direct);

        // Chosen for a clean build (jvm.options has a build+cache line at this size): once the
        // project has a build cache, ./gazette starts the jar, which chooses the incremental
        // build's options and records them; those hold while the cache is there.
        assertThat(capped.buildCache()).isEqualTo(JvmOptions.BuildCacheState.ABSENT);
        Path buildCache = Files.createDirectories(temp.resolve("site/.gazette/cache/build"));
        String relaunch = "ARGS -Dgazette.home=" + home + " -D" + LaunchRecord.PROPERTY + "=" + record + " -jar " + jar + " "
                + String.join(" ", args);
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(relaunch);
        JvmOptions.Choice incremental = JvmOptions.parse(Files.readString(home.resolve("jvm.options"))).choose(args, null);
        assertThat(incremental.buildCache()).isEqualTo(JvmOptions.BuildCacheState.PRESENT);
        assertThat(incremental.options()).contains("-XX:MaxTenuringThreshold=0").isNotEqualTo(capped.options());
        writeRecord(record, javaHome, jar, incremental);
        assertThat(runWithPath(home, path, Map.of(), args).output()).contains(String.join(" ", incremental.options())
                + " -Dgazette.launched=true");
        Files.delete(buildCache);
        assertThat(runWithPath(home, path, Map.of(), "build", "--source=" + temp.resolve("site")).output().strip())
                .as("the build cache gone").isEqualTo(relaunch.replace("-s " + temp.resolve("site"), "--source=" + temp.resolve("site")));
        writeRecord(record, javaHome, jar, capped);

        // Ten times the Markdown: still the capped JVM, and its check holds.
        for (int i = 0; i < 20; i++) {
            try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(content.resolve("f" + i + ".md").toFile(), "rw")) {
                big.setLength(40L * 1024 * 1024);
            }
        }
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(direct);
        assertThat(LaunchRecord.contentFits(temp.resolve("site"), capped.contentFrom(), Long.MAX_VALUE)).isTrue();
        assertThat(JvmOptions.contentBytes(temp.resolve("site"), capped.contentFrom()))
                .as("the sum stops once past the record's start").isLessThan(capped.contentFrom() + 40L * 1024 * 1024);

        // Below the record's start, the check fails: the JVM starts the jar to choose again.
        try (var files = Files.list(content)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("a.md")).toList()) {
                Files.delete(file);
            }
        }
        assertThat(runWithPath(home, path, Map.of(), args).output().strip()).isEqualTo(direct);
        assertThat(LaunchRecord.contentFits(temp.resolve("site"), capped.contentFrom(), Long.MAX_VALUE)).isFalse();
    }

    /**
     * The JVM ./gazette started from a record checks content/ against the recorded sizes itself;
     * when the content has left them it starts the jar again with exactly what ./gazette passes
     * when it has no usable record (the checkout's home, the record's file), so that the jar
     * chooses its options anew and records them for the next build.
     */
    @Test
    void aJvmStartedFromARecordThatNoLongerFitsStartsTheJarAsTheLauncherDoesWithoutOne() throws Exception {
        Path home = checkout();
        Path jar = emptyJar(home);
        Path javaHome = echoingJavaHome();
        Path content = Files.createDirectories(temp.resolve("site/content/2014"));
        Files.write(content.resolve("a.md"), new byte[3 * 1024 * 1024]);
        Files.write(content.resolve(".hidden.md"), new byte[4 * 1024 * 1024]); // not an article: not counted
        String[] args = {"build", "-s", temp.resolve("site").toString()};
        String path = javaHome.resolve("bin") + ":" + System.getenv("PATH");
        String withoutRecord = runWithPath(home, path, Map.of(), args).output().strip();

        long mb = 1024 * 1024;
        Map<String, String> properties = Map.of("gazette.home", home.toString(),
                LaunchRecord.PROPERTY, home.resolve("target/.launch-build").toString(), SelfLauncher.LAUNCHED, "true");
        Map<String, String> before = new java.util.HashMap<>();
        for (String name : List.of("gazette.home", LaunchRecord.PROPERTY, SelfLauncher.LAUNCHED, LaunchRecord.CONTENT_RANGE)) {
            before.put(name, System.getProperty(name));
        }
        try {
            properties.forEach(System::setProperty);
            System.setProperty(LaunchRecord.CONTENT_RANGE, 2 * mb + "-" + 4 * mb);
            assertThat(LaunchRecord.contentCheck(args).join()).as("3 MB within [2 MB, 4 MB)").isTrue();
            System.setProperty(LaunchRecord.CONTENT_RANGE, "0-" + 2 * mb);
            assertThat(LaunchRecord.contentCheck(args).join()).as("3 MB past [0, 2 MB)").isFalse();
            System.setProperty(LaunchRecord.CONTENT_RANGE, 4 * mb + "-" + Long.MAX_VALUE);
            assertThat(LaunchRecord.contentCheck(args).join()).as("3 MB below [4 MB, …)").isFalse();
            System.setProperty(LaunchRecord.CONTENT_RANGE, "4MB");
            assertThat(LaunchRecord.contentCheck(args).join()).as("sizes not as ./gazette writes them").isFalse();
            assertThat("ARGS " + String.join(" ", SelfLauncher.asWithoutRecord()) + " -jar " + jar + " " + String.join(" ", args))
                    .isEqualTo(withoutRecord);
            System.clearProperty(SelfLauncher.LAUNCHED);
            assertThat(LaunchRecord.contentCheck(args).join()).as("a JVM not started from a record").isTrue();
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    private Result runWithPath(Path home, String path, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("gazette").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        for (String name : List.of("GAZETTE_JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void aBuildGetsAHeapSizedFromItsContent() throws Exception {
        long mb = 1024 * 1024;
        assertThat(JvmOptions.heapFor(0, 24_000 * mb)).isEqualTo(512 * mb);
        assertThat(JvmOptions.heapFor(36 * mb, 24_000 * mb)).isEqualTo((512 + 8 * 36) * mb);
        // 100,000 articles (362 MB of Markdown): the same 1 GiB as 25,000; the heap no longer grows with the archive.
        assertThat(JvmOptions.heapFor(362 * mb, 24_000 * mb)).isEqualTo(1024 * mb);
        assertThat(JvmOptions.heapFor(1_000 * mb, 1_000 * mb)).isEqualTo(750 * mb);
        // serve keeps a session: up to 1.25 GiB at 100,000 articles, a build's heap for small sites.
        assertThat(JvmOptions.serveHeapFor(362 * mb, 24_000 * mb)).isEqualTo(1280 * mb);
        assertThat(JvmOptions.serveHeapFor(36 * mb, 24_000 * mb)).isEqualTo(JvmOptions.heapFor(36 * mb, 24_000 * mb));
        assertThat(JvmOptions.serveHeapFor(1_000 * mb, 1_000 * mb)).isEqualTo(750 * mb);

        Path site = Files.createDirectories(temp.resolve("site/content/2014"));
        Files.write(site.resolve("a.md"), new byte[20 * 1024 * 1024]);
        // Photos and documents beside the articles do not count: the build streams them.
        Files.createDirectories(site.resolve("bai"));
        Files.write(site.resolve("bai/index.md"), new byte[1024 * 1024]);
        Files.write(site.resolve("bai/anh.jpg"), new byte[30 * 1024 * 1024]);
        Files.write(site.resolve("bai/qd.pdf"), new byte[30 * 1024 * 1024]);
        Files.write(site.resolve(".nhap.md"), new byte[30 * 1024 * 1024]);
        String[] args = {"build", "--quiet", "-s", temp.resolve("site").toString()};
        assertThat(JvmOptions.sourceDir(args)).isEqualTo(temp.resolve("site"));
        List<String> options = JvmOptions.parse("build -XX:+UseParallelGC\nserve\n").forRun(args, null);
        // 21 MB of Markdown: 8 × 20 MB, the content in whole steps of 2 MB.
        assertThat(options).containsExactly("-XX:+UseParallelGC", "-Xmx672m", "-Xms672m", "-Xmn224m");
        String[] serve = {"serve", "-s", temp.resolve("site").toString()};
        assertThat(JvmOptions.parse("serve\n").forRun(serve, null)).containsExactly("-Xmx" + (512 + 8 * 20) + "m");
        assertThat(JvmOptions.parse("build -XX:+UseParallelGC\n").forRun(args, "-Xmx1g")).containsExactly("-Xmx1g");
    }

    @Test
    void theLauncherSaysWhyTheJvmHasItsOptions() throws Exception {
        Path site = Files.createDirectories(temp.resolve("why/content"));
        Files.write(site.resolve("a.md"), new byte[21 * 1024 * 1024]);
        String[] build = {"build", "--timings", "--source", temp.resolve("why").toString()};
        JvmOptions options = JvmOptions.parse("build -XX:+UseParallelGC\n");
        JvmOptions.Choice sized = options.choose(build, null);
        assertThat(sized.options()).containsExactly("-XX:+UseParallelGC", "-Xmx672m", "-Xms672m", "-Xmn224m");
        assertThat(sized.why()).isEqualTo("jvm.options for build; heap 672 MB = 512 MB + 8 × 20 MB of Markdown under content/,"
                + " all of it from the start, a third of it young");
        Files.write(site.resolve("b.md"), new byte[100 * 1024 * 1024]);
        assertThat(options.choose(build, null).why()).isEqualTo("jvm.options for build; heap 1024 MB: 512 MB + 8 × the Markdown"
                + " under content/, at most 1024 MB (reached at 64 MB), all of it from the start");
        assertThat(options.choose(build, null).options()).containsExactly("-XX:+UseParallelGC", "-Xmx1024m", "-Xms1024m");
        String[] serve = {"serve", "--source", temp.resolve("why").toString()};
        assertThat(JvmOptions.parse("serve\n").choose(serve, null).options()).as("serve grows its heap")
                .containsExactly("-Xmx1280m");
        assertThat(options.choose(build, "-Xmx2g").why()).isEqualTo("the options of GAZETTE_JAVA_OPTS");
        assertThat(options.choose(new String[] {"new", "Tiêu đề"}, null).why()).isEqualTo("no options for new in jvm.options");

        // The relaunched JVM prints it at the end of build --timings, with what it runs with.
        String before = System.getProperty(JvmOptions.WHY);
        System.setProperty(JvmOptions.WHY, sized.why());
        try {
            assertThat(JvmReport.describe()).startsWith("jvm: heap at most ").endsWith("(" + sized.why() + ")");
        } finally {
            if (before == null) {
                System.clearProperty(JvmOptions.WHY);
            } else {
                System.setProperty(JvmOptions.WHY, before);
            }
        }
    }

    /**
     * A line for larger sites ({@code build>=SIZE}) replaces the command's own from that much
     * Markdown on, and the sizes a choice holds for end where the next line starts.
     */
    @Test
    void largerSitesGetTheirOwnLine() throws Exception {
        long mb = 1024 * 1024;
        JvmOptions options = JvmOptions.parse("build -XX:TieredStopAtLevel=1\nbuild>=64MB -XX:+UseParallelGC\n"
                + "build>=11MB -XX:+UseSerialGC -Xmx2g\ndefault -Da=b\n");
        assertThat(options.forSite("build", 0)).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(options.forSite("build", 10 * mb)).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(options.forSite("build", 11 * mb)).containsExactly("-XX:+UseSerialGC", "-Xmx2g");
        assertThat(options.forSite("build", 400 * mb)).containsExactly("-XX:+UseParallelGC");
        assertThat(options.forSite("check", 400 * mb)).containsExactly("-Da=b");
        assertThatThrownBy(() -> JvmOptions.parse("build>=1GB -Xmx2g\n")).isInstanceOf(IllegalArgumentException.class);

        Path content = Files.createDirectories(temp.resolve("large/content"));
        String[] build = {"build", "--source", temp.resolve("large").toString()};
        Files.write(content.resolve("a.md"), new byte[(int) (10 * mb + 5)]);
        JvmOptions.Choice small = options.choose(build, null);
        assertThat(small.options()).containsExactly("-XX:TieredStopAtLevel=1", "-Xmx592m", "-Xms592m", "-Xmn197m");
        assertThat(small.contentFrom()).isEqualTo(10 * mb);
        assertThat(small.contentBelow()).as("the next line's size").isEqualTo(11 * mb);
        Files.write(content.resolve("b.md"), new byte[(int) (2 * mb)]);
        JvmOptions.Choice given = options.choose(build, null);
        assertThat(given.options()).containsExactly("-XX:+UseSerialGC", "-Xmx2g");
        assertThat(given.why()).isEqualTo("jvm.options for build with 11 MB of Markdown or more, the heap given");
        assertThat(given.contentFrom()).isEqualTo(11 * mb);
        assertThat(given.contentBelow()).isEqualTo(64 * mb);
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(content.resolve("c.md").toFile(), "rw")) {
            big.setLength(300 * mb); // sparse: it counts by its size
        }
        JvmOptions.Choice large = options.choose(build, null);
        assertThat(large.options()).containsExactly("-XX:+UseParallelGC", "-Xmx1024m", "-Xms1024m");
        assertThat(large.contentFrom()).isEqualTo(64 * mb);
        assertThat(large.contentBelow()).isEqualTo(Long.MAX_VALUE);
        assertThat(options.choose(build, "-Xmx3g").bySize()).as("GAZETTE_JAVA_OPTS: nothing to record").isFalse();
    }

    /**
     * A {@code +cache} line gives the options of a project that has a build cache (its build will
     * be incremental) from its size on; the sizes a choice holds for end where a line of either
     * kind starts, and the choice says whether it depends on the build cache.
     */
    @Test
    void aProjectWithABuildCacheGetsTheCacheLine() throws Exception {
        long mb = 1024 * 1024;
        JvmOptions options = JvmOptions.parse("build -XX:TieredStopAtLevel=1 -Xmx1g\nbuild>=64MB -Xmx2g\n"
                + "build+cache>=32MB -XX:MaxTenuringThreshold=0 -Xmx2g\n");
        assertThat(options.forSite("build", 40 * mb, false)).containsExactly("-XX:TieredStopAtLevel=1", "-Xmx1g");
        assertThat(options.forSite("build", 40 * mb, true)).containsExactly("-XX:MaxTenuringThreshold=0", "-Xmx2g");
        assertThat(options.forSite("build", 10 * mb, true)).as("below the cache line")
                .containsExactly("-XX:TieredStopAtLevel=1", "-Xmx1g");
        assertThat(options.forSite("build", 100 * mb, true)).as("the larger line of the command").containsExactly("-Xmx2g");
        assertThat(options.forSite("check", 40 * mb, true)).as("another command").isEmpty();

        Path project = temp.resolve("cached");
        Path content = Files.createDirectories(project.resolve("content"));
        String[] build = {"build", "--source", project.toString()};
        Files.write(content.resolve("a.md"), new byte[(int) (10 * mb)]);
        JvmOptions.Choice small = options.choose(build, null);
        assertThat(small.buildCache()).as("no cache line at 10 MB").isEqualTo(JvmOptions.BuildCacheState.EITHER);
        assertThat(small.contentBelow()).as("where the cache line starts").isEqualTo(32 * mb);
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(content.resolve("b.md").toFile(), "rw")) {
            big.setLength(30 * mb); // sparse: it counts by its size
        }
        JvmOptions.Choice clean = options.choose(build, null);
        assertThat(clean.options()).containsExactly("-XX:TieredStopAtLevel=1", "-Xmx1g");
        assertThat(clean.buildCache()).isEqualTo(JvmOptions.BuildCacheState.ABSENT);
        Files.createDirectories(project.resolve(".gazette/cache/build"));
        assertThat(JvmOptions.hasBuildCache(project)).isTrue();
        JvmOptions.Choice incremental = options.choose(build, null);
        assertThat(incremental.options()).containsExactly("-XX:MaxTenuringThreshold=0", "-Xmx2g");
        assertThat(incremental.why()).isEqualTo("jvm.options for build+cache with 32 MB of Markdown or more, the heap given");
        assertThat(incremental.buildCache()).isEqualTo(JvmOptions.BuildCacheState.PRESENT);
        assertThat(incremental.contentFrom()).isEqualTo(32 * mb);
        assertThat(incremental.contentBelow()).as("where the command's next line starts").isEqualTo(64 * mb);
    }

    /**
     * Where the kernel gives huge pages on request (THP "madvise", the mode in brackets), a build
     * and a check ask them for their heap; serve, GAZETTE_JAVA_OPTS and other modes do not.
     */
    @Test
    void aBuildAsksForHugePagesWhereTheKernelGivesThemOnRequest() throws Exception {
        Path setting = temp.resolve("enabled");
        Files.writeString(setting, "always [madvise] never\n");
        assertThat(TransparentHugePages.onRequest(setting)).isTrue();
        Files.writeString(setting, "[always] madvise never\n");
        assertThat(TransparentHugePages.onRequest(setting)).as("already given without asking").isFalse();
        Files.writeString(setting, "always madvise [never]\n");
        assertThat(TransparentHugePages.onRequest(setting)).isFalse();
        assertThat(TransparentHugePages.onRequest(temp.resolve("missing"))).isFalse();

        Path content = Files.createDirectories(temp.resolve("huge/content"));
        Files.write(content.resolve("a.md"), new byte[3 * 1024 * 1024]);
        JvmOptions plain = JvmOptions.parse("build -XX:+UseParallelGC\ncheck -XX:+UseParallelGC\nserve\n");
        JvmOptions onRequest = plain.withHugePagesOnRequest(true);
        for (String command : List.of("build", "check")) {
            String[] args = {command, "--source", temp.resolve("huge").toString()};
            JvmOptions.Choice without = plain.choose(args, null);
            JvmOptions.Choice with = onRequest.choose(args, null);
            assertThat(with.options()).containsExactly("-XX:+UseParallelGC", "-Xmx528m", "-Xms528m", "-Xmn176m",
                    "-XX:+UseTransparentHugePages");
            assertThat(with.why()).isEqualTo(without.why() + "; huge pages for the heap (the kernel's THP is madvise)");
            assertThat(with.contentFrom()).as("the same record range").isEqualTo(without.contentFrom());
            assertThat(with.contentBelow()).isEqualTo(without.contentBelow());
            assertThat(onRequest.choose(args, "-Xmx1g").options()).containsExactly("-Xmx1g");
        }
        String[] serve = {"serve", "--source", temp.resolve("huge").toString()};
        assertThat(onRequest.choose(serve, null).options()).containsExactly("-Xmx528m");
        assertThat(onRequest.choose(new String[] {"new", "Tiêu đề"}, null).options()).isEmpty();
    }

    @Test
    void theJarCarriesTheSameOptionsFile() throws Exception {
        // The jar reads its copy (a class-path resource) — the file of the checkout, not another one.
        try (var in = JvmOptions.class.getResourceAsStream(JvmOptions.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(TestSites.projectRoot().resolve("jvm.options")));
        }
        JvmOptions bundled = JvmOptions.bundled();
        assertThat(bundled.forCommand("build")).contains("-XX:TieredStopAtLevel=1");
        // 100,000 real articles (352 MB of Markdown): a heap of its own, still C1 only.
        long large = 352L * 1024 * 1024;
        assertThat(bundled.forSite("build", large)).contains("-XX:TieredStopAtLevel=1", "-Xmx1216m", "-Xms1216m");
        assertThat(bundled.forSite("check", large)).isEqualTo(bundled.forSite("build", large));
        assertThat(bundled.forSite("build", 89L * 1024 * 1024)).as("25,440 articles").contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("-Xmx1216m");
        assertThat(bundled.forCommand("serve")).isEmpty();
        assertThat(bundled.forCommand("build", "-Xmx1g -Dx=y")).containsExactly("-Xmx1g", "-Dx=y");
    }
}
