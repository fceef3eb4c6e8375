package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What document numbers with holes would cost the static index (BENCHMARKS.md, "Document numbering
 * with holes"): numbering that leaves free numbers in each day, so that a deletion or an article
 * dated before others moves a few neighbours instead of every newer article, makes every set
 * span more numbers. This measures that cost without changing the exporter: it exports a build's
 * documents once as they are and once per load factor with empty documents (no terms) standing
 * for the holes, {@code ceil(c / alpha) - c} of them among the {@code c} articles of each day, at
 * random places; then {@code src/test/js/bench-bytes.mjs OUT-<alpha>} gives bytes per query. An
 * upper bound: the empty documents are listed in the "every document but" sets, which a real
 * numbering with holes would leave out. Not a test.
 * <pre>
 * java -Xmx2g -cp "target/classes:target/test-classes:target/lib/*" io.gazette.search.HoleDensityExperiment \
 *     SITE/.gazette/cache/search-index OUT 1.0 0.7 0.6
 * </pre>
 */
public final class HoleDensityExperiment {
    private HoleDensityExperiment() {
    }

    public static void main(String[] args) throws Exception {
        List<SearchDocument> docs = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(dir)) {
            DocNumbering numbering = DocNumbering.of(reader);
            StoredFields stored = reader.storedFields();
            for (int i = 0; i < numbering.size(); i++) {
                docs.add(SearchFields.fromStored(stored.document(numbering.luceneDoc(i))));
            }
        }
        Map<LocalDate, List<SearchDocument>> byDay = new TreeMap<>();
        for (SearchDocument d : docs) {
            byDay.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d);
        }
        for (int a = 2; a < args.length; a++) {
            double alpha = Double.parseDouble(args[a]);
            Random random = new Random(42);
            List<SearchDocument> all = new ArrayList<>(docs);
            int holes = 0;
            for (Map.Entry<LocalDate, List<SearchDocument>> day : byDay.entrySet()) {
                int c = day.getValue().size();
                int extra = (int) Math.ceil(c / alpha) - c;
                for (int h = 0; h < extra; h++) {
                    String next = day.getValue().get(random.nextInt(c)).url() + "~" + h;
                    all.add(new SearchDocument(next, null, null, null, List.of(), null, null, day.getKey()));
                }
                holes += extra;
            }
            Path out = Path.of(args[1] + "-" + args[a]);
            IndexFolderUpdate files = new IndexFolderUpdate(out);
            try (DirectoryReader reader = SearchIndexer.inMemory(all)) {
                DocNumbering numbering = DocNumbering.of(reader);
                StaticIndexExporter.Result result = StaticIndexExporter.export(reader, numbering, files);
                PassageExporter.export(reader, numbering, result.version(), files);
                files.deleteOthers();
                long shards = result.paths().stream().filter(p -> p.startsWith("search/t/")).count();
                System.out.printf("alpha %s: %d articles + %d holes, %d files (%d shards), %d bytes%n", args[a],
                        docs.size(), holes, result.files(), shards, result.bytes());
            }
        }
    }
}
