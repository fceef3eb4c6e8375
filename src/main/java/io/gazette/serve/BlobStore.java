package io.gazette.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Content-addressed storage of page bytes. Equal content is stored once; blobs are immutable once
 * stored, so a reader holding a {@link BlobRef} never sees a half-written page. A blob that has
 * been deleted reads as {@link java.nio.file.NoSuchFileException}.
 */
interface BlobStore extends AutoCloseable {

    BlobRef put(byte[] bytes) throws IOException;

    BlobRef putFile(Path file) throws IOException;

    byte[] read(BlobRef blob) throws IOException;

    InputStream open(BlobRef blob) throws IOException;

    void delete(Collection<String> sha256s);

    /** How many blobs are stored now: lets tests prove that old content is dropped. */
    int count();

    @Override
    void close();
}
