package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCorpusTest {

    /** The corpus's own scanner (char-range interning, parallel ranges) must see what scan() sees. */
    @Test
    void tokensAreExactlyTheScannedSyllables() {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.archive());
        docs.addAll(RelatedArticlesTest.bigArchive());
        for (String input : AnalyzerVectorsTest.INPUTS) {
            docs.add(new SearchDocument("v/" + docs.size() + "/", input, input,
                    Normalizer.normalize(input, Normalizer.Form.NFD) + " " + input,
                    List.of(input, "!!!", "Thi đua"), input, input, null));
        }
        // Enough documents for several ranges, so ids cross range boundaries.
        Random random = new Random(5);
        String[] words = {"Thi", "đua", "ĐUA", "đua", "Khen", "thưởng", "x".repeat(70), "👍🏽", "số 12", "\ud800"};
        for (int i = 0; i < 300; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                body.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : ", ");
            }
            docs.add(new SearchDocument("r/" + i + "/", "Bài " + i, "", body.toString(), List.of(),
                    null, null, LocalDate.of(2010, 1, 1).plusDays(i)));
        }
        SearchCorpus corpus = SearchCorpus.of(docs);

        assertThat(corpus.size()).isEqualTo(docs.size());
        for (int d = 0; d < corpus.size(); d++) {
            SearchDocument doc = corpus.docs.get(d);
            for (int f = 0; f < SearchFields.TEXT_FIELDS.size(); f++) {
                List<List<String>> expected = new ArrayList<>();
                for (String value : SearchFields.values(doc, SearchFields.TEXT_FIELDS.get(f))) {
                    expected.add(VietnameseAnalyzer.tokens(value, false));
                }
                assertThat(values(corpus, corpus.tokens[d][f])).as("%s %s", doc.url(), SearchFields.TEXT_FIELDS.get(f))
                        .isEqualTo(withoutEmpty(expected));
                for (int exact : corpus.tokens[d][f]) {
                    if (exact != SearchCorpus.VALUE_BREAK) {
                        assertThat(corpus.foldeds.get(corpus.foldedOf[exact]))
                                .isEqualTo(VietnameseTokens.fold(corpus.exacts.get(exact)));
                    }
                }
            }
            List<String> tagKeys = SearchFields.values(doc, "tags").stream().map(VietnameseTokens::tagKey).toList();
            assertThat(corpus.tagKeys[d]).containsExactlyElementsOf(tagKeys);
        }
    }

    @Test
    void numbersDoNotDependOnTheInputOrder() {
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        SearchCorpus first = SearchCorpus.of(docs);
        Collections.shuffle(docs, new Random(11));
        SearchCorpus second = SearchCorpus.of(docs);
        assertThat(second.exacts).isEqualTo(first.exacts);
        assertThat(second.foldeds).isEqualTo(first.foldeds);
        assertThat(second.tokens).isDeepEqualTo(first.tokens);
    }

    /** A build exports, relates and indexes one corpus from several threads while pages render. */
    @Test
    void oneCorpusServesSeveralThreadsAtOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        docs.addAll(SearchFixtures.archive());
        SearchCorpus corpus = SearchCorpus.of(docs);
        var expectedRelated = new RelatedArticles(SearchCorpus.of(docs)).compute(5);
        var expectedExport = StaticIndexExporter.export(docs, dir.resolve("expected"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int run = i;
                runs.add(pool.submit(() -> new RelatedArticles(corpus).compute(5)));
                runs.add(pool.submit(() -> {
                    var sink = new io.gazette.output.DirectorySink(dir.resolve("export-" + run));
                    return StaticIndexExporter.export(corpus, sink);
                }));
                runs.add(pool.submit(() -> {
                    SearchIndexer.rebuild(dir.resolve("index-" + run), corpus);
                    try (SearchService search = SearchService.open(dir.resolve("index-" + run))) {
                        return search.search("thi dua", 5);
                    }
                }));
            }
            for (int i = 0; i < runs.size(); i++) {
                Object result = runs.get(i).get();
                switch (i % 3) {
                    case 0 -> assertThat(result).isEqualTo(expectedRelated);
                    case 1 -> assertThat(result).isEqualTo(expectedExport);
                    default -> assertThat((List<?>) result).hasSize(5);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Token strings of each value; breaks separate values, and values without tokens vanish. */
    private static List<List<String>> values(SearchCorpus corpus, int[] ids) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int id : ids) {
            if (id == SearchCorpus.VALUE_BREAK) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(corpus.exacts.get(id));
            }
        }
        out.add(current);
        return withoutEmpty(out);
    }

    private static List<List<String>> withoutEmpty(List<List<String>> values) {
        return values.stream().filter(v -> !v.isEmpty()).toList();
    }
}
