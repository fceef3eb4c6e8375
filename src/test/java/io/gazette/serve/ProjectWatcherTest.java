package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files, real inotify. The quiet period is longer than the default so that a busy test
 * machine pausing between two writes of one burst does not split it.
 */
class ProjectWatcherTest {
    private static final Duration QUIET = Duration.ofMillis(250);
    private static final Duration MAX_WAIT = Duration.ofSeconds(3);
    private static final long SETTLE_MS = 1_000;

    @TempDir
    Path project;

    private final BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
    private ProjectWatcher watcher;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(project.resolve("content/2014"));
        Files.createDirectories(project.resolve("themes/default/templates"));
        Files.writeString(project.resolve("content/2014/a.md"), "# A");
        Files.writeString(project.resolve("themes/default/templates/page.peb"), "{{ body }}");
        Files.writeString(project.resolve("site.yml"), "title: x");
        Files.writeString(project.resolve("README.md"), "not watched");
        // These files are not articles ("# A"): no waiting for them to look finished, which
        // HalfWrittenSaveTest covers with real ones.
        watcher = new ProjectWatcher(project, ProjectWatcher.DEFAULT_ROOTS, QUIET, MAX_WAIT, Duration.ZERO,
                heard::add).start();
    }

    @AfterEach
    void stop() {
        watcher.close();
    }

    @Test
    void aBurstOfFiftyWritesIsOneChangeSet() throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.writeString(project.resolve("content/2014/burst-" + i + ".md"), "# " + i);
        }
        ChangeSet changes = next();
        assertThat(changes.added()).hasSize(50).allMatch(path -> path.startsWith(Path.of("content/2014")));
        assertThat(changes.modified()).isEmpty();
        assertThat(changes.full()).isFalse();
        assertThat(nothingMore()).isTrue();
    }

    @Test
    void reportsModificationsOfKnownFilesAndSiteYml() throws Exception {
        Files.writeString(project.resolve("content/2014/a.md"), "# A changed");
        Files.writeString(project.resolve("site.yml"), "title: y");
        ChangeSet changes = next();
        assertThat(changes.modified()).containsExactly(Path.of("content/2014/a.md"), Path.of("site.yml"));
        assertThat(changes.added()).isEmpty();
    }

    @Test
    void ignoresFilesOutsideTheWatchedRoots() throws Exception {
        Files.writeString(project.resolve("README.md"), "still not watched");
        Files.createDirectories(project.resolve("public"));
        Files.writeString(project.resolve("public/index.html"), "output");
        assertThat(nothingMore()).isTrue();
    }

    @Test
    void editorTemporariesAreIgnored() throws Exception {
        Path dir = project.resolve("content/2014");
        for (String name : new String[] {".a.md.swp", ".a.md.swx", "a.md~", "4913", ".#a.md", "#a.md#",
                "a.md.tmp", ".goutputstream-XYZ12", "a.md___jb_tmp___"}) {
            Files.writeString(dir.resolve(name), "junk");
            Files.delete(dir.resolve(name));
            Files.writeString(dir.resolve(name), "junk again");
        }
        assertThat(nothingMore()).isTrue();
    }

    @Test
    void vimStyleSaveIsOneModification() throws Exception {
        Path dir = project.resolve("content/2014");
        Files.writeString(dir.resolve(".a.md.swp"), "swap");
        Files.writeString(dir.resolve("4913"), "");
        Files.delete(dir.resolve("4913"));
        Files.move(dir.resolve("a.md"), dir.resolve("a.md~"));
        Files.writeString(dir.resolve("a.md"), "# A saved by vim");
        Files.delete(dir.resolve("a.md~"));
        Files.delete(dir.resolve(".a.md.swp"));
        ChangeSet changes = next();
        assertThat(changes.modified()).containsExactly(Path.of("content/2014/a.md"));
        assertThat(changes.added()).isEmpty();
        assertThat(changes.deleted()).isEmpty();
        assertThat(nothingMore()).isTrue();
    }

    @Test
    void atomicWriteThenRenameIsOneModification() throws Exception {
        Path temp = project.resolve("content/2014/.a.md.tmp");
        Files.writeString(temp, "# A, atomically");
        Files.move(temp, project.resolve("content/2014/a.md"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        assertThat(next().modified()).containsExactly(Path.of("content/2014/a.md"));
    }

    @Test
    void renamesAreADeleteAndAnAdd() throws Exception {
        Files.move(project.resolve("content/2014/a.md"), project.resolve("content/2014/b.md"));
        ChangeSet changes = next();
        assertThat(changes.deleted()).containsExactly(Path.of("content/2014/a.md"));
        assertThat(changes.added()).containsExactly(Path.of("content/2014/b.md"));
    }

    @Test
    void createdAndRemovedWithinOneBurstIsNoChange() throws Exception {
        Path file = project.resolve("content/2014/fleeting.md");
        Files.writeString(file, "x");
        Files.delete(file);
        Files.writeString(project.resolve("content/2014/a.md"), "# A again");
        ChangeSet changes = next();
        assertThat(changes.all()).containsExactly(Path.of("content/2014/a.md"));
    }

    @Test
    void newDirectoriesAreWatchedAndTheirFilesReported() throws Exception {
        Path nested = Files.createDirectories(project.resolve("content/2015/06/special"));
        Files.writeString(nested.resolve("b.md"), "# B");
        assertThat(next().added()).containsExactly(Path.of("content/2015/06/special/b.md"));

        Files.writeString(nested.resolve("b.md"), "# B edited");
        assertThat(next().modified()).containsExactly(Path.of("content/2015/06/special/b.md"));
    }

    @Test
    void aDirectoryMovedInReportsEveryFileInside() throws Exception {
        Path outside = Files.createDirectories(project.resolve("drafts/batch"));
        Files.writeString(outside.resolve("x.md"), "x");
        Files.writeString(outside.resolve("y.md"), "y");
        Files.move(outside, project.resolve("content/batch"));
        assertThat(next().added()).containsExactly(Path.of("content/batch/x.md"), Path.of("content/batch/y.md"));
    }

    @Test
    void renamedDirectoriesMoveTheirFilesAndStayWatched() throws Exception {
        Files.move(project.resolve("content/2014"), project.resolve("content/archive"));
        ChangeSet changes = next();
        assertThat(changes.deleted()).containsExactly(Path.of("content/2014/a.md"));
        assertThat(changes.added()).containsExactly(Path.of("content/archive/a.md"));

        Files.writeString(project.resolve("content/archive/a.md"), "# A in its new home");
        assertThat(next().modified()).containsExactly(Path.of("content/archive/a.md"));
    }

    @Test
    void deletedDirectoriesReportTheirFilesDeleted() throws Exception {
        Files.delete(project.resolve("themes/default/templates/page.peb"));
        Files.delete(project.resolve("themes/default/templates"));
        Files.delete(project.resolve("themes/default"));
        assertThat(next().deleted()).containsExactly(Path.of("themes/default/templates/page.peb"));
    }

    @Test
    void aRootCreatedLaterIsWatchedToo() throws Exception {
        Path statics = Files.createDirectories(project.resolve("static/img"));
        Files.write(statics.resolve("logo.png"), new byte[] {1, 2, 3});
        assertThat(next().added()).containsExactly(Path.of("static/img/logo.png"));
    }

    @Test
    void aLongBurstIsReportedAtLeastEveryMaxWait() throws Exception {
        long start = System.nanoTime();
        long firstHeardAfter = -1;
        int writes = 0;
        while (System.nanoTime() - start < MAX_WAIT.toNanos() * 2) {
            Files.writeString(project.resolve("content/2014/a.md"), "# A " + writes++);
            Thread.sleep(QUIET.toMillis() / 5);
            if (firstHeardAfter < 0 && !heard.isEmpty()) {
                firstHeardAfter = (System.nanoTime() - start) / 1_000_000;
            }
        }
        assertThat(firstHeardAfter).isPositive().isLessThan(MAX_WAIT.toMillis() + QUIET.toMillis() * 4);
    }

    private ChangeSet next() throws InterruptedException {
        ChangeSet changes = heard.poll(10, TimeUnit.SECONDS);
        assertThat(changes).as("a change set").isNotNull();
        return changes;
    }

    private boolean nothingMore() throws InterruptedException {
        ChangeSet extra = heard.poll(SETTLE_MS, TimeUnit.MILLISECONDS);
        assertThat(extra).as("no further change set").isNull();
        return true;
    }
}
