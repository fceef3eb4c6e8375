package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewSiteTest {
    @TempDir
    Path temp;

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private PreviewSite memorySite() {
        return new PreviewSite(new MemoryBlobStore(), clock::get);
    }

    @Test
    void startsEmptyAtGenerationZero() {
        try (PreviewSite site = memorySite()) {
            assertThat(site.current().generation()).isZero();
            assertThat(site.current().size()).isZero();
        }
    }

    @Test
    void changesAreInvisibleUntilCommitThenSwappedAtOnce() throws IOException {
        try (PreviewSite site = memorySite()) {
            SiteSnapshot before = site.current();
            PreviewSite.Transaction tx = site.begin();
            tx.write("a/index.html", bytes("A"));
            tx.write("/b.css", bytes("B"));
            assertThat(site.current()).isSameAs(before);
            assertThat(site.current().contains("a/index.html")).isFalse();

            Commit commit = tx.commit();
            assertThat(site.current()).isSameAs(commit.snapshot());
            assertThat(commit.snapshot().generation()).isEqualTo(1);
            assertThat(commit.changedPaths()).containsExactly("a/index.html", "b.css");
            assertThat(new String(site.current().read("b.css"), UTF_8)).isEqualTo("B");
            assertThat(before.size()).isZero(); // the old snapshot is untouched
        }
    }

    @Test
    void onlyPathsWhoseBytesChangedAreReported() {
        try (PreviewSite site = memorySite()) {
            commit(site, "a.html", "A", "b.html", "B", "c.html", "C");
            clock.addAndGet(5_000);
            PreviewSite.Transaction tx = site.begin();
            tx.write("a.html", bytes("A")); // same bytes again
            tx.write("b.html", bytes("B2"));
            tx.delete("c.html");
            tx.write("d.html", bytes("D"));
            Commit commit = tx.commit();
            assertThat(commit.changedPaths()).containsExactly("b.html", "c.html", "d.html");
            assertThat(site.current().get("a.html").orElseThrow().lastModifiedMillis()).isEqualTo(1_000_000);
            assertThat(site.current().get("b.html").orElseThrow().lastModifiedMillis()).isEqualTo(1_005_000);
        }
    }

    @Test
    void clearedTransactionReplacesTheSiteAndDiffsByContent() {
        try (PreviewSite site = memorySite()) {
            commit(site, "a.html", "A", "b.html", "B", "gone.html", "G");
            PreviewSite.Transaction tx = site.begin();
            tx.clear();
            tx.write("a.html", bytes("A"));
            tx.write("b.html", bytes("B changed"));
            Commit commit = tx.commit();
            assertThat(commit.changedPaths()).containsExactly("b.html", "gone.html");
            assertThat(site.current().paths()).containsExactly("a.html", "b.html");
        }
    }

    @Test
    void aCommitWithoutRealChangesKeepsTheSnapshotAndTellsNoOne() {
        try (PreviewSite site = memorySite()) {
            commit(site, "a.html", "A");
            List<Commit> heard = new ArrayList<>();
            site.onCommit(heard::add);
            SiteSnapshot before = site.current();
            Commit commit = commit(site, "a.html", "A");
            assertThat(commit.changed()).isFalse();
            assertThat(site.current()).isSameAs(before);
            assertThat(heard).isEmpty();
            commit(site, "a.html", "A2");
            assertThat(heard).hasSize(1);
        }
    }

    @Test
    void abortedTransactionsLeaveTheSiteAsItWas() {
        try (PreviewSite site = memorySite()) {
            commit(site, "a.html", "A");
            SiteSnapshot before = site.current();
            try (PreviewSite.Transaction tx = site.begin()) {
                tx.write("a.html", bytes("broken"));
                // closed without commit
            }
            assertThat(site.current()).isSameAs(before);
            assertThatThrownBy(() -> {
                PreviewSite.Transaction tx = site.begin();
                tx.abort();
                tx.write("x.html", bytes("late"));
            }).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void onlyOneTransactionAtATime() {
        try (PreviewSite site = memorySite(); PreviewSite.Transaction first = site.begin()) {
            assertThatThrownBy(site::begin).isInstanceOf(IllegalStateException.class);
            first.commit();
            site.begin().abort();
        }
    }

    @Test
    void refusesPathsThatAreNotPlainSitePaths() {
        try (PreviewSite site = memorySite(); PreviewSite.Transaction tx = site.begin()) {
            for (String bad : List.of("../x.html", "a/../../x", "a//b", "a/./b", "a\\b", "dir/", "", "a\u0000b")) {
                assertThatThrownBy(() -> tx.write(bad, bytes("x"))).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void memoryStaysSteadyOverAThousandEdits() throws IOException {
        try (PreviewSite site = PreviewSite.onDisk(temp.resolve("cache"))) {
            PreviewSite.Transaction seed = site.begin();
            for (int i = 0; i < 200; i++) {
                seed.write("p/" + i + "/index.html", bytes("page " + i + " v0"));
            }
            seed.commit();
            for (int edit = 1; edit <= 1000; edit++) {
                PreviewSite.Transaction tx = site.begin();
                int page = edit % 200;
                tx.write("p/" + page + "/index.html", bytes("page " + page + " v" + edit));
                tx.write("index.html", bytes("home after edit " + edit));
                tx.commit();
                // One commit of grace: what the previous snapshot used may still be read.
                assertThat(site.storedBlobs()).isLessThanOrEqualTo(201 + 2);
            }
            assertThat(countFiles(temp.resolve("cache"))).isLessThanOrEqualTo(201 + 2 + 1);
            assertThat(new String(site.current().read("p/0/index.html"), UTF_8)).isEqualTo("page 0 v1000");
        }
    }

    /**
     * A saved article's page is published ahead of the rest of its rebuild: requests see it (and
     * only it) at once, the commit publishes the rest and reports only the rest, and over many
     * such rebuilds no content is kept that no snapshot uses.
     */
    @Test
    void aPagePublishedFirstIsServedBeforeTheCommitAndCountedOnce() throws IOException {
        try (PreviewSite site = PreviewSite.onDisk(temp.resolve("cache"))) {
            commit(site, "a/index.html", "A0", "index.html", "home0", "tag/index.html", "tag0");
            List<Commit> told = new ArrayList<>();
            site.onCommit(told::add);
            for (int edit = 1; edit <= 50; edit++) {
                PreviewSite.Transaction tx = site.begin();
                tx.write("a/index.html", bytes("A" + edit));
                Commit first = tx.publishFirst(List.of("a/index.html", "not/written.html"));
                assertThat(first.changedPaths()).containsExactly("a/index.html");
                assertThat(new String(site.current().read("a/index.html"), UTF_8)).isEqualTo("A" + edit);
                assertThat(new String(site.current().read("index.html"), UTF_8)).isEqualTo("home" + (edit - 1));
                tx.write("index.html", bytes("home" + edit));
                tx.write("tag/index.html", bytes("tag" + edit));
                Commit rest = tx.commit();
                assertThat(rest.changedPaths()).containsExactly("index.html", "tag/index.html");
                assertThat(tx.publishedFirst()).containsExactly("a/index.html");
                assertThat(new String(site.current().read("a/index.html"), UTF_8)).isEqualTo("A" + edit);
                assertThat(new String(site.current().read("tag/index.html"), UTF_8)).isEqualTo("tag" + edit);
                assertThat(site.storedBlobs()).isLessThanOrEqualTo(3 + 3);
            }
            assertThat(told).hasSize(100);
            // aborted after publishing first: the page stays, nothing else changes
            PreviewSite.Transaction tx = site.begin();
            tx.write("a/index.html", bytes("A-aborted"));
            tx.publishFirst(List.of("a/index.html"));
            tx.write("index.html", bytes("home-aborted"));
            tx.abort();
            assertThat(new String(site.current().read("a/index.html"), UTF_8)).isEqualTo("A-aborted");
            assertThat(new String(site.current().read("index.html"), UTF_8)).isEqualTo("home50");
            commit(site, "b.html", "b");
            commit(site, "c.html", "c");
            assertThat(site.storedBlobs()).isEqualTo(5);
        }
    }

    @Test
    void contentOfAnOldSnapshotIsSweptOneCommitLater() throws IOException {
        try (PreviewSite site = memorySite()) {
            commit(site, "a.html", "v1");
            SiteSnapshot old = site.current();
            commit(site, "a.html", "v2");
            assertThat(new String(old.read("a.html"), UTF_8)).isEqualTo("v1"); // grace period
            commit(site, "a.html", "v3");
            assertThatThrownBy(() -> old.read("a.html")).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void contentRevertedToAnOlderVersionSurvivesTheSweep() throws IOException {
        try (PreviewSite site = memorySite()) {
            commit(site, "a.html", "v1");
            commit(site, "a.html", "v2");
            commit(site, "a.html", "v1");
            commit(site, "b.html", "other");
            commit(site, "c.html", "other2");
            assertThat(new String(site.current().read("a.html"), UTF_8)).isEqualTo("v1");
        }
    }

    @Test
    void seedsFromADirectorySkippingLinksThatLeaveIt() throws IOException {
        Path outside = Files.writeString(temp.resolve("secret.txt"), "root:x:0:0");
        Path out = Files.createDirectories(temp.resolve("public"));
        Files.createDirectories(out.resolve("2014/a"));
        Files.writeString(out.resolve("index.html"), "home");
        Files.writeString(out.resolve("2014/a/index.html"), "article");
        Files.createSymbolicLink(out.resolve("leak.txt"), outside);
        Files.createSymbolicLink(out.resolve("leakdir"), temp);
        Files.createSymbolicLink(out.resolve("alias.html"), out.resolve("index.html"));
        try (PreviewSite site = PreviewSite.onDisk(temp.resolve("cache"))) {
            Commit commit = site.replaceWithDirectory(out);
            assertThat(commit.snapshot().paths()).containsExactly("2014/a/index.html", "alias.html", "index.html");
            assertThat(new String(site.current().read("alias.html"), UTF_8)).isEqualTo("home");
        }
    }

    @Test
    void diskCacheOfARunIsRemovedOnCloseAndAbandonedOnesAreSwept() throws IOException {
        Path cache = temp.resolve("cache");
        Path abandoned = Files.createDirectories(cache.resolve("session-dead/ab"));
        Files.writeString(abandoned.resolve("blob"), "left by a killed run");
        PreviewSite site = PreviewSite.onDisk(cache);
        commit(site, "a.html", "A");
        assertThat(Files.exists(cache.resolve("session-dead"))).isFalse();
        try (PreviewSite second = PreviewSite.onDisk(cache)) {
            commit(second, "b.html", "B");
            assertThat(new String(site.current().read("a.html"), UTF_8)).isEqualTo("A"); // running sessions stay
        }
        site.close();
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void writeFileStoresLargeFilesByStreaming() throws IOException {
        byte[] big = new byte[2_000_000];
        new java.util.Random(7).nextBytes(big);
        Path file = Files.write(temp.resolve("big.bin"), big);
        try (PreviewSite site = PreviewSite.onDisk(temp.resolve("cache")); PreviewSite.Transaction tx = site.begin()) {
            tx.writeFile("media/big.bin", file);
            tx.writeFile("media/copy.bin", file);
            tx.commit();
            assertThat(site.current().read("media/big.bin")).isEqualTo(big);
            assertThat(site.storedBlobs()).isEqualTo(1);
        }
    }

    private static Commit commit(PreviewSite site, String... pathsAndContents) {
        try (PreviewSite.Transaction tx = site.begin()) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                tx.write(pathsAndContents[i], bytes(pathsAndContents[i + 1]));
            }
            return tx.commit();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
