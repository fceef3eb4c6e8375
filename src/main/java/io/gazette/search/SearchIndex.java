package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One point-in-time view of the Lucene index in the cache, for the readers a build has besides
 * {@link SearchService}: related articles and the static index export. Both read the same
 * documents with the same numbers.
 */
public final class SearchIndex implements AutoCloseable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final DocNumbering numbering;

    private SearchIndex(Directory directory, DirectoryReader reader, DocNumbering numbering) throws IOException {
        this.directory = directory;
        this.numbering = numbering != null ? numbering : DocNumbering.of(reader);
        this.reader = reader;
    }

    /**
     * A view of {@code reader}, which reads through {@code directory}: closing the view closes both
     * (the reader by one reference). {@code numbering} is the reader's own, made already, or null:
     * made here. Neither is closed when this throws.
     */
    static SearchIndex of(Directory directory, DirectoryReader reader, DocNumbering numbering) throws IOException {
        return new SearchIndex(directory, reader, numbering);
    }

    public static SearchIndex open(Path indexDir) throws IOException {
        // Read through the file cache, not mapped: see StreamedIndexDirectory.
        Directory directory = StreamedIndexDirectory.open(indexDir);
        try {
            DirectoryReader opened = DirectoryReader.open(directory);
            try {
                return new SearchIndex(directory, opened, null);
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The static index's document numbers: {@code forEach} lists them in order with their urls. */
    public DocNumbering numbering() {
        return numbering;
    }

    /** See {@link RelatedArticles#compute(org.apache.lucene.index.IndexReader, DocNumbering, int)}. */
    public Map<String, List<String>> related(int count) throws IOException {
        return RelatedArticles.compute(reader, numbering, count);
    }

    IndexReader reader() {
        return reader;
    }

    /** The version of the index commit this view shows. */
    long version() {
        return reader.getVersion();
    }

    /** See {@link StaticIndexExporter#export(org.apache.lucene.index.IndexReader, DocNumbering, IndexFiles)}. */
    public StaticIndexExporter.Result exportStatic(IndexFiles files) throws IOException {
        return StaticIndexExporter.export(reader, numbering, files);
    }

    /** See {@link PassageExporter#export(org.apache.lucene.index.IndexReader, DocNumbering, String, IndexFiles)}. */
    public PassageExporter.Result exportPassages(String indexVersion, IndexFiles files) throws IOException {
        return PassageExporter.export(reader, numbering, indexVersion, files);
    }

    /**
     * What {@link #export} did: the state the next export starts from (its commit still to be
     * set by the caller), and why it was a full export (null when it updated the last one).
     */
    public record Exported(ExportState state, String fullReason) {
    }

    /**
     * The static index and the passages: the last export brought up to date in proportion to
     * {@code changes} when it can ({@link StaticIndexUpdate}), else a full export.
     *
     * @param last what the last export left, or null
     * @param changes what the sync before this changed in the index, or null
     * @param previous the last export's files
     * @param whyFull a reason the caller knows for a full export, or null
     */
    public Exported export(IndexFiles files, ExportState last, IndexChanges changes, IndexFiles.Previous previous,
            String whyFull) throws IOException {
        String reason = whyFull;
        if (reason == null) {
            if (last == null) {
                reason = "no state of the last search export";
            } else if (changes == null || last.commit() < 0 || last.commit() != changes.commitBefore()) {
                reason = "the search index changed since the last search export";
            } else if (changes.overflowed()) {
                reason = "more than " + IndexChanges.LIMIT + " articles changed";
            }
        }
        if (reason == null) {
            StaticIndexUpdate.Outcome update = StaticIndexUpdate.update(reader, numbering, last, changes, previous, files);
            if (update.reason() == null) {
                PassageExporter.export(reader, numbering, update.result().version(), update.changedNumbers(),
                        update.previousDocuments(), update.sourceOf(), previous, files);
                return new Exported(update.result().state(), null);
            }
            reason = update.reason();
        }
        StaticIndexExporter.Result full = StaticIndexExporter.export(reader, numbering, files);
        PassageExporter.export(reader, numbering, full.version(), files);
        return new Exported(full.state(), reason);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.decRef(); // close() for a reader of its own; one reference when shared with a RelatedKeeper
        } finally {
            directory.close();
        }
    }
}
