package io.gazette.serve;

import io.gazette.hash.Hashes;
import io.gazette.output.TreeDeletion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blobs as files under {@code <cacheDir>/<session>/<2 hex>/<sha256>}. Pages live on disk (and in
 * the OS page cache), not on the heap, so a 15,000-page preview costs a few MB of heap for the
 * path map only.
 *
 * <p>Every server run gets its own session directory, locked while it runs and deleted on close;
 * a directory left behind by a killed run is swept away by the next one (its lock is free). A
 * blob is written to a temporary name and moved into place, so a reader sees all of it or none.
 */
final class DiskBlobStore implements BlobStore {
    private static final String LOCK_FILE = "session.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong tempNames = new AtomicLong();

    private DiskBlobStore(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DiskBlobStore open(Path cacheDir) throws IOException {
        Files.createDirectories(cacheDir);
        sweepAbandonedSessions(cacheDir);
        Path root = cacheDir.resolve("session-" + UUID.randomUUID());
        Files.createDirectory(root);
        // All 256 shard directories up front: a first build stores 15,000 pages, and checking for
        // the directory on each of them costs more than making them once.
        for (int shard = 0; shard < 256; shard++) {
            Files.createDirectory(root.resolve(String.format("%02x", shard)));
        }
        FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        return new DiskBlobStore(root, channel, lock);
    }

    Path root() {
        return root;
    }

    @Override
    public BlobRef put(byte[] bytes) throws IOException {
        String hash = Hashes.sha256Hex(bytes);
        Path target = blobPath(hash);
        if (!Files.exists(target)) {
            Path temp = target.resolveSibling("tmp-" + tempNames.incrementAndGet());
            try {
                Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            moveIntoPlace(temp, target);
        }
        return new BlobRef(hash, bytes.length);
    }

    @Override
    public BlobRef putFile(Path file) throws IOException {
        // Hash while copying, so a large static file is read once and never held in memory.
        Path incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
        Path temp = Files.createTempFile(incoming, "blob", ".tmp");
        MessageDigest digest = Hashes.sha256();
        long size;
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
            size = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        String hash = Hashes.hex(digest.digest());
        Path target = blobPath(hash);
        if (Files.exists(target)) {
            Files.delete(temp);
        } else {
            moveIntoPlace(temp, target);
        }
        return new BlobRef(hash, size);
    }

    @Override
    public byte[] read(BlobRef blob) throws IOException {
        return Files.readAllBytes(blobPath(blob.sha256()));
    }

    @Override
    public InputStream open(BlobRef blob) throws IOException {
        return Files.newInputStream(blobPath(blob.sha256()));
    }

    @Override
    public void delete(Collection<String> sha256s) {
        for (String hash : sha256s) {
            try {
                if (Files.deleteIfExists(blobPath(hash))) {
                    count.decrementAndGet();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public int count() {
        return count.get();
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
            TreeDeletion.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the preview cache " + root, e);
        }
    }

    private Path blobPath(String hash) {
        if (hash.length() != 64 || !hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not a sha-256: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    /**
     * Publishes a fully written temporary file under its hash. A hard link fails if the target
     * exists, so when two threads store the same content exactly one of them counts it.
     */
    private void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            count.incrementAndGet();
        } catch (FileAlreadyExistsException e) {
            // stored by another writer first: same bytes, nothing to do
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // No hard links on this file system: a rename, racing only in the count.
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                count.incrementAndGet();
                return;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void sweepAbandonedSessions(Path cacheDir) throws IOException {
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(cacheDir, "session-*")) {
            for (Path session : sessions) {
                Path lockFile = session.resolve(LOCK_FILE);
                if (isAbandoned(lockFile)) {
                    TreeDeletion.delete(session);
                }
            }
        }
    }

    private static boolean isAbandoned(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock probe = channel.tryLock()) {
            return probe != null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return false; // held by a running server (possibly this JVM): leave it alone
        }
    }
}
