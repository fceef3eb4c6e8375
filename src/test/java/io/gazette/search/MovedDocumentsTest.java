package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document that only moved (a deletion or an older-dated article renumbers every later one)
 * keeps its row and passage record: an update takes them from the last export's files, under
 * the number it had there, and reads from the index only the documents without one. The old
 * files here hold marked rows and records, so what came from them shows.
 */
class MovedDocumentsTest {
    /** By number now: even documents were number d / 2 in the last export, odd ones are read from the index. */
    private static int[] sourceOf(int n) {
        int[] sourceOf = new int[n];
        for (int d = 0; d < n; d++) {
            sourceOf[d] = d % 2 == 0 ? d / 2 : -1;
        }
        return sourceOf;
    }

    @Test
    void movedDocumentsKeepTheirPassageRecordsFromTheLastPacks() throws IOException {
        try (DirectoryReader reader = SearchIndexer.inMemory(RelatedArticlesTest.bigArchive())) {
            DocNumbering numbering = DocNumbering.of(reader);
            int n = numbering.size();
            byte[][] marked = new byte[n][];
            for (int o = 0; o < n; o++) {
                marked[o] = ("old record " + o).getBytes(StandardCharsets.UTF_8);
            }
            Map<String, byte[]> last = Map.of(PassageExporter.packPath(0), PassageExporter.pack(marked));
            Map<String, byte[]> clean = new HashMap<>();
            PassageExporter.export(reader, numbering, "v", clean::put);
            Map<String, byte[]> now = new HashMap<>();
            BitSet everything = new BitSet();
            everything.set(0, n);
            PassageExporter.export(reader, numbering, "v", everything, n, sourceOf(n), new PreviousFiles(last), now::put);

            byte[][] records = PassageExporter.unpack(now.get(PassageExporter.packPath(0)), n);
            byte[][] fromIndex = PassageExporter.unpack(clean.get(PassageExporter.packPath(0)), n);
            assertThat(n).isGreaterThan(10);
            for (int d = 0; d < n; d++) {
                assertThat(records[d]).as("document " + d).isEqualTo(d % 2 == 0 ? marked[d / 2] : fromIndex[d]);
            }
        }
    }

    @Test
    void movedDocumentsKeepTheirRowsFromTheLastChunks() throws IOException {
        try (DirectoryReader reader = SearchIndexer.inMemory(RelatedArticlesTest.bigArchive())) {
            DocNumbering numbering = DocNumbering.of(reader);
            int n = numbering.size();
            Map<String, byte[]> last = new HashMap<>();
            for (int c = 0; c < DocChunks.count(numbering); c++) {
                StringBuilder chunk = new StringBuilder("[");
                for (int o = c * DocChunks.CHUNK; o < Math.min(n, (c + 1) * DocChunks.CHUNK); o++) {
                    chunk.append(o == c * DocChunks.CHUNK ? "" : ",\n").append("[\"old row ").append(o).append("\"]");
                }
                last.put(DocChunks.path(c), chunk.append("]\n").toString().getBytes(StandardCharsets.UTF_8));
            }
            DocChunks.OldRows rows = new DocChunks.OldRows(new PreviousFiles(last), n);
            int[] sourceOf = sourceOf(n);
            for (int c = 0; c < DocChunks.count(numbering); c++) {
                String clean = new String(DocChunks.chunk(reader.storedFields(), numbering, c), StandardCharsets.UTF_8);
                String now = new String(DocChunks.chunk(reader.storedFields(), numbering, c, sourceOf, rows),
                        StandardCharsets.UTF_8);
                String[] cleanRows = clean.substring(1, clean.length() - 2).split(",\n");
                String[] nowRows = now.substring(1, now.length() - 2).split(",\n");
                assertThat(now).startsWith("[").endsWith("]\n");
                assertThat(nowRows).hasSameSizeAs(cleanRows);
                for (int i = 0; i < nowRows.length; i++) {
                    int d = c * DocChunks.CHUNK + i;
                    assertThat(nowRows[i]).as("document " + d).isEqualTo(d % 2 == 0 ? "[\"old row " + d / 2 + "\"]" : cleanRows[i]);
                }
            }
            // Without sources every row is read: the clean chunk, byte for byte.
            assertThat(DocChunks.chunk(reader.storedFields(), numbering, 0, null, rows))
                    .isEqualTo(DocChunks.chunk(reader.storedFields(), numbering, 0));
        }
    }
}
