package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

import java.nio.file.Path;

/**
 * Exports the static index of a build's Lucene index once per shard target size, for the
 * trade-off table in BENCHMARKS.md (files against bytes per query; measure each output with
 * {@code src/test/js/bench-bytes.mjs}). Not a test.
 * <pre>
 * java -cp target/classes:target/test-classes:target/lib/* io.gazette.search.ShardSizeTradeoff \
 *     SITE/.gazette/cache/search-index OUT 1536 2048 2560 3072 4096
 * </pre>
 * writes {@code OUT-<size>/search/} for each size; {@code -Dsplit=BYTES} splits entries above
 * another size than {@link StaticIndexExporter#SPLIT_BYTES} (the split trade-off).
 */
public final class ShardSizeTradeoff {
    private ShardSizeTradeoff() {
    }

    public static void main(String[] args) throws Exception {
        try (FSDirectory dir = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(dir)) {
            DocNumbering numbering = DocNumbering.of(reader);
            for (int i = 2; i < args.length; i++) {
                int target = Integer.parseInt(args[i]);
                Path out = Path.of(args[1] + "-" + target);
                IndexFolderUpdate files = new IndexFolderUpdate(out);
                StaticIndexExporter.Result result = StaticIndexExporter.export(reader, numbering, files, target,
                        Integer.getInteger("split", StaticIndexExporter.SPLIT_BYTES));
                PassageExporter.export(reader, numbering, result.version(), files);
                files.deleteOthers();
                System.out.printf("target %d: %d files, %d bytes%n", target, result.files(), result.bytes());
            }
        }
    }
}
