package io.gazette.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StreamedIndexDirectoryTest {
    /**
     * The build's index files are read into buffers, not mapped (a mapped page stays in the
     * build's resident memory until the reader closes), with the merge-sized buffers of a stream.
     */
    @Test
    void everyIndexFileIsReadIntoMergeSizedBuffersNotMapped(@TempDir Path dir) throws Exception {
        SearchIndexer.rebuild(dir, RelatedArticlesTest.bigArchive());
        try (Directory streamed = StreamedIndexDirectory.open(dir)) {
            String[] files = streamed.listAll();
            assertThat(files).isNotEmpty();
            for (String file : files) {
                if (file.equals("write.lock")) {
                    continue;
                }
                try (IndexInput input = streamed.openInput(file, IOContext.READ)) {
                    assertThat(input).as(file).isInstanceOf(BufferedIndexInput.class);
                    assertThat(((BufferedIndexInput) input).getBufferSize()).as(file)
                            .isEqualTo(BufferedIndexInput.MERGE_BUFFER_SIZE);
                }
            }
        }
    }

    /** The build's readers, on this directory, see what a mapped reader sees: the same related lists. */
    @Test
    void theBuildsReaderGivesTheRelatedListsOfAMappedOne(@TempDir Path dir) throws Exception {
        SearchIndexer.rebuild(dir, RelatedArticlesTest.bigArchive());
        Map<String, List<String>> streamed;
        try (SearchIndex index = SearchIndex.open(dir)) {
            streamed = index.related(5);
        }
        Map<String, List<String>> mapped;
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            mapped = RelatedArticles.compute(reader, DocNumbering.of(reader), 5);
        }
        assertThat(streamed).isNotEmpty().isEqualTo(mapped);
    }
}
