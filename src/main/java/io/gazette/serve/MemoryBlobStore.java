package io.gazette.serve;

import io.gazette.hash.Hashes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** Blobs on the heap: for tests and small sites. */
final class MemoryBlobStore implements BlobStore {
    private final ConcurrentHashMap<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public BlobRef put(byte[] bytes) {
        String hash = Hashes.sha256Hex(bytes);
        blobs.putIfAbsent(hash, bytes.clone());
        return new BlobRef(hash, bytes.length);
    }

    @Override
    public BlobRef putFile(Path file) throws IOException {
        return put(Files.readAllBytes(file));
    }

    @Override
    public byte[] read(BlobRef blob) throws IOException {
        byte[] bytes = blobs.get(blob.sha256());
        if (bytes == null) {
            throw new NoSuchFileException(blob.sha256());
        }
        return bytes;
    }

    @Override
    public InputStream open(BlobRef blob) throws IOException {
        return new ByteArrayInputStream(read(blob));
    }

    @Override
    public void delete(Collection<String> sha256s) {
        sha256s.forEach(blobs::remove);
    }

    @Override
    public int count() {
        return blobs.size();
    }

    @Override
    public void close() {
        blobs.clear();
    }
}
