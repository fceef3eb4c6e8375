package io.gazette.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Related articles on a real index (the {@code .gazette/cache/search-index} a build left):
 * <pre>
 * java -cp target/classes:target/test-classes:target/lib/* io.gazette.search.RelatedCompare INDEX quality
 * java -cp … io.gazette.search.RelatedCompare INDEX update EDITS   (works on a copy of INDEX)
 * </pre>
 * {@code quality}: the lists of the definition before {@link RelatedWeights} (exact
 * {@code log(n/df)}, {@link LegacyRelatedArticles}) against today's, top-5 overlap. {@code update}:
 * one edit at a time (a title edited, an article added, one deleted), the update's time and what
 * it computed against a whole computation, and the two compared for the first edits.
 */
public final class RelatedCompare {
    private RelatedCompare() {
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        if (args[1].equals("quality")) {
            quality(index);
        } else {
            update(index, Integer.parseInt(args[2]));
        }
    }

    private static void quality(Path index) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            DocNumbering numbering = DocNumbering.of(reader);
            for (int warm = 0; warm < 2; warm++) {
                long t0 = System.nanoTime();
                Map<String, List<String>> before = LegacyRelatedArticles.compute(reader, numbering, 5);
                long t1 = System.nanoTime();
                Map<String, List<String>> now = RelatedArticles.compute(reader, numbering, 5);
                long t2 = System.nanoTime();
                long shared = 0;
                int same = 0;
                int sameFirst = 0;
                int sameSet = 0;
                int[] histogram = new int[6];
                for (Map.Entry<String, List<String>> e : before.entrySet()) {
                    List<String> a = e.getValue();
                    List<String> b = now.get(e.getKey());
                    Set<String> common = new HashSet<>(a);
                    common.retainAll(b);
                    shared += common.size();
                    histogram[common.size()]++;
                    same += a.equals(b) ? 1 : 0;
                    sameSet += common.size() == a.size() && a.size() == b.size() ? 1 : 0;
                    sameFirst += !a.isEmpty() && !b.isEmpty() && a.get(0).equals(b.get(0)) ? 1 : 0;
                }
                int n = before.size();
                if (warm == 0) {
                    // An independent check of relevance: how often a related article shares the
                    // article's category, and a tag.
                    Map<String, String> category = new java.util.HashMap<>();
                    Map<String, Set<String>> tags = new java.util.HashMap<>();
                    for (int d = 0; d < numbering.size(); d++) {
                        Document doc = reader.storedFields().document(numbering.luceneDoc(d));
                        category.put(numbering.url(d), String.valueOf(doc.get("category")));
                        tags.put(numbering.url(d), Set.of(doc.getValues("tags")));
                    }
                    for (Map<String, List<String>> lists : List.of(before, now)) {
                        long entries = 0;
                        long sameCategory = 0;
                        long sharedTag = 0;
                        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
                            for (String other : e.getValue()) {
                                entries++;
                                sameCategory += category.get(other).equals(category.get(e.getKey())) ? 1 : 0;
                                sharedTag += tags.get(other).stream().anyMatch(tags.get(e.getKey())::contains) ? 1 : 0;
                            }
                        }
                        System.out.printf("%s: %d related entries, same category %.1f %%, a tag in common %.1f %%%n",
                                lists == before ? "legacy" : "now", entries, 100.0 * sameCategory / entries,
                                100.0 * sharedTag / entries);
                    }
                }
                System.out.printf("%d articles: legacy %d ms, now %d ms%n", n, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
                System.out.printf("top-5 overlap %.1f %% (%d of %d), identical lists %.1f %%, same five %.1f %%,"
                                + " same first %.1f %%; articles sharing 0..5: %s%n",
                        100.0 * shared / (5.0 * n), shared, 5L * n, 100.0 * same / n, 100.0 * sameSet / n,
                        100.0 * sameFirst / n, Arrays.toString(histogram));
            }
        }
    }

    private static void update(Path source, int edits) throws IOException {
        Path copy = Files.createTempDirectory("related-compare");
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Random random = new Random(1);
        RelatedState state;
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(copy))) {
            long t0 = System.nanoTime();
            state = RelatedArticles.computeState(reader, DocNumbering.of(reader), 5, reader.getVersion());
            System.out.printf("whole computation: %d ms (%d articles)%n", (System.nanoTime() - t0) / 1_000_000, state.size());
        }
        long total = 0;
        long[] times = new long[edits];
        for (int e = 0; e < edits; e++) {
            try (DirectoryReader before = DirectoryReader.open(FSDirectory.open(copy))) {
                DocNumbering beforeNumbering = DocNumbering.of(before);
                int pick = random.nextInt(beforeNumbering.size());
                Document stored = before.storedFields().document(beforeNumbering.luceneDoc(pick));
                String url = beforeNumbering.url(pick);
                String kind;
                try (SearchIndexer indexer = SearchIndexer.open(copy)) {
                    switch (e % 3) {
                        case 0 -> {
                            kind = "title edited";
                            indexer.update(documentOf(url, stored, stored.get("title") + " (cập nhật " + e + ")", null));
                        }
                        case 1 -> {
                            kind = "article added";
                            indexer.update(documentOf("moi/" + e + "/", stored, stored.get("title"), LocalDate.of(2030, 1, 1 + e % 28)));
                        }
                        default -> {
                            kind = "article deleted";
                            indexer.delete(url);
                        }
                    }
                }
                try (DirectoryReader after = DirectoryReader.open(FSDirectory.open(copy))) {
                    long t0 = System.nanoTime();
                    DocNumbering numbering = DocNumbering.of(after);
                    RelatedUpdate.Outcome outcome = RelatedUpdate.update(state, before, beforeNumbering, after, numbering, 5,
                            after.getVersion());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    times[e] = ms;
                    total += ms;
                    System.out.printf("%-16s %5d ms  %s%s%n", kind, ms,
                            outcome.stats() == null ? "" : outcome.stats(), outcome.fullReason() == null ? "" : outcome.fullReason());
                    if (outcome.state() == null) {
                        return;
                    }
                    if (e < 3) {
                        RelatedState expected = RelatedArticles.computeState(after, numbering, 5, after.getVersion());
                        System.out.println("  same lists as a whole computation: " + expected.toMap().equals(outcome.state().toMap()));
                    }
                    state = outcome.state();
                }
            }
        }
        Arrays.sort(times);
        System.out.printf("updates: mean %d ms, median %d ms, max %d ms%n", total / edits, times[edits / 2], times[edits - 1]);
    }

    private static SearchDocument documentOf(String url, Document stored, String title, LocalDate date) {
        String storedDate = stored.get("date");
        return new SearchDocument(url, title, stored.get("summary") == null ? "" : stored.get("summary"),
                String.join("\n\n", stored.getValues("body")), List.of(stored.getValues("tags")),
                stored.get("category") == null ? "" : stored.get("category"), null,
                date != null ? date : storedDate == null ? null : LocalDate.parse(storedDate));
    }
}
