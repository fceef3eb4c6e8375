package io.gazette.build;

import io.gazette.files.AtomicFiles;
import io.gazette.files.UnixAttributes;
import io.gazette.output.TreeDeletion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last build's site kept in {@code .gazette/cache/build/site/}, file for file, so that a
 * build without {@code public/} (a fresh CI checkout with the cache restored) still has every
 * unchanged file at hand. Files are hard links to the published ones: no bytes copied, no space
 * used twice.
 *
 * <p>Where links are impossible (the output folder is on another file system than
 * {@code .gazette/}, say a RAM disk) nothing is kept here: copying the whole site on every build
 * would cost about what making it costs. The output folder itself is then the only source of
 * unchanged files; the recorded size and time of each file are those of the published file, so
 * the next build reuses {@code public/} while it still matches (and is still the same file: its
 * inode), and makes every file when it is gone ({@link BuildCache} says so).
 *
 * <p>A kept or published file is trusted only while its size and modification second are those
 * recorded: a file changed in place (a hard link shares its bytes with {@code public/}) or lost
 * is simply made again. Writers never change a file in place: the staging sink replaces files
 * ({@link io.gazette.output.DirectorySink#replacing}).
 */
final class OutputMirror {
    /** Makes {@code link} a hard link to {@code existing}; fails where the file systems differ. */
    @FunctionalInterface
    interface Linker {
        void link(Path existing, Path link) throws IOException;
    }

    static final Linker HARD_LINKS = (existing, link) -> Files.createLink(link, existing);

    private final Path root;
    private final Linker linker;
    /** Whose times the marker records: the file system's, as its folders' change times are stamped. */
    private final FileSystemClock clock;
    /** Whether a file had to be copied rather than linked (another file system) since this mirror was made. */
    private volatile boolean copied;
    /** The marker the last build wrote, read once (see {@link #saved}), or null before. */
    private Marker saved;
    /** How the kept copies came to be what they are in this build (see {@link #markTree}). */
    private Origin rootOrigin = Origin.KEPT;
    /** The inode of the tree {@link #adopt} made the kept copies, or -1. */
    private long adoptedInode = -1;
    /** The inode of this build's staging folder, the published site once it is committed; -1 when unknown. */
    private long publishedInode = -1;
    /**
     * When this build began keeping its files (ns, on the file system's clock: {@link FileSystemClock}),
     * after the site was published; the published site is known exact from then on (see {@link Marker}).
     */
    private long keepingFrom = Long.MAX_VALUE;
    /** Whether a tree known exact is stated through its open folders ({@link KnownTree}); tests turn it off. */
    private boolean throughFolders = true;

    /** How the kept copies came to be: kept from the last build, the replaced published site, or made anew. */
    private enum Origin {
        KEPT, ADOPTED, MADE
    }

    OutputMirror(Path root, Linker linker) {
        this(root, linker, new FileSystemClock(clockProbe(root)));
    }

    /** @param clock the clock the marker's times are read from (tests make one that does not probe) */
    OutputMirror(Path root, Linker linker, FileSystemClock clock) {
        this.root = root;
        this.linker = linker;
        this.clock = clock;
    }

    /** The file beside the kept copies whose change time tells the file system's time ({@link FileSystemClock}). */
    static Path clockProbe(Path root) {
        return root.resolveSibling(root.getFileName() + ".clock");
    }

    Path root() {
        return root;
    }

    /** States a tree known exact by whole paths, as where there is no {@link SecureDirectoryStream} (for tests). */
    OutputMirror statingByWholePaths() {
        throughFolders = false;
        return this;
    }

    /**
     * What the staging directory starts with: the files kept from the last build, each with its
     * entry as found now (the inode read again: a cache restored by CI has new ones), whether
     * any inode differs from the recorded one (then the state must be written again), and how
     * many folders were read to find them (none when they were linked by path, {@link #populate}),
     * and how many were opened only to state the names below them ({@link KnownTree}).
     */
    record Restored(Map<String, BuildStateFile.Entry> files, boolean inodesMoved, int foldersRead, int foldersOpened) {
    }

    /**
     * Puts every file of {@code files} whose recorded size and time still hold into
     * {@code staging}: from the kept copies when {@code mirrored} (only Gazette writes those),
     * else from {@code output}, the published site, where the file must also still be the very
     * file recorded (its inode): a {@code public/} replaced by another build or tool, even with
     * files of the same size and second, is not taken for the recorded one. Returns the files
     * it put there. Runs on every core: a large site has tens of thousands.
     */
    Restored populate(Path staging, Path output, boolean mirrored, Map<String, BuildStateFile.Entry> files) {
        Map<String, BuildStateFile.Entry> placed = new ConcurrentHashMap<>(files.size() * 4 / 3 + 16);
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        Path from = mirrored ? root : output;
        boolean checkInodes = !mirrored || sameTreeAsSaved(root);
        publishedInode = inodeOrNone(staging);
        AtomicBoolean moved = new AtomicBoolean();
        EveryCore.each(new ArrayList<>(files.entrySet()), (file, i) -> {
            Path source = from.resolve(file.getKey());
            BuildStateFile.Entry found = intact(source, file.getValue(), checkInodes, !mirrored);
            if (found == null) {
                return; // changed in place, replaced or lost: made again
            }
            Path target = staging.resolve(file.getKey());
            Path folder = target.getParent();
            if (!folders.contains(folder)) {
                Files.createDirectories(folder);
                folders.add(folder);
            }
            linkOrCopy(source, target);
            placed.put(file.getKey(), found);
            if (found.inode() != file.getValue().inode()) {
                moved.set(true);
            }
        });
        return new Restored(placed, moved.get(), 0, 0);
    }

    /**
     * The kept copies become the staging directory by one rename, instead of a link for each
     * of their files in a new one: at 10,000 articles 27,560 links in 16,953 folders took about
     * 0.5 s, and deleting the replaced site as many names again. The copies must be on the
     * staging directory's file system, and {@code staging} an empty folder (it is replaced).
     * Every file there that the state does not name as it is now (size, second, and inode while
     * the tree is the one the last build left, see {@link #sameTreeAsSaved}) is deleted, and so
     * is any folder left empty: the tree holds exactly the files kept, as {@link #populate}
     * would have made it. A folder the marker shows unchanged since the tree was last known
     * exact is not read: only its recorded files are (see {@link KnownTree}). Returns null,
     * {@code staging} untouched, when the copies cannot be moved there (missing, another file
     * system).
     */
    Restored rotateInto(Path staging, Map<String, BuildStateFile.Entry> files) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        long treeInode = inodeOrNone(root);
        boolean checkInodes = treeInode >= 0 && treeInode == saved().keptInode();
        // Folders changed before this time hold what the tree held when it was last known exact.
        long unchangedBefore = checkInodes ? saved().keptSince() : Marker.NEVER;
        PosixFileAttributeView stagingView = Files.getFileAttributeView(staging, PosixFileAttributeView.class);
        Set<PosixFilePermission> permissions = null;
        if (stagingView != null) {
            try {
                permissions = stagingView.readAttributes().permissions();
            } catch (IOException | UnsupportedOperationException e) {
                permissions = null;
            }
        }
        Files.delete(staging);
        try {
            Files.move(root, staging, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.createDirectories(staging);
            return null;
        }
        publishedInode = treeInode; // a rename keeps it; the staging folder is published as it is
        if (permissions != null) {
            // The published folder keeps the staging folder's permissions, as without rotation.
            Files.setPosixFilePermissions(staging, permissions);
        }
        Map<String, BuildStateFile.Entry> kept = new ConcurrentHashMap<>(files.size() * 4 / 3 + 16);
        Pruning pruning = new Pruning(files, checkInodes, unchangedBefore, kept);
        if (unchangedBefore == Marker.NEVER || !new KnownTree(staging, pruning, throughFolders).prune()) {
            // A pool of its own, of half the cores (see pruningThreads); the work is mostly the
            // kernel's, one stat an entry.
            ForkJoinPool pool = new ForkJoinPool(pruningThreads(Runtime.getRuntime().availableProcessors()));
            try {
                pool.invoke(new Prune(staging, null, "", pruning));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                pool.shutdown();
            }
        }
        return new Restored(kept, pruning.moved.get(), pruning.foldersRead.get(), pruning.foldersOpened.get());
    }

    /**
     * How many threads prune a rotated tree on a machine of {@code cores} cores: half of them. The
     * pruning runs beside the content stage, which reads on every core and is what the build
     * waits for; with the pruning on every core too, the two shared the cores and the content
     * stage took longer by what the pruning gained. At 100,000 articles on two cores, one
     * pruning thread: the content stage of an add 2.4-2.5 s → 1.7-1.8 s, the pruning 2.1 s →
     * 3.3-3.5 s (still mostly hidden by the site model), the add 0.4-0.7 s shorter (BENCHMARKS.md,
     * "inc13"). A fresh checkout's linking ({@link #populate}) gained nothing from one thread (its
     * wait grew as much as the content stage shrank) and keeps every core.
     */
    static int pruningThreads(int cores) {
        return Math.max(1, cores / 2);
    }

    /** What the tasks of one pruning share: the state's files, what they keep, and what they saw. */
    private static final class Pruning {
        final Map<String, BuildStateFile.Entry> files;
        final boolean checkInodes;
        /** A folder whose change time is before this (ns since the epoch) is not read; {@link Marker#NEVER}: every one is. */
        final long unchangedBefore;
        final Map<String, BuildStateFile.Entry> kept;
        final AtomicBoolean moved = new AtomicBoolean();
        final AtomicInteger foldersRead = new AtomicInteger();
        final AtomicInteger foldersOpened = new AtomicInteger();

        Pruning(Map<String, BuildStateFile.Entry> files, boolean checkInodes, long unchangedBefore,
                Map<String, BuildStateFile.Entry> kept) {
            this.files = files;
            this.checkInodes = checkInodes;
            this.unchangedBefore = unchangedBefore;
            this.kept = kept;
        }

        /** Keeps {@code found}, the file at {@code path} as {@code recorded} names it. */
        void keep(String path, BuildStateFile.Entry recorded, BuildStateFile.Entry found) {
            kept.put(path, found);
            if (found.inode() != recorded.inode()) {
                moved.set(true);
            }
        }
    }

    /**
     * A rotated tree known exact since {@link Pruning#unchangedBefore}, pruned without reading it:
     * one stat for each folder of the state's files and one for each file.
     *
     * <p>A folder whose change time ({@code ctime}) is before that time is not read: no name in it
     * was added, removed or renamed since the tree was last known to hold exactly the state's
     * files (see {@link Marker}), so it holds its recorded files and folders and nothing else. The
     * change time is the kernel's: no tool sets it back ({@code touch}, {@code cp -p},
     * {@code rsync -t} and a restored cache set modification times, and change it). A folder that
     * changed is read, and every name in it the state does not name goes. Each recorded file is
     * still held to its recorded size, second and inode, wherever it is: an edit in place changes
     * no folder. A folder left without a kept file goes.
     *
     * <p>The state's files are grouped by folder once ({@link Folder}), and each folder and file is
     * stated by its path below the nearest folder held open above it ({@code fstatat} through a
     * {@link SecureDirectoryStream}), not by its whole path: at 100,000 articles the kernel's
     * lookup of each path component ({@code __d_lookup_rcu}) was a quarter of a restore's CPU, the
     * 396,000 stats walking ~7 components each from the root. A folder with {@link #OPENED_AT} or
     * more recorded names is opened (a month of articles, a folder of search shards), so most
     * names are one or two components from an open folder. Where the platform has no such
     * stream, or {@link UnixAttributes} cannot read the change time from its attributes, every
     * stat goes by the whole path, as before.
     */
    private static final class KnownTree {
        /**
         * How many recorded names a folder must hold to be opened: an open costs ~6 system calls
         * (open, dup, the stream's checks, two closes), a component less to look up saves a fraction
         * of one for each name below.
         */
        static final int OPENED_AT = 8;

        private final Path top;
        private final Pruning pruning;
        /** The folders of the state's files by their paths ("" for the top), each one's parents too. */
        private final Map<String, Folder> folders;
        private final Folder root;
        /** Whether stats go through open folders ({@link #prune}'s choice; tests turn it off). */
        private final boolean throughFolders;

        KnownTree(Path top, Pruning pruning, boolean throughFolders) {
            this.top = top;
            this.pruning = pruning;
            this.throughFolders = throughFolders;
            this.folders = new HashMap<>(pruning.files.size() * 2);
            this.root = new Folder("");
            folders.put("", root);
            for (Map.Entry<String, BuildStateFile.Entry> file : pruning.files.entrySet()) {
                String path = file.getKey();
                int slash = path.lastIndexOf('/');
                (slash > 0 ? folder(path.substring(0, slash)) : root).addFile(file);
            }
        }

        /** The folder at {@code path} ("a/b"), made with the folders above it when first met. */
        private Folder folder(String path) {
            Folder folder = folders.get(path);
            if (folder == null) {
                folder = new Folder(path);
                folders.put(path, folder);
                int slash = path.lastIndexOf('/');
                (slash > 0 ? folder(path.substring(0, slash)) : root).addFolder(folder);
            }
            return folder;
        }

        /** One folder of the state: its recorded files and folders. */
        private static final class Folder {
            final String path;
            /** The first recorded file (most folders hold one: an article's page), then the rest. */
            Map.Entry<String, BuildStateFile.Entry> file;
            List<Map.Entry<String, BuildStateFile.Entry>> moreFiles;
            List<Folder> below;

            Folder(String path) {
                this.path = path;
            }

            void addFile(Map.Entry<String, BuildStateFile.Entry> entry) {
                if (file == null) {
                    file = entry;
                } else {
                    if (moreFiles == null) {
                        moreFiles = new ArrayList<>(4);
                    }
                    moreFiles.add(entry);
                }
            }

            void addFolder(Folder folder) {
                if (below == null) {
                    below = new ArrayList<>(2);
                }
                below.add(folder);
            }

            int names() {
                return (file == null ? 0 : 1) + (moreFiles == null ? 0 : moreFiles.size()) + (below == null ? 0 : below.size());
            }
        }

        /**
         * An open folder the stats below it go through, or the top by its path ({@code stream}
         * null); {@code skip} is how many characters of a state path name it ("a/b/": 4).
         */
        private record Anchor(SecureDirectoryStream<Path> stream, int skip) {
        }

        /**
         * Keeps the state's files as they are and deletes everything else; false, the tree
         * untouched, where folders have no change time to read (then each folder is read).
         */
        boolean prune() throws IOException {
            long topChanged = changeTime(top);
            if (topChanged == NO_CHANGE_TIME) {
                return false;
            }
            SecureDirectoryStream<Path> stream = null;
            if (throughFolders && UnixAttributes.AVAILABLE) {
                DirectoryStream<Path> opened = Files.newDirectoryStream(top);
                if (opened instanceof SecureDirectoryStream<Path> secure) {
                    stream = secure;
                } else {
                    opened.close();
                }
            }
            try {
                prune(root, topChanged, new Anchor(stream, 0));
            } finally {
                if (stream != null) {
                    stream.close();
                }
            }
            return true;
        }

        /**
         * Prunes {@code folder}, found a folder changed at {@code changedAt}: its files, then its
         * folders (each stated first: one gone or not a folder loses what was recorded below it),
         * then, when it changed, every name in it the state does not name. Whether it still holds
         * a kept file; one that does not is deleted by the caller.
         */
        private boolean prune(Folder folder, long changedAt, Anchor above) throws IOException {
            Anchor anchor = above;
            if (above.stream() != null && !folder.path.isEmpty() && folder.names() >= OPENED_AT) {
                try {
                    anchor = new Anchor(above.stream().newDirectoryStream(relative(folder.path, above), LinkOption.NOFOLLOW_LINKS),
                            folder.path.length() + 1);
                    pruning.foldersOpened.incrementAndGet();
                } catch (IOException e) {
                    anchor = above; // stated through the folder above, as if it held few names
                }
            }
            try {
                boolean holds = false;
                if (folder.file != null) {
                    holds = keep(folder.file, anchor);
                    if (folder.moreFiles != null) {
                        for (Map.Entry<String, BuildStateFile.Entry> file : folder.moreFiles) {
                            holds |= keep(file, anchor);
                        }
                    }
                }
                if (folder.below != null) {
                    for (Folder inside : folder.below) {
                        long insideChanged = changeTime(inside.path, anchor);
                        if (insideChanged == GONE) {
                            continue; // lost with all it held
                        }
                        if (insideChanged == NOT_A_FOLDER) {
                            Files.deleteIfExists(at(inside.path)); // a file where the folder was: this folder changed
                            continue;
                        }
                        if (prune(inside, insideChanged, anchor)) {
                            holds = true;
                        } else {
                            Files.deleteIfExists(at(inside.path)); // as a clean build has no empty folder
                        }
                    }
                }
                if (changedAt == NO_CHANGE_TIME || changedAt >= pruning.unchangedBefore) {
                    deleteUnrecorded(folder.path);
                }
                return holds;
            } finally {
                if (anchor != above) {
                    anchor.stream().close();
                }
            }
        }

        /** Keeps {@code file} when it is the recorded one, else deletes it; whether it was kept. */
        private boolean keep(Map.Entry<String, BuildStateFile.Entry> file, Anchor anchor) throws IOException {
            String path = file.getKey();
            Seen seen;
            try {
                seen = anchor.stream() == null ? Seen.of(at(path)) : seen(path, anchor);
            } catch (FileSystemException e) {
                if (lost(at(path), e)) {
                    return false;
                }
                throw e;
            }
            BuildStateFile.Entry found = seen.matching(file.getValue(), pruning.checkInodes, false);
            if (found != null) {
                pruning.keep(path, file.getValue(), found);
                return true;
            }
            // edited in place (a link shares its bytes with public/), replaced
            if (seen.directory()) {
                TreeDeletion.delete(at(path));
            } else {
                Files.delete(at(path));
            }
            return false;
        }

        /** The state path {@code path} below {@code anchor}'s folder. */
        private Path relative(String path, Anchor anchor) {
            return top.getFileSystem().getPath(anchor.skip() == 0 ? path : path.substring(anchor.skip()));
        }

        /** The attributes of the file at {@code path}, read through {@code anchor}'s open folder ({@code fstatat}). */
        private Seen seen(String path, Anchor anchor) throws IOException {
            PosixFileAttributes attributes = attributesThrough(path, anchor);
            return UnixAttributes.readable(attributes) ? Seen.from(attributes, null) : Seen.of(at(path));
        }

        /** The attributes of {@code path}, not followed if a link, read through {@code anchor}'s open folder. */
        private PosixFileAttributes attributesThrough(String path, Anchor anchor) throws IOException {
            return anchor.stream()
                    .getFileAttributeView(relative(path, anchor), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        }

        /** {@link #changeTime(Path)} of the folder at {@code path}, read through {@code anchor}'s open folder. */
        private long changeTime(String path, Anchor anchor) throws IOException {
            if (anchor.stream() == null) {
                return changeTime(at(path));
            }
            PosixFileAttributes attributes;
            try {
                attributes = attributesThrough(path, anchor);
            } catch (FileSystemException e) {
                if (lost(at(path), e)) {
                    return GONE;
                }
                throw e;
            }
            return UnixAttributes.readable(attributes) ? folderChangeTime(attributes) : changeTime(at(path));
        }

        /** The change time of what {@code attributes} (readable by {@link UnixAttributes}) describe, or {@link #NOT_A_FOLDER}. */
        private static long folderChangeTime(PosixFileAttributes attributes) {
            return attributes.isDirectory() ? UnixAttributes.changeNanos(attributes) : NOT_A_FOLDER;
        }

        private Path at(String path) {
            return path.isEmpty() ? top : top.resolve(path);
        }

        /** What {@link #changeTime} returns for a folder not there. */
        private static final long GONE = Long.MIN_VALUE;
        /** What {@link #changeTime} returns where something other than a folder is. */
        private static final long NOT_A_FOLDER = Long.MIN_VALUE + 1;
        /** What {@link #changeTime} returns for a folder whose change time cannot be read. */
        private static final long NO_CHANGE_TIME = Long.MIN_VALUE + 2;

        /**
         * The change time of {@code folder} (ns since the epoch), or {@link #GONE},
         * {@link #NOT_A_FOLDER}, {@link #NO_CHANGE_TIME}. Read from the JDK's own attributes where
         * it lets us ({@link UnixAttributes}), else from a {@code "unix:"} attribute map: ~1 KB of
         * garbage a folder, 17 MB of a build's at 10,000 articles.
         */
        private static long changeTime(Path folder) throws IOException {
            try {
                if (UnixAttributes.AVAILABLE) {
                    PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (UnixAttributes.readable(attributes)) {
                        return folderChangeTime(attributes);
                    }
                }
                Map<String, Object> attributes = Files.readAttributes(folder, "unix:mode,ctime", LinkOption.NOFOLLOW_LINKS);
                if (!(attributes.get("mode") instanceof Integer mode) || (mode & S_IFMT) != S_IFDIR) {
                    return NOT_A_FOLDER;
                }
                return attributes.get("ctime") instanceof FileTime ctime ? ctime.to(TimeUnit.NANOSECONDS) : NO_CHANGE_TIME;
            } catch (FileSystemException e) {
                if (lost(folder, e)) {
                    return GONE;
                }
                throw e;
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return NO_CHANGE_TIME;
            }
        }

        /** Whether {@code path} failed to be read because it is not there, or a folder above it is not one. */
        private static boolean lost(Path path, FileSystemException e) {
            return e instanceof NoSuchFileException || !Files.isDirectory(path.getParent(), LinkOption.NOFOLLOW_LINKS);
        }

        /** Reads a changed folder: every name in it the state names neither as a file nor as a folder goes. */
        private void deleteUnrecorded(String folder) throws IOException {
            pruning.foldersRead.incrementAndGet();
            String prefix = folder.isEmpty() ? "" : folder + "/";
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(at(folder))) {
                for (Path entry : entries) {
                    String path = prefix + entry.getFileName();
                    if (!pruning.files.containsKey(path) && !folders.containsKey(path)) {
                        TreeDeletion.delete(entry); // a stray, or a folder of strays
                    }
                }
            } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
                // gone meanwhile: its folder above was changed, and is read or was found gone
            }
        }
    }

    /**
     * One folder of a rotated tree not known exact: keeps the files the state names as they are,
     * deletes the rest, and goes on into its folders.
     *
     * <p>Where the platform reads a folder through its descriptor
     * ({@link SecureDirectoryStream}, as Linux does), each entry is read and deleted by its name in
     * the folder ({@code fstatat}, {@code unlinkat}), not by its whole path from the root:
     * resolving every path component again in the kernel cost about a third of a restore that
     * read every folder (BENCHMARKS.md, "inc12").
     */
    private static final class Prune extends RecursiveTask<Boolean> {
        private final Path folder;
        /** The stream of the folder above, through which this one is opened; null: opened by its path. */
        private final SecureDirectoryStream<Path> above;
        private final String prefix;
        private final Pruning pruning;

        Prune(Path folder, SecureDirectoryStream<Path> above, String prefix, Pruning pruning) {
            this.folder = folder;
            this.above = above;
            this.prefix = prefix;
            this.pruning = pruning;
        }

        /** Whether the folder still holds a file; an empty one (not the root) is deleted by the task above. */
        @Override
        protected Boolean compute() {
            try {
                return read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads the folder: keeps the files the state names as they are, deletes every other entry. */
        private boolean read() throws IOException {
            pruning.foldersRead.incrementAndGet();
            List<Prune> below = new ArrayList<>();
            boolean holds = false;
            try (DirectoryStream<Path> entries = above == null ? Files.newDirectoryStream(folder)
                    : above.newDirectoryStream(folder.getFileName(), LinkOption.NOFOLLOW_LINKS)) {
                SecureDirectoryStream<Path> secure = entries instanceof SecureDirectoryStream<Path> s ? s : null;
                for (Path entry : entries) {
                    Path name = entry.getFileName(); // once: each asking parses the whole path again
                    String path = prefix + name;
                    Seen seen = secure == null ? Seen.of(entry) : Seen.in(secure, name, entry);
                    if (seen.directory()) {
                        below.add(new Prune(entry, secure, path + "/", pruning));
                        continue;
                    }
                    BuildStateFile.Entry entryRecorded = pruning.files.get(path);
                    BuildStateFile.Entry found = entryRecorded == null ? null
                            : seen.matching(entryRecorded, pruning.checkInodes, false);
                    if (found == null) {
                        // not the last build's file as recorded: a stray, a link, an edit
                        if (secure == null) {
                            Files.delete(entry);
                        } else {
                            secure.deleteFile(name);
                        }
                    } else {
                        pruning.keep(path, entryRecorded, found);
                        holds = true;
                    }
                }
                // The folders below open theirs through this stream: it stays open until they are done.
                for (Prune task : invokeAll(below)) {
                    boolean holding = task.join();
                    holds |= holding;
                    if (!holding) {
                        if (secure == null) {
                            Files.deleteIfExists(task.folder);
                        } else {
                            secure.deleteDirectory(task.folder.getFileName());
                        }
                    }
                }
            }
            return holds;
        }
    }

    /** The file-type bits of a {@code unix:mode}, and those of a folder. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;

    /** A file's type, size, modification second and inode (-1 where there is none), from one stat. */
    private record Seen(boolean directory, boolean regular, long size, long second, long inode) {
        /**
         * The attributes of {@code file}, from one {@code lstat}: the JDK's own, with their inode,
         * where {@link UnixAttributes} reads them; else {@link BasicFileAttributes} with the inode
         * taken from their file key's text ({@link #inodeOf}). The {@code "unix:…"} view builds a
         * map of boxed values for every file, about a fifth of a restore's CPU.
         */
        static Seen of(Path file) throws IOException {
            if (UnixAttributes.AVAILABLE) {
                // The JDK's own attributes, whose inode is read without the file key's text (UnixAttributes).
                return from(Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS), file);
            }
            return from(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), file);
        }

        /** The attributes of {@code entry}, read by its {@code name} in {@code folder}'s descriptor ({@code fstatat}). */
        static Seen in(SecureDirectoryStream<Path> folder, Path name, Path entry) throws IOException {
            if (UnixAttributes.AVAILABLE) {
                PosixFileAttributeView posix = folder.getFileAttributeView(name, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (posix != null) {
                    return from(posix.readAttributes(), entry);
                }
            }
            BasicFileAttributes b = folder.getFileAttributeView(name, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            return from(b, entry);
        }

        private static Seen from(BasicFileAttributes b, Path file) throws IOException {
            if (UnixAttributes.readable(b)) {
                return new Seen(b.isDirectory(), b.isRegularFile(), b.size(), OutputMirror.second(b), UnixAttributes.inode(b));
            }
            long inode = inodeOf(b.fileKey());
            if (inode < 0 && b.fileKey() != null) {
                inode = inodeByName(file); // a key of another form: the inode by its own name
            }
            return new Seen(b.isDirectory(), b.isRegularFile(), b.size(), OutputMirror.second(b), inode);
        }

        private static long inodeByName(Path file) throws IOException {
            try {
                return ((Number) Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return -1;
            }
        }

        /**
         * This file's entry when it is the recorded one: a regular file of the recorded size and
         * second and, with {@code checkInodes}, the recorded inode (with {@code inodeRequired},
         * an entry without one never matches); null otherwise.
         */
        BuildStateFile.Entry matching(BuildStateFile.Entry recorded, boolean checkInodes, boolean inodeRequired) {
            if (!regular || size != recorded.size() || second != recorded.modifiedSecond()) {
                return null;
            }
            if (checkInodes && (recorded.inode() >= 0 || inodeRequired) && inode != recorded.inode()) {
                return null;
            }
            // The recorded entry itself when nothing moved: at 100,000 articles a restore checks
            // 229,000 files, and a copy of each entry was garbage as soon as the state was read.
            return inode == recorded.inode() ? recorded : new BuildStateFile.Entry(recorded.fingerprint(), size, second, inode);
        }
    }

    /**
     * The inode a file key names, as the JDK on Linux and the BSDs writes it ({@code (dev=fe00,ino=612)},
     * the same number as {@code "unix:ino"}); -1 for a key of any other form (then the inode is read by
     * the file's name instead).
     */
    static long inodeOf(Object fileKey) {
        if (fileKey == null) {
            return -1;
        }
        String text = fileKey.toString();
        int at = text.indexOf(",ino=");
        if (!text.startsWith("(dev=") || at < 0 || !text.endsWith(")") || at + 5 >= text.length() - 1) {
            return -1;
        }
        try {
            return Long.parseLong(text, at + 5, text.length() - 1, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static BuildStateFile.Entry intact(Path file, BuildStateFile.Entry recorded, boolean checkInodes,
            boolean inodeRequired) throws IOException {
        try {
            return Seen.of(file).matching(recorded, checkInodes, inodeRequired);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Whether the kept copies are the very tree the last build left (its folder's inode is the
     * one recorded beside it), where each file must also be the recorded one: since rotation the
     * copies were the published site until then, and other tools may have replaced its files. A
     * tree restored by CI (a new folder, new inodes, only Gazette's files) is checked by size
     * and second only, as the kept copies always were.
     */
    private boolean sameTreeAsSaved(Path tree) {
        long inode = inodeOrNone(tree);
        return inode >= 0 && inode == saved().keptInode();
    }

    /**
     * What a build records beside the kept copies ({@code site.inode}) for the next ones: the
     * inode of the kept copies' folder and of the published site's (the two trees take turns:
     * the next build's staging folder is the kept copies, and the published site it replaces
     * becomes them), and for each the time from which it is not known exact: each of its
     * folders whose change time is before that holds exactly the state's files and folders
     * in it, since nothing added, removed or renamed a name there afterwards (a folder's
     * change time moves with each). {@link #NEVER}: no folder is known.
     *
     * <p>The published site is exact when it is committed: the build wrote every file of it and
     * the state names them all; the kept copies are exact when {@link #update} made them anew,
     * and a published site adopted as the kept copies is as exact as it was when published
     * (files other tools added to it since changed their folders' times).
     *
     * <p>The times are the file system's ({@link FileSystemClock}): those its folders' change
     * times are stamped with, so that a change after the time never shows a change time before it.
     */
    record Marker(long keptInode, long keptSince, long publishedInode, long publishedSince) {
        /** No time: no folder's change time is before it. */
        static final long NEVER = Long.MIN_VALUE;
        static final Marker NONE = new Marker(-1, NEVER, -1, NEVER);

        /** The marker's text: a build before this one wrote the kept copies' inode alone. */
        static Marker parse(String text) {
            String[] fields = text.strip().split(" ");
            try {
                long kept = Long.parseLong(fields[0]);
                if (fields.length != 4) {
                    return new Marker(kept, NEVER, -1, NEVER);
                }
                return new Marker(kept, Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
            } catch (NumberFormatException e) {
                return NONE;
            }
        }

        String text() {
            return keptInode + " " + keptSince + " " + publishedInode + " " + publishedSince + "\n";
        }
    }

    /** The marker the last build wrote (read once: {@link #markTree} replaces it), or {@link Marker#NONE}. */
    private Marker saved() {
        if (saved == null) {
            try {
                saved = Marker.parse(Files.readString(treeMarker(), StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException e) {
                saved = Marker.NONE;
            }
        }
        return saved;
    }

    /**
     * Records the kept copies' folder as the tree this build left (see {@link #sameTreeAsSaved}),
     * and since when each tree is known exact (see {@link Marker}). Called once the kept copies
     * hold what the state names, after the site was published.
     */
    void markTree() throws IOException {
        Marker before = saved();
        Path marker = treeMarker();
        long inode = Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) ? inodeOrNone(root) : -1;
        if (inode < 0) {
            Files.deleteIfExists(marker);
            saved = Marker.NONE;
            return;
        }
        long now = clock.now();
        long keptSince = switch (rootOrigin) {
            case MADE -> now;
            case ADOPTED -> adoptedInode == inode && inode == before.publishedInode() ? before.publishedSince()
                    : Marker.NEVER;
            case KEPT -> inode == before.keptInode() ? before.keptSince() : Marker.NEVER;
        };
        long publishedSince = publishedInode >= 0 ? Math.min(now, keepingFrom) : Marker.NEVER;
        Marker written = new Marker(inode, keptSince, publishedInode, publishedSince);
        AtomicFiles.write(marker, written.text().getBytes(StandardCharsets.US_ASCII));
        saved = written;
    }

    /** This build begins keeping its files: the published site, committed, is exact from now on. */
    private void keepingStarts() {
        if (keepingFrom == Long.MAX_VALUE) {
            keepingFrom = clock.now();
        }
    }

    /** The inode of {@code path} itself, or -1 when it has none (or is not there). */
    private static long inodeOrNone(Path path) {
        try {
            return Seen.of(path).inode();
        } catch (IOException e) {
            return -1;
        }
    }

    private Path treeMarker() {
        return root.resolveSibling(root.getFileName() + ".inode");
    }

    /**
     * The replaced published site becomes the kept copies (they were the same files, linked,
     * before this build): afterwards only what this build changed must be linked again. False
     * when it cannot be moved here.
     */
    boolean adopt(Path replaced) {
        try {
            keepingStarts();
            saved(); // before the kept copies it describes go
            long inode = inodeOrNone(replaced);
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                TreeDeletion.delete(root);
            }
            Files.createDirectories(root.getParent());
            Files.move(replaced, root, StandardCopyOption.ATOMIC_MOVE);
            rootOrigin = Origin.ADOPTED;
            adoptedInode = inode;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * After a failed build, the rotated staging directory becomes the kept copies again: the
     * next build tells the files this one replaced or added apart (their inodes, sizes and
     * times are not those recorded, their folders' change times are after the marker's) and
     * deletes them. False when it cannot be moved back. The marker stays the last build's.
     */
    boolean takeBack(Path staging) {
        return Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS) && adopt(staging);
    }

    /** What {@link #update} kept: each file's recorded entry, and whether the copies are here. */
    record Kept(Map<String, BuildStateFile.Entry> files, boolean mirrored) {
    }

    /**
     * Brings the kept copies in line with the published site after a build: the {@code changed}
     * paths (and those whose fingerprint moved) are linked again from {@code output}, or removed
     * when the build deleted them. When links from {@code output} are impossible, the copies are
     * dropped instead and each file's entry describes the published file.
     *
     * @param before   the entries of the last state ({@code mirrored} says whether it kept copies)
     */
    Kept update(Path output, Collection<String> changed, Map<String, Long> fingerprints,
            Map<String, BuildStateFile.Entry> before, boolean mirrored) throws IOException {
        keepingStarts();
        if (publishedInode < 0) {
            publishedInode = inodeOrNone(output); // a build that restored nothing: its staging folder published
        }
        Set<String> again = ConcurrentHashMap.newKeySet();
        again.addAll(changed);
        boolean linkable = linkable(output, again.isEmpty() ? fingerprints.keySet() : again, fingerprints);
        if (linkable && !mirrored) {
            // The last state kept no copies (its output was elsewhere): every file is linked now.
            clear();
            again.addAll(fingerprints.keySet());
        } else if (!linkable && mirrored) {
            clear();
            again.addAll(fingerprints.keySet()); // each published file's inode is recorded now
        }
        Map<String, BuildStateFile.Entry> kept = new ConcurrentHashMap<>(fingerprints.size() * 4 / 3 + 16);
        fingerprints.forEach((path, fingerprint) -> {
            BuildStateFile.Entry old = before.get(path);
            if (old == null || old.fingerprint() != fingerprint) {
                again.add(path);
            } else if (!again.contains(path)) {
                kept.put(path, old);
            }
        });
        List<String> paths = new ArrayList<>(again);
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        EveryCore.each(paths, (path, i) -> {
            Path copy = root.resolve(path);
            Path source = output.resolve(path);
            Long fingerprint = fingerprints.get(path);
            if (linkable && Files.deleteIfExists(copy) && fingerprint == null) {
                removeEmptyFolders(copy.getParent());
            }
            if (fingerprint == null) {
                return;
            }
            // One read of the published file's attributes: its copy is a link to it (or a
            // copy with its time), so both have the size, time and inode recorded.
            Seen attributes;
            try {
                attributes = Seen.of(source);
            } catch (NoSuchFileException e) {
                return;
            }
            if (!attributes.regular()) {
                return;
            }
            if (linkable) {
                if (!folders.contains(copy.getParent())) {
                    Files.createDirectories(copy.getParent());
                    folders.add(copy.getParent());
                }
                linkOrCopy(source, copy);
            }
            kept.put(path, new BuildStateFile.Entry(fingerprint, attributes.size(), attributes.second(),
                    attributes.inode()));
        });
        return new Kept(kept, linkable);
    }

    /**
     * Whether files of {@code output} can be linked here, tried on one of {@code candidates}
     * that exists (a link made and removed); true when there is none to try and nothing to keep.
     */
    private boolean linkable(Path output, Collection<String> candidates, Map<String, Long> fingerprints)
            throws IOException {
        for (String path : candidates) {
            Path source = output.resolve(path);
            if (!fingerprints.containsKey(path) || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(root.getParent());
            Path probe = root.resolveSibling("link-probe");
            Files.deleteIfExists(probe);
            try {
                linker.link(source, probe);
                return true;
            } catch (UnsupportedOperationException | IOException e) {
                return false;
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        return true;
    }

    /** Removes {@code folder} and its parents below the root while they are empty, as a clean build has none. */
    private void removeEmptyFolders(Path folder) throws IOException {
        for (Path f = folder; f != null && !f.equals(root) && f.startsWith(root); f = f.getParent()) {
            try {
                Files.delete(f);
            } catch (java.nio.file.DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    /** Forgets every kept file; what is linked here next ({@link #update}) is exactly what the state names. */
    void clear() throws IOException {
        keepingStarts();
        saved(); // before the kept copies it describes go
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            TreeDeletion.delete(root);
        }
        rootOrigin = Origin.MADE;
    }

    private static long second(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().toMillis() / 1000;
    }

    /** A hard link, or a copy where the file systems differ or links are not supported. */
    private void linkOrCopy(Path existing, Path link) throws IOException {
        try {
            linker.link(existing, link);
        } catch (FileAlreadyExistsException e) {
            Files.delete(link);
            linkOrCopy(existing, link);
        } catch (UnsupportedOperationException | IOException e) {
            copied = true;
            Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Whether some file was copied, not linked: the output and the kept copies are on different file systems. */
    boolean copiedAny() {
        return copied;
    }
}
