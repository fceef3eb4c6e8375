package io.gazette.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MergeInfo;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * The Lucene directory a build writes and reads the index of record through: files are read with
 * positional reads into small buffers, not memory-mapped, so the index's pages stay in the
 * operating system's file cache instead of the build's resident memory.
 *
 * <p>Why: a build reads the whole index front to back (related articles walk every pair term,
 * the static export every term and posting, the passages every stored record; the writer's merges
 * read whole segments). Through {@code FSDirectory.open} (an {@code MMapDirectory}) every page
 * touched stays mapped, and counted in the process's resident set, until the reader closes: at
 * 100,000 real articles 491 MB of a 484 MB index on top of the 1 GiB heap, the build's peak
 * (1,648 MiB), and it grows with the archive. Read through the file cache the walks cost the
 * same: at 100,000 articles related lists, static export and passages took 7.9 + 14.7 + 3.9 s
 * against 7.7 + 14.2 + 4.2 s mapped (a benchmark of the three over the same index, one JVM).
 *
 * <p>Every input gets the buffer Lucene gives a merge (4 KB) rather than the 1 KB of a search:
 * these readers stream, like a merge, and with 1 KB buffers the same walks took 15-40 % longer
 * (four times the read calls). {@link SearchService}, which answers single queries (the preview,
 * {@code gazette search}), keeps the memory-mapped default.
 */
final class StreamedIndexDirectory extends FilterDirectory {
    /** A context that reads with merge-sized buffers; only the buffer size is taken from it. */
    private static final IOContext STREAMING = new IOContext(new MergeInfo(0, 0, false, 0));

    private StreamedIndexDirectory(Directory in) {
        super(in);
    }

    static Directory open(Path indexDir) throws IOException {
        return new StreamedIndexDirectory(new NIOFSDirectory(indexDir));
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        return in.openInput(name, STREAMING);
    }
}
