package io.gazette.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.cli.GazetteCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults for real: a child {@code gazette build} killed with SIGKILL at random moments, the state
 * a kill between the two renames of the swap leaves, a full disk during staging (a small tmpfs,
 * where the machine lets the test mount one), and an unreadable file or folder.
 */
class BuildFaultTest {
    private static final int KILLS = Integer.getInteger("gazette.faults.kills", 6);

    @TempDir
    Path temp;

    /** The command line finds the default theme through {@code gazette.home}, as the launcher sets it. */
    @org.junit.jupiter.api.BeforeAll
    static void themesOfThisRepository() {
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
    }

    @org.junit.jupiter.api.AfterAll
    static void noThemesAfterwards() {
        System.clearProperty("gazette.home");
    }

    /** A project whose content is version {@code version}: same files, different text and count. */
    private static Path project(Path dir, int version, int articles) throws IOException {
        Files.createDirectories(dir.resolve("content/2014"));
        Files.writeString(dir.resolve("site.yml"), "title: Thử lỗi\nbaseUrl: https://example.org/\n");
        for (int i = 0; i < articles + version; i++) {
            Files.writeString(dir.resolve("content/2014/bai-" + i + ".md"), "---\ntitle: \"Bài " + i + " bản " + version
                    + "\"\ndate: 2014-08-" + String.format("%02d", 1 + i % 28) + "\ntags: [Thi đua, Bản " + version + "]\n---\n\n"
                    + ("Hội nghị sơ kết công tác thi đua khen thưởng năm 2014, bản " + version + ". ").repeat(30) + "\n");
        }
        return dir;
    }

    private static Map<String, byte[]> build(Path project, Path output) throws Exception {
        SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        return TestSites.tree(output);
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static Process childBuild(Path project, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "-Dgazette.home=" + TestSites.projectRoot(),
                GazetteCommand.class.getName(), "build", "--quiet", "-s", project.toString(), "-o", output.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOneAndTheNextBuildIsCorrect() throws Exception {
        Path v1 = project(temp.resolve("v1"), 1, 60);
        Path v2 = project(temp.resolve("v2"), 2, 60);
        Map<String, byte[]> old = build(v1, temp.resolve("ref1/public"));
        Map<String, byte[]> fresh = build(v2, temp.resolve("ref2/public"));
        Path work = temp.resolve("work");
        Path output = work.resolve("public");
        Random random = new Random(Long.getLong("gazette.faults.seed", 12));
        // How long a whole child build takes here, so that kills fall all along it.
        long started = System.nanoTime();
        assertThat(childBuild(v2, temp.resolve("timing/public")).waitFor()).isZero();
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        int sawOld = 0;
        int sawNew = 0;
        int sawRestored = 0;
        for (int i = 0; i < KILLS; i++) {
            TreeDeletion.delete(work);
            assertThat(same(build(v1, output), old)).isTrue();
            Process child = childBuild(v2, output);
            long at = (long) (buildMillis * (0.3 + 0.9 * random.nextDouble()));
            if (!child.waitFor(at, TimeUnit.MILLISECONDS)) {
                // SIGKILL: Process.destroyForcibly sends it on Unix; no shutdown hook runs.
                child.destroyForcibly().waitFor();
            }
            // Right after the kill: the old site, the new one, or (between the renames) the old
            // one set aside complete, waiting for the next start to put it back.
            if (Files.isDirectory(output)) {
                Map<String, byte[]> now = TestSites.tree(output);
                assertThat(same(now, old) || same(now, fresh)).as("kill %d after %d ms", i, at).isTrue();
                if (same(now, old)) {
                    sawOld++;
                } else {
                    sawNew++;
                }
            } else {
                assertThat(same(TestSites.tree(StagingArea.sibling(output, "old")), old)).isTrue();
                StagingArea.create(output, work).close(); // what the next start does first
                assertThat(same(TestSites.tree(output), old)).isTrue();
                sawRestored++;
            }
            assertThat(same(build(v2, output), fresh)).as("the build after kill %d", i).isTrue();
            try (var siblings = Files.list(work)) {
                assertThat(siblings.map(p -> p.getFileName().toString()))
                        .as("no staging or old folder left").containsExactlyInAnyOrder("public", ".public.lock");
            }
        }
        System.out.printf("BuildFaultTest: %d kills (build %d ms): old site %d, new site %d, restored %d%n",
                KILLS, buildMillis, sawOld, sawNew, sawRestored);
        assertThat(sawOld + sawNew + sawRestored).isEqualTo(KILLS);
    }

    @Test
    void aKillBetweenTheTwoRenamesIsUndoneByTheNextStart() throws Exception {
        Path v1 = project(temp.resolve("v1"), 1, 5);
        Path v2 = project(temp.resolve("v2"), 2, 5);
        Path output = temp.resolve("work/public");
        Map<String, byte[]> old = build(v1, output);
        // Exactly what the swap has done when killed after its first rename: the output moved
        // aside, a complete staging folder of the next build not yet moved in.
        Path staging = Files.createDirectories(temp.resolve("work/.public.staging-123"));
        Files.writeString(staging.resolve("index.html"), "<!doctype html><title>nửa chừng</title>");
        Files.move(output, StagingArea.sibling(output, "old"));
        StagingArea.create(output, temp.resolve("work")).close();
        assertThat(same(TestSites.tree(output), old)).isTrue();
        assertThat(staging).doesNotExist();
        assertThat(StagingArea.sibling(output, "old")).doesNotExist();
        // Killed after the second rename, before the old site was deleted: the new site stays.
        Map<String, byte[]> fresh = build(v2, temp.resolve("ref/public"));
        Files.move(output, StagingArea.sibling(output, "old"));
        Files.move(temp.resolve("ref/public"), output);
        StagingArea.create(output, temp.resolve("work")).close();
        assertThat(same(TestSites.tree(output), fresh)).isTrue();
        assertThat(StagingArea.sibling(output, "old")).doesNotExist();
    }

    @Test
    void aFullDiskDuringStagingIsOneLineAndThePreviousSiteStays() throws Exception {
        Path mount = Files.createDirectories(temp.resolve("small-disk"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "gazette-test", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean mounted = mounting.waitFor() == 0;
        assumeTrue(mounted, "cannot mount a small tmpfs here (" + said + "): full-disk test skipped");
        try {
            Path project = project(mount.resolve("site"), 1, 3);
            Path output = project.resolve("public");
            Map<String, byte[]> before = build(project, output);
            // A static file that fits once but not twice: staging the next build fills the disk.
            long free = Files.getFileStore(mount).getUsableSpace();
            byte[] big = new byte[(int) (free * 0.6)];
            new Random(1).nextBytes(big);
            Files.createDirectories(project.resolve("static"));
            Files.write(project.resolve("static/tai-lieu.pdf"), big);
            StringWriter err = new StringWriter();
            int exit = GazetteCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "build", "--quiet",
                    "-s", project.toString(), "-o", output.toString());
            assertThat(exit).isEqualTo(GazetteCommand.INTERNAL);
            String message = err.toString().strip();
            assertThat(message).contains("No space left on device").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(message.lines().filter(l -> l.contains("error:")).count()).isEqualTo(1);
            assertThat(same(TestSites.tree(output), before)).isTrue();
            try (var siblings = Files.list(project)) {
                assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
            }
        } finally {
            // Lazy: a build thread of the cache (the Lucene index) may still hold a file open for a moment.
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void anUnreadableFileOrFolderIsAnErrorNamingIt() throws Exception {
        Path project = project(temp.resolve("site"), 1, 2);
        Path file = project.resolve("content/2014/bai-0.md");
        Path folder = Files.createDirectories(project.resolve("content/2015"));
        Files.writeString(folder.resolve("an.md"), "---\ntitle: Ẩn\ndate: 2015-01-01\n---\nA.\n");
        file.toFile().setReadable(false, false);
        folder.toFile().setExecutable(false, false);
        folder.toFile().setReadable(false, false);
        try {
            assumeTrue(!Files.isReadable(file), "running as root, which reads every file: unreadable-file test skipped");
            StringWriter err = new StringWriter();
            int exit = GazetteCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "build", "--quiet",
                    "-s", project.toString());
            assertThat(exit).isEqualTo(GazetteCommand.CONTENT_ERRORS);
            assertThat(err.toString()).contains("content/2014/bai-0.md:1: error: cannot read file: permission denied")
                    .contains("content/2015: error: cannot read folder: permission denied");
        } finally {
            folder.toFile().setReadable(true, false);
            folder.toFile().setExecutable(true, false);
            file.toFile().setReadable(true, false);
        }
    }
}
