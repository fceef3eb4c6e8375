package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gazette.output.TreeDeletion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputMirrorTest {
    @TempDir
    Path temp;

    /** The inode read from a file key is the one the {@code unix} view gives, for files and folders. */
    @Test
    void theInodeOfAFileKeyIsTheUnixOne() throws IOException {
        Path file = Files.writeString(temp.resolve("a.html"), "a");
        for (Path path : new Path[] {file, temp}) {
            Object ino;
            try {
                ino = Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                assumeTrue(false, "no unix view here");
                return;
            }
            Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            assertThat(OutputMirror.inodeOf(key)).isEqualTo(((Number) ino).longValue());
        }
        assertThat(OutputMirror.inodeOf(null)).isEqualTo(-1);
        assertThat(OutputMirror.inodeOf("(dev=1,ino=)")).isEqualTo(-1);
        assertThat(OutputMirror.inodeOf("some other key")).isEqualTo(-1);
    }

    /**
     * The rotated tree keeps exactly the recorded files as recorded (size, second, inode): a stray
     * file or folder, a link, a file edited in place, one replaced by another of the same size and
     * second, and a recorded file that is now a folder all go, and so does every folder left empty.
     */
    @Test
    void aRotatedTreeKeepsExactlyTheRecordedFilesAsTheyAre() throws IOException {
        Path kept = temp.resolve("cache/site");
        Map<String, BuildStateFile.Entry> recorded = new HashMap<>();
        for (String path : new String[] {"index.html", "2015/01/a/index.html", "2015/01/b/index.html",
                "2015/02/c/index.html", "2015/02/d/index.html", "css/site.css", "2016/01/e/index.html",
                "2016/01/f/index.html"}) {
            recorded.put(path, write(kept.resolve(path), "bytes of " + path));
        }
        OutputMirror mirror = new OutputMirror(kept, OutputMirror.HARD_LINKS);
        mirror.markTree();

        Files.writeString(kept.resolve("CNAME"), "tin.example.org\n");
        write(kept.resolve("stray/deep/x.html"), "x");
        Files.createDirectories(kept.resolve("empty/folder"));
        Files.writeString(kept.resolve("2015/01/b/index.html"), "!", java.nio.file.StandardOpenOption.APPEND);
        Path replaced = kept.resolve("2015/02/d/index.html");
        byte[] bytes = Files.readAllBytes(replaced);
        FileTime time = Files.getLastModifiedTime(replaced);
        Path other = Files.write(replaced.resolveSibling("other"), bytes); // made while the old one exists: another inode
        Files.setLastModifiedTime(other, time);
        Files.move(other, replaced, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(kept.resolve("2016/01/e/index.html"));
        Files.delete(kept.resolve("2016/01/f/index.html"));
        Files.createDirectories(kept.resolve("2016/01/f/index.html"));
        Files.writeString(kept.resolve("2016/01/f/index.html/inside.html"), "not recorded");
        try {
            Files.createSymbolicLink(kept.resolve("link.html"), kept.resolve("index.html"));
        } catch (UnsupportedOperationException | IOException e) {
            // no symbolic links here: the rest still holds
        }

        Path staging = Files.createDirectories(temp.resolve("staging"));
        OutputMirror.Restored restored = mirror.rotateInto(staging, recorded);

        assertThat(restored).isNotNull();
        assertThat(restored.inodesMoved()).isFalse();
        assertThat(new TreeSet<>(restored.files().keySet())).containsExactly("2015/01/a/index.html",
                "2015/02/c/index.html", "css/site.css", "index.html");
        assertThat(restored.files().get("css/site.css")).isSameAs(recorded.get("css/site.css"));
        assertThat(tree(staging)).containsExactly("2015", "2015/01", "2015/01/a", "2015/01/a/index.html", "2015/02",
                "2015/02/c", "2015/02/c/index.html", "css", "css/site.css", "index.html");
        assertThat(Files.exists(kept)).isFalse();
    }

    /**
     * A folder unchanged since the tree was last known exact is not read, but its recorded files
     * are still held to their size, second and inode: a file edited in place there goes; a
     * changed folder is read, and loses its stray; a folder whose file was deleted goes.
     */
    @Test
    void foldersUnchangedSinceTheMarkerAreNotReadButTheirFilesAreChecked() throws Exception {
        Path kept = temp.resolve("cache/site");
        OutputMirror mirror = new OutputMirror(kept, OutputMirror.HARD_LINKS);
        // The copies are made anew: exact once made.
        Map<String, BuildStateFile.Entry> recorded = madeKnownExact(mirror, "index.html", "2015/01/a/index.html",
                "2015/01/b/index.html", "2015/02/c/index.html", "2015/02/d/index.html", "css/site.css",
                "2016/01/e/index.html", "2016/01/f/index.html");

        Files.writeString(kept.resolve("CNAME"), "tin.example.org\n");
        write(kept.resolve("stray/deep/x.html"), "x");
        Files.writeString(kept.resolve("2015/01/b/index.html"), "!", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(kept.resolve("2015/02/c/stray.html"), "not recorded");
        Files.delete(kept.resolve("2016/01/e/index.html"));

        Path staging = Files.createDirectories(temp.resolve("staging"));
        OutputMirror.Restored restored = new OutputMirror(kept, OutputMirror.HARD_LINKS).rotateInto(staging, recorded);

        assertThat(new TreeSet<>(restored.files().keySet())).containsExactly("2015/01/a/index.html",
                "2015/02/c/index.html", "2015/02/d/index.html", "2016/01/f/index.html", "css/site.css", "index.html");
        assertThat(tree(staging)).containsExactly("2015", "2015/01", "2015/01/a", "2015/01/a/index.html", "2015/02",
                "2015/02/c", "2015/02/c/index.html", "2015/02/d", "2015/02/d/index.html", "2016", "2016/01",
                "2016/01/f", "2016/01/f/index.html", "css", "css/site.css", "index.html");
        // Read: the top (renamed), 2015/02/c and 2016/01/e (changed); the stray folder goes whole,
        // unread; not the other nine.
        assertThat(restored.foldersRead()).isEqualTo(3);
    }

    /**
     * In a tree known exact, a recorded folder that became a file and a recorded file that became
     * a folder are both replaced by nothing, and what was recorded below the folder is lost, not
     * an error: the build makes those files again.
     */
    @Test
    void aKnownTreeWhoseFoldersAndFilesSwappedKindsLosesThem() throws Exception {
        Path kept = temp.resolve("cache/site");
        OutputMirror mirror = new OutputMirror(kept, OutputMirror.HARD_LINKS);
        Map<String, BuildStateFile.Entry> recorded = madeKnownExact(mirror, "index.html",
                "2015/01/a/index.html", "2015/01/b/index.html", "css/site.css");

        TreeDeletion.delete(kept.resolve("2015/01"));
        Files.writeString(kept.resolve("2015/01"), "a file where a folder was");
        Files.delete(kept.resolve("css/site.css"));
        write(kept.resolve("css/site.css/inside.html"), "a folder where a file was");

        Path staging = Files.createDirectories(temp.resolve("staging"));
        OutputMirror.Restored restored = new OutputMirror(kept, OutputMirror.HARD_LINKS).rotateInto(staging, recorded);

        assertThat(restored.files().keySet()).containsExactly("index.html");
        assertThat(tree(staging)).containsExactly("index.html");
    }

    /**
     * The two trees take turns: the published site, adopted as the kept copies, is trusted only as
     * far as it was exact when it was published. A stray another tool put in it while it was
     * published is found and deleted two builds later, though the folder changed before the
     * build that adopted it wrote its marker.
     */
    @Test
    void anAdoptedSiteIsTrustedFromWhenItWasPublished() throws Exception {
        Path kept = temp.resolve("cache/site");
        Path output = temp.resolve("public");
        Map<String, Long> fingerprints = new HashMap<>();
        for (String path : new String[] {"index.html", "2015/01/a/index.html", "2015/01/b/index.html"}) {
            write(output.resolve(path), "bytes of " + path);
            fingerprints.put(path, (long) path.hashCode());
        }
        pastTheClockTick(); // the site was published before the first build's save began
        // A first build: the published site, its copies linked anew.
        OutputMirror first = new OutputMirror(kept, OutputMirror.HARD_LINKS);
        first.clear();
        Map<String, BuildStateFile.Entry> state = first.update(output, fingerprints.keySet(), fingerprints, Map.of(), true)
                .files();
        pastTheClockTick();
        first.markTree();

        // A second build: the copies rotated in and published; meanwhile a tool adds a file to the old site.
        OutputMirror second = new OutputMirror(kept, OutputMirror.HARD_LINKS);
        Path staging = Files.createDirectories(temp.resolve("staging"));
        OutputMirror.Restored restored = second.rotateInto(staging, state);
        assertThat(restored.files().keySet()).isEqualTo(fingerprints.keySet());
        assertThat(restored.foldersRead()).isEqualTo(1); // the copies were made exact: only the renamed top is read
        Files.writeString(output.resolve("2015/01/a/deploy.txt"), "added after the build");
        Path replaced = temp.resolve("replaced");
        Files.move(output, replaced);
        Files.move(staging, output);
        assertThat(second.adopt(replaced)).isTrue();
        state = second.update(output, java.util.List.of(), fingerprints, restored.files(), true).files();
        pastTheClockTick();
        second.markTree();

        // A third build rotates the old site in: the folder the tool changed is read, its stray deleted.
        Path staging3 = Files.createDirectories(temp.resolve("staging3"));
        OutputMirror.Restored third = new OutputMirror(kept, OutputMirror.HARD_LINKS).rotateInto(staging3, state);
        assertThat(third.files().keySet()).isEqualTo(fingerprints.keySet());
        assertThat(tree(staging3)).containsExactly("2015", "2015/01", "2015/01/a", "2015/01/a/index.html",
                "2015/01/b", "2015/01/b/index.html", "index.html");
        assertThat(third.foldersRead()).isEqualTo(2); // the top and 2015/01/a
    }

    /**
     * The marker's time is the file system's own (a probe's change time), not the wall clock less
     * a margin: copies made a moment before the marker (well within the old 2 s) are known
     * exact, and only the renamed top is read.
     */
    @Test
    void copiesMadeAMomentBeforeTheMarkerAreKnownExact() throws Exception {
        Path kept = temp.resolve("cache/site");
        OutputMirror mirror = new OutputMirror(kept, OutputMirror.HARD_LINKS);
        Map<String, BuildStateFile.Entry> recorded = madeKnownExact(mirror, "index.html",
                "2015/01/a/index.html", "2015/02/b/index.html", "css/site.css");

        Path staging = Files.createDirectories(temp.resolve("staging"));
        OutputMirror.Restored restored = new OutputMirror(kept, OutputMirror.HARD_LINKS).rotateInto(staging, recorded);

        assertThat(restored.files().keySet()).isEqualTo(recorded.keySet());
        assertThat(restored.foldersRead()).isEqualTo(1);
    }

    /**
     * A stray put into a folder right after the marker was written, in the same tick of the
     * kernel's clock, is still found: the folder's change time is never before the marker's.
     * (The wall clock without a margin fails this: the change shows the tick's time, before it.)
     */
    @Test
    void aStrayAddedInTheSameTickAsTheMarkerIsFound() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path kept = temp.resolve("cache" + round + "/site");
            OutputMirror mirror = new OutputMirror(kept, OutputMirror.HARD_LINKS);
            Map<String, BuildStateFile.Entry> recorded = madeKnownExact(mirror, "index.html", "2015/01/a/index.html");
            Files.writeString(kept.resolve("2015/01/a/stray.html"), "not recorded"); // no pause: the same tick

            Path staging = Files.createDirectories(temp.resolve("staging" + round));
            new OutputMirror(kept, OutputMirror.HARD_LINKS).rotateInto(staging, recorded);

            assertThat(tree(staging)).as("round %d", round).containsExactly("2015", "2015/01", "2015/01/a",
                    "2015/01/a/index.html", "index.html");
        }
    }

    /**
     * Where the file system's clock cannot be read, the marker takes the safe margin off the wall
     * clock: copies made a moment before it are not known exact, and every folder is read.
     */
    @Test
    void withoutTheFileSystemsClockEveryFolderChangedWithinTheMarginIsRead() throws Exception {
        Path kept = temp.resolve("cache/site");
        FileSystemClock unknown = new FileSystemClock(OutputMirror.clockProbe(kept), false);
        OutputMirror mirror = new OutputMirror(kept, OutputMirror.HARD_LINKS, unknown);
        Map<String, BuildStateFile.Entry> recorded = madeKnownExact(mirror, "index.html",
                "2015/01/a/index.html", "2015/02/b/index.html", "css/site.css");
        Files.writeString(kept.resolve("2015/01/a/stray.html"), "not recorded");

        Path staging = Files.createDirectories(temp.resolve("staging"));
        OutputMirror.Restored restored = new OutputMirror(kept, OutputMirror.HARD_LINKS, unknown)
                .rotateInto(staging, recorded);

        assertThat(restored.files().keySet()).isEqualTo(recorded.keySet());
        assertThat(restored.foldersRead()).isEqualTo(7); // the top, 2015, 2015/01, 2015/01/a, 2015/02, 2015/02/b, css
        assertThat(Files.exists(staging.resolve("2015/01/a/stray.html"))).isFalse();
    }

    /**
     * A tree known exact is stated through its open folders (one of eight names or more is
     * opened, and the names below it are stated by their paths from it) with the same outcome as
     * by whole paths, the way where the platform has no such folders: in an opened folder and
     * below it a file edited in place goes, a stray in a changed folder goes, a recorded folder
     * that became a file goes with what was recorded in it, a folder that lost its only file
     * goes; everything else is kept.
     */
    @Test
    void aKnownTreeStatedThroughOpenFoldersKeepsWhatStatingByWholePathsKeeps() throws Exception {
        Map<String, TreeSet<String>> trees = new HashMap<>();
        Map<String, TreeSet<String>> keptFiles = new HashMap<>();
        for (boolean throughFolders : new boolean[] {true, false}) {
            String name = throughFolders ? "through" : "whole";
            Path kept = temp.resolve(name + "/cache/site");
            OutputMirror mirror = new OutputMirror(kept, OutputMirror.HARD_LINKS);
            mirror.clear();
            Map<String, BuildStateFile.Entry> recorded = new HashMap<>();
            recorded.put("index.html", write(kept.resolve("index.html"), "top"));
            for (int i = 0; i < 12; i++) {
                String article = "2015/01/article-" + i + "/index.html";
                recorded.put(article, write(kept.resolve(article), "bytes of " + article));
                String shard = "search/t/" + i + ".json";
                recorded.put(shard, write(kept.resolve(shard), "[" + i + "]"));
            }
            for (String path : new String[] {"2015/01/article-3/feed.xml", "tu-khoa/ha-noi/index.html",
                    "tu-khoa/ha-noi/trang/2/index.html"}) {
                recorded.put(path, write(kept.resolve(path), "bytes of " + path));
            }
            pastTheClockTick();
            mirror.markTree();

            Files.writeString(kept.resolve("2015/01/article-1/index.html"), "!", java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(kept.resolve("search/t/stray.json"), "not recorded");
            Files.writeString(kept.resolve("2015/01/article-3/stray.html"), "not recorded");
            TreeDeletion.delete(kept.resolve("2015/01/article-5"));
            Files.writeString(kept.resolve("2015/01/article-5"), "a file where a folder was");
            Files.delete(kept.resolve("2015/01/article-7/index.html"));
            Files.writeString(kept.resolve("search/t/4.json"), "[4]!", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            write(kept.resolve("tu-khoa/ha-noi/trang/3/index.html"), "a stray page");

            Path staging = Files.createDirectories(temp.resolve(name + "/staging"));
            OutputMirror restoring = new OutputMirror(kept, OutputMirror.HARD_LINKS);
            OutputMirror.Restored restored = (throughFolders ? restoring : restoring.statingByWholePaths())
                    .rotateInto(staging, recorded);

            // Opened: 2015/01 (12 folders) and search/t (12 files); none by whole paths.
            assertThat(restored.foldersOpened()).isEqualTo(throughFolders ? 2 : 0);
            trees.put(name, tree(staging));
            keptFiles.put(name, new TreeSet<>(restored.files().keySet()));
        }
        assertThat(trees.get("through")).isEqualTo(trees.get("whole"));
        assertThat(keptFiles.get("through")).isEqualTo(keptFiles.get("whole"));
        TreeSet<String> through = keptFiles.get("through");
        assertThat(through).hasSize(1 + 12 + 12 + 3 - 4)
                .doesNotContain("2015/01/article-1/index.html", "2015/01/article-5/index.html",
                        "2015/01/article-7/index.html", "search/t/4.json")
                .contains("2015/01/article-3/feed.xml", "search/t/11.json", "tu-khoa/ha-noi/trang/2/index.html");
        assertThat(trees.get("through")).doesNotContain("search/t/stray.json", "2015/01/article-3/stray.html",
                "2015/01/article-5", "2015/01/article-7", "2015/01/article-1", "tu-khoa/ha-noi/trang/3")
                .contains("2015/01/article-3/index.html", "tu-khoa/ha-noi/trang/2/index.html");
    }

    /** Sleeps past a tick of the kernel's coarse clock, which file times are taken from. */
    /**
     * Makes the kept copies anew with {@code paths} ("bytes of " each path) and marks the tree
     * known exact, as a build's save does; returns their recorded entries.
     */
    private static Map<String, BuildStateFile.Entry> madeKnownExact(OutputMirror mirror, String... paths)
            throws IOException, InterruptedException {
        mirror.clear();
        Map<String, BuildStateFile.Entry> recorded = new HashMap<>();
        for (String path : paths) {
            recorded.put(path, write(mirror.root().resolve(path), "bytes of " + path));
        }
        pastTheClockTick();
        mirror.markTree();
        return recorded;
    }

    private static void pastTheClockTick() throws InterruptedException {
        Thread.sleep(50);
    }

    /**
     * The pruning of a rotated tree leaves half the cores to the content stage it runs beside:
     * one thread on two cores (the build machine's), never none.
     */
    @Test
    void aRotatedTreeIsPrunedOnHalfTheCores() {
        assertThat(OutputMirror.pruningThreads(1)).isEqualTo(1);
        assertThat(OutputMirror.pruningThreads(2)).isEqualTo(1);
        assertThat(OutputMirror.pruningThreads(3)).isEqualTo(1);
        assertThat(OutputMirror.pruningThreads(8)).isEqualTo(4);
    }

    private static BuildStateFile.Entry write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
        return new BuildStateFile.Entry(text.hashCode(), a.size(), a.lastModifiedTime().toMillis() / 1000, inode);
    }

    private static TreeSet<String> tree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            TreeSet<String> paths = new TreeSet<>();
            all.filter(p -> !p.equals(root)).forEach(p -> paths.add(root.relativize(p).toString().replace('\\', '/')));
            return paths;
        }
    }
}
