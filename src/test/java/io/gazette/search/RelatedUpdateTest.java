package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update after random edits (articles added, edited, re-dated, deleted) gives exactly the
 * lists, features and scores of a computation over the whole new index, and costs in proportion
 * to the edit.
 */
class RelatedUpdateTest {
    private static final int COUNT = 5;
    /** Onsets × rhymes: some 700 syllables, so that pairs are as varied as in news text. */
    private static final String[] SYLLABLES = syllables();
    private static final String[] TAGS = {"Thi đua", "Giao thông", "Kinh tế", "Y tế", "Giáo dục", "Thể thao", "Du lịch"};

    @TempDir
    Path dir;

    @Test
    void anUpdateAfterRandomEditsEqualsAComputationOverTheWholeIndex() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            Path indexDir = dir.resolve("index-" + seed);
            Map<String, SearchDocument> docs = new LinkedHashMap<>();
            for (int i = 0; i < 150; i++) {
                SearchDocument doc = randomDoc(random, "bai-" + i + "/");
                docs.put(doc.url(), doc);
            }
            SearchIndexer.rebuild(indexDir, new ArrayList<>(docs.values()));
            RelatedState state;
            try (DirectoryReader reader = open(indexDir)) {
                state = RelatedArticles.computeState(reader, DocNumbering.of(reader), COUNT, reader.getVersion());
            }
            int next = 150;
            int proportional = 0;
            int proven = 0;
            for (int step = 0; step < 30; step++) {
                try (DirectoryReader before = open(indexDir)) {
                    try (SearchIndexer indexer = SearchIndexer.open(indexDir)) {
                        int edits = random.nextInt(10) == 0 ? 3 : 1;
                        for (int e = 0; e < edits; e++) {
                            List<String> urls = new ArrayList<>(docs.keySet());
                            String url = urls.get(random.nextInt(urls.size()));
                            switch (docs.size() > 200 ? 1 + random.nextInt(3) : docs.size() < 140 ? 0 : random.nextInt(4)) {
                                case 0 -> {
                                    SearchDocument added = randomDoc(random, "moi-" + next++ + "/");
                                    docs.put(added.url(), added);
                                    indexer.update(added);
                                }
                                case 1 -> {
                                    docs.remove(url);
                                    indexer.delete(url);
                                }
                                case 2 -> {
                                    SearchDocument edited = edited(random, docs.get(url));
                                    docs.put(url, edited);
                                    indexer.update(edited);
                                }
                                default -> {
                                    SearchDocument old = docs.get(url);
                                    SearchDocument redated = new SearchDocument(url, old.title(), old.summary(), old.body(),
                                            old.tags(), old.category(), old.author(), old.date().plusDays(400));
                                    docs.put(url, redated);
                                    indexer.update(redated);
                                }
                            }
                        }
                    }
                    try (DirectoryReader after = open(indexDir)) {
                        DocNumbering numbering = DocNumbering.of(after);
                        RelatedUpdate.Outcome outcome = RelatedUpdate.update(state, before, DocNumbering.of(before), after,
                                numbering, COUNT, after.getVersion());
                        RelatedState expected = RelatedArticles.computeState(after, numbering, COUNT, after.getVersion());
                        assertThat(outcome.fullReason()).as("seed %d step %d", seed, step).isNull();
                        assertSame(outcome.state(), expected, "seed " + seed + " step " + step);
                        // What the keeper reports after a full computation: the same lists as the update's.
                        assertThat(RelatedUpdate.changedLists(state, expected)).as("changed lists, seed %d step %d", seed, step)
                                .isEqualTo(outcome.changedLists());
                        assertThat(outcome.stats().rescored()).as("lists scored again").isLessThan(numbering.size());
                        if (outcome.stats().rescored() < numbering.size() / 4) {
                            proportional++;
                        }
                        proven += outcome.stats().proven();
                        state = outcome.state();
                    }
                }
            }
            assertThat(proportional).as("updates that scored fewer than a quarter of the lists again").isGreaterThan(10);
            // Lists that lost an entry and were kept by the bound, not scored again, and still equal.
            assertThat(proven).as("lists kept by the bound, seed %d", seed).isPositive();
        }
    }

    @Test
    void anEditThatMovesNoTermsWeightCostsItsOwnListAndThoseNamingIt() throws IOException {
        Random random = new Random(11);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            docs.add(randomDoc(random, "bai-" + i + "/"));
        }
        Path indexDir = dir.resolve("index");
        SearchIndexer.rebuild(indexDir, docs);
        try (DirectoryReader before = open(indexDir)) {
            RelatedState state = RelatedArticles.computeState(before, DocNumbering.of(before), COUNT, before.getVersion());
            SearchDocument doc = docs.get(17);
            // The body said twice: the same terms, other frequencies, so no document frequency moves.
            SearchDocument edited = new SearchDocument(doc.url(), doc.title(), doc.summary(), doc.body() + "\n\n" + doc.body(),
                    doc.tags(), doc.category(), doc.author(), doc.date());
            try (SearchIndexer indexer = SearchIndexer.open(indexDir)) {
                indexer.update(edited);
            }
            long naming = state.toMap().values().stream().filter(list -> list.contains(doc.url())).count();
            try (DirectoryReader after = open(indexDir)) {
                DocNumbering numbering = DocNumbering.of(after);
                RelatedUpdate.Outcome outcome = RelatedUpdate.update(state, before, DocNumbering.of(before), after, numbering,
                        COUNT, after.getVersion());
                assertThat(outcome.stats().movedTerms()).isZero();
                assertThat(outcome.stats().derived()).isEqualTo(1);
                // Its features made again from the kept frequencies: of its terms, only the one
                // pair that joins the two copies of the body, which no document held, is looked up
                // in the index.
                DocTerms oldTerms = termsOf(before, doc.url());
                DocTerms newTerms = termsOf(after, doc.url());
                long gained = newTerms.pairs().keySet().stream().filter(t -> !oldTerms.pairs().containsKey(t)).count();
                assertThat(newTerms.pairs().size()).isGreaterThan(50);
                assertThat(outcome.stats().lookedUp()).isEqualTo((int) gained).isLessThanOrEqualTo(1);
                assertThat(outcome.stats().rescored()).isLessThanOrEqualTo(1 + (int) naming).isLessThan(docs.size() / 10);
                assertSame(outcome.state(), RelatedArticles.computeState(after, numbering, COUNT, after.getVersion()), "edit");
            }
        }
    }

    @Test
    void crossingAPowerOfTwoComputesEverything() throws IOException {
        Random random = new Random(3);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 127; i++) {
            docs.add(randomDoc(random, "bai-" + i + "/"));
        }
        Path indexDir = dir.resolve("index");
        SearchIndexer.rebuild(indexDir, docs);
        try (DirectoryReader before = open(indexDir)) {
            RelatedState state = RelatedArticles.computeState(before, DocNumbering.of(before), COUNT, before.getVersion());
            try (SearchIndexer indexer = SearchIndexer.open(indexDir)) {
                indexer.update(randomDoc(random, "moi/"));
            }
            try (DirectoryReader after = open(indexDir)) {
                RelatedUpdate.Outcome outcome = RelatedUpdate.update(state, before, DocNumbering.of(before), after,
                        DocNumbering.of(after), COUNT, after.getVersion());
                assertThat(outcome.state()).isNull();
                assertThat(outcome.fullReason()).contains("128");
            }
        }
    }

    @Test
    void upToMaxChangedArticlesAreAnUpdateAndOneMoreComputesEverything() throws IOException {
        // 2,100 articles, so that the eighth of the archive (262) lets MAX_CHANGED decide.
        for (int added : new int[] {RelatedUpdate.MAX_CHANGED, RelatedUpdate.MAX_CHANGED + 1}) {
            Random random = new Random(9);
            List<SearchDocument> docs = new ArrayList<>();
            for (int i = 0; i < 2100; i++) {
                docs.add(randomDoc(random, "bai-" + i + "/"));
            }
            Path indexDir = dir.resolve("index-" + added);
            SearchIndexer.rebuild(indexDir, docs);
            try (DirectoryReader before = open(indexDir)) {
                RelatedState state = RelatedArticles.computeState(before, DocNumbering.of(before), COUNT, before.getVersion());
                try (SearchIndexer indexer = SearchIndexer.open(indexDir)) {
                    for (int i = 0; i < added; i++) {
                        indexer.update(randomDoc(random, "moi-" + i + "/"));
                    }
                }
                try (DirectoryReader after = open(indexDir)) {
                    RelatedUpdate.Outcome outcome = RelatedUpdate.update(state, before, DocNumbering.of(before), after,
                            DocNumbering.of(after), COUNT, after.getVersion());
                    if (added <= RelatedUpdate.MAX_CHANGED) {
                        assertThat(outcome.state()).as(outcome.fullReason()).isNotNull();
                        assertSame(outcome.state(), RelatedArticles.computeState(after, DocNumbering.of(after), COUNT,
                                after.getVersion()), added + " added");
                    } else {
                        assertThat(outcome.state()).isNull();
                        assertThat(outcome.fullReason()).isEqualTo(added + " articles changed");
                    }
                }
            }
        }
    }

    @Test
    void aStateWrittenAndReadBackIsTheSame() throws Exception {
        Random random = new Random(5);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(randomDoc(random, "bai-" + i + "/"));
        }
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            RelatedState state = RelatedArticles.computeState(reader, DocNumbering.of(reader), COUNT, 42);
            Path file = dir.resolve("related");
            state.write(file);
            assertThat(RelatedState.read(file).commitId).as("none known").isNull();
            state.commitId = new byte[] {7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
            state.write(file);
            RelatedState read = RelatedState.read(file);
            assertSame(read, state, "read back");
            assertThat(read.indexVersion).isEqualTo(42);
            assertThat(read.commitId).isEqualTo(state.commitId);
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            java.nio.file.Files.write(file, bytes);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelatedState.read(file))
                    .isInstanceOf(RelatedState.Unusable.class);
            java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelatedState.read(file))
                    .isInstanceOf(RelatedState.Unusable.class);
        }
    }

    /**
     * Lists kept with the id of the index commit they are of are updated without numbering that
     * commit again (the gone article found by its url); kept with another commit's id they are
     * checked against its numbering as before. Both give the lists of a whole computation.
     */
    @Test
    void listsKeptWithTheirCommitsIdAreUpdatedWithoutNumberingItAgain() throws Exception {
        Random random = new Random(8);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            docs.add(randomDoc(random, "bai-" + i + "/"));
        }
        Path indexDir = dir.resolve("search-index");
        Path file = dir.resolve("related-articles");
        SearchIndexer.rebuild(indexDir, docs);
        try (RelatedKeeper first = RelatedKeeper.before(indexDir, null, file); SearchIndex index = SearchIndex.open(indexDir)) {
            RelatedKeeper.Result result = first.after(index, COUNT);
            assertThat(result.kept().state.commitId).isEqualTo(RelatedState.commitId(index.reader())).isNotNull();
            result.write(file);
        }
        for (boolean sameId : new boolean[] {true, false}) {
            if (!sameId) {
                RelatedState other = RelatedState.read(file);
                other.commitId[0] ^= 1; // as if kept with another commit of the same version
                other.write(file);
            }
            try (RelatedKeeper keeper = RelatedKeeper.before(indexDir, null, file)) {
                String gone = docs.remove(17 + (sameId ? 0 : 1)).url();
                try (SearchIndexer indexer = SearchIndexer.open(indexDir)) {
                    indexer.delete(gone);
                }
                try (SearchIndex index = SearchIndex.open(indexDir)) {
                    RelatedKeeper.Result result = keeper.after(index, COUNT);
                    assertThat(result.fullReason()).isNull();
                    assertThat(result.updateReport()).as("same id: %s", sameId)
                            .contains(sameId ? "last version known by its commit" : "last version numbered in");
                    assertThat(result.lists()).isEqualTo(RelatedArticles.compute(index.reader(), index.numbering(), COUNT));
                    assertThat(result.changedLists()).contains(gone);
                    result.write(file);
                }
            }
        }
    }

    /**
     * A sync that starts from the commit the kept lists are of reads the old versions from the
     * keeper's reader (lent: left open), and the synced index is made from that reader: the very
     * reader (numbered already) when nothing changed, outliving the keeper; only the new segments
     * opened after an edit, an addition and a deletion. Either way the same documents, numbers and
     * lists as a fresh open of the index.
     */
    @Test
    void theSyncBorrowsTheKeptCommitAndTheSyncedIndexIsMadeFromIt() throws Exception {
        Random random = new Random(21);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            docs.add(randomDoc(random, "bai-" + i + "/"));
        }
        Path indexDir = dir.resolve("search-index");
        Path file = dir.resolve("related-articles");
        SearchIndexer.rebuild(indexDir, docs);
        try (RelatedKeeper first = RelatedKeeper.before(indexDir, null, file); SearchIndex index = SearchIndex.open(indexDir)) {
            first.after(index, COUNT).write(file);
        }
        long version = SearchIndexer.commitVersion(indexDir);

        SearchIndex same;
        DirectoryReader kept;
        try (RelatedKeeper keeper = RelatedKeeper.before(indexDir, null, file).numberPrior()) {
            kept = keeper.commitOpen(version);
            assertThat(kept).isNotNull();
            assertThat(keeper.commitOpen(version + 1)).as("another commit").isNull();
            same = keeper.synced(indexDir);
            assertThat(same.reader()).isSameAs(kept);
            RelatedKeeper.Result result = keeper.after(same, COUNT);
            assertThat(result.changedLists()).isEmpty();
        }
        try (SearchIndex index = same; SearchIndex fresh = SearchIndex.open(indexDir)) {
            assertThat(urls(index.numbering())).isEqualTo(urls(fresh.numbering()));
            assertThat(RelatedArticles.compute(index.reader(), index.numbering(), COUNT))
                    .isEqualTo(RelatedArticles.compute(fresh.reader(), fresh.numbering(), COUNT));
        }
        assertThat(kept.getRefCount()).as("closed by the keeper and the index, once each").isZero();

        try (RelatedKeeper keeper = RelatedKeeper.before(indexDir, null, file)) {
            DirectoryReader lent = keeper.commitOpen(version);
            SearchDocument edited = new SearchDocument(docs.get(5).url(), "Tiêu đề mới", docs.get(5).summary(),
                    words(random, 40), docs.get(5).tags(), docs.get(5).category(), docs.get(5).author(), docs.get(5).date());
            SearchDocument added = randomDoc(random, "moi/");
            String gone = docs.get(9).url();
            IndexChanges changes = new IndexChanges(version);
            assertThat(SearchIndexer.update(indexDir, java.util.stream.Stream.of(edited, added), List.of(gone), changes, lent))
                    .isEqualTo(3);
            assertThat(lent.getRefCount()).as("lent, not closed").isPositive();
            assertThat(changes.urls()).containsExactlyInAnyOrder(edited.url(), added.url(), gone);
            assertThat(changes.keysBefore(edited.url())).as("the old version, read from the lent commit").isNotEmpty();
            try (SearchIndex synced = keeper.synced(indexDir); SearchIndex fresh = SearchIndex.open(indexDir)) {
                assertThat(synced.reader()).isNotSameAs(lent);
                assertThat(synced.version()).isEqualTo(fresh.version()).isEqualTo(SearchIndexer.commitVersion(indexDir));
                assertThat(urls(synced.numbering())).isEqualTo(urls(fresh.numbering())).hasSize(120)
                        .contains(added.url()).doesNotContain(gone);
                RelatedKeeper.Result result = keeper.after(synced, COUNT);
                assertThat(result.fullReason()).isNull();
                assertThat(result.lists()).isEqualTo(RelatedArticles.compute(fresh.reader(), fresh.numbering(), COUNT));
            }
        }
    }

    /**
     * The lists handed to the site model by number are the map of url → related urls, newest
     * article first, each list in its order.
     */
    @Test
    void relatedListsByNumberAreTheMapOfUrls() throws IOException {
        Random random = new Random(5);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            docs.add(randomDoc(random, "bai-" + i + "/"));
        }
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            DocNumbering numbering = DocNumbering.of(reader);
            RelatedState state = RelatedArticles.computeState(reader, numbering, COUNT, 1);
            RelatedLists lists = state.toMap();
            Map<String, List<String>> expected = new LinkedHashMap<>();
            for (int d = state.size() - 1; d >= 0; d--) {
                List<String> list = new ArrayList<>();
                for (int k = 0; k < lists.listSize(d); k++) {
                    list.add(numbering.url(lists.entry(d, k)));
                }
                assertThat(lists.url(d)).isEqualTo(numbering.url(d));
                expected.put(numbering.url(d), list);
            }
            assertThat(lists.articles()).isEqualTo(60);
            assertThat(lists).isEqualTo(expected);
            assertThat(new ArrayList<>(lists.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
            assertThat(expected.values()).anyMatch(list -> !list.isEmpty());
        }
    }

    private static List<String> urls(DocNumbering numbering) {
        List<String> urls = new ArrayList<>();
        for (int d = 0; d < numbering.size(); d++) {
            urls.add(numbering.url(d));
        }
        return urls;
    }

    /**
     * The inverted feature lists are kept in the file, so that the next process patches them: read
     * back, they are exactly those sorted from the features; a state without them reads back
     * without them; and entries that are not exactly the features' lists are refused.
     */
    @Test
    void theInvertedListsAreKeptInTheFileAndOnlyExactOnesAreTaken() throws Exception {
        Random random = new Random(11);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            docs.add(randomDoc(random, "bai-" + i + "/"));
        }
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            RelatedState state = RelatedArticles.computeState(reader, DocNumbering.of(reader), COUNT, 3);
            int n = state.size();
            long[] sorted = new FeatureLists(state.tops, n).entries();
            Path file = dir.resolve("related-inverted");
            state.write(file);
            RelatedState read = RelatedState.read(file);
            assertThat(read.inverted).isNotNull();
            assertThat(read.inverted.entries()).isEqualTo(sorted);

            state.inverted = null;
            state.write(file);
            assertThat(RelatedState.read(file).inverted).isNull();
            assertSame(RelatedState.read(file), state, "read back without lists");

            assertThat(FeatureLists.of(state.tops, n, sorted.clone())).isNotNull();
            long[] swapped = sorted.clone();
            long first = swapped[0];
            swapped[0] = swapped[swapped.length - 1];
            swapped[swapped.length - 1] = first;
            assertThat(FeatureLists.of(state.tops, n, swapped)).as("out of order").isNull();
            assertThat(FeatureLists.of(state.tops, n, java.util.Arrays.copyOf(sorted, sorted.length - 1)))
                    .as("one missing").isNull();
            long[] repeated = sorted.clone();
            repeated[1] = repeated[0];
            assertThat(FeatureLists.of(state.tops, n, repeated)).as("one twice").isNull();
            long[] outside = sorted.clone();
            outside[outside.length - 1] |= (1L << 40) - 1; // a slot past every document's features
            assertThat(FeatureLists.of(state.tops, n, outside)).as("a slot outside").isNull();
        }
    }

    /**
     * A state of many buffers' size (the file is read and written 64 KB at a time, summed a
     * buffer at a time): read back the same, its sum that of every byte before it (the layout
     * earlier Gazettes wrote), and a damaged byte anywhere in it is caught.
     */
    @Test
    void aStateOfManyBuffersReadsBackAndADamagedByteAnywhereIsCaught() throws Exception {
        Random random = new Random(7);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            docs.add(randomDoc(random, "bai-so-" + i + "/"));
        }
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            RelatedState state = RelatedArticles.computeState(reader, DocNumbering.of(reader), COUNT, 7);
            Path file = dir.resolve("related-many");
            state.write(file);
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            assertThat(bytes.length).isGreaterThan(3 << 16);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            assertThat(java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()).isEqualTo(crc.getValue());
            assertSame(RelatedState.read(file), state, "read back");
            for (int at : new int[] {(1 << 16) - 1, 1 << 16, (1 << 16) + 5, bytes.length / 2, bytes.length - 9,
                    bytes.length - 1}) {
                byte[] damaged = bytes.clone();
                damaged[at] ^= 1;
                java.nio.file.Files.write(file, damaged);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelatedState.read(file)).as("byte %d", at)
                        .isInstanceOf(RelatedState.Unusable.class);
            }
            java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length + 1));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelatedState.read(file))
                    .isInstanceOf(RelatedState.Unusable.class);
        }
    }

    private static void assertSame(RelatedState actual, RelatedState expected, String where) {
        assertThat(actual.toMap()).as(where).isEqualTo(expected.toMap());
        if (actual.inverted != null && expected.inverted != null) {
            assertThat(actual.inverted.entries()).as(where + " inverted lists").isEqualTo(expected.inverted.entries());
        }
        // The frequencies the next update starts from: those a whole computation counts.
        assertThat(actual.frequencies.asMap()).as(where + " frequencies").isEqualTo(expected.frequencies.asMap());
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int d = 0; d < expected.size(); d++) {
            assertThat(actual.describe(d)).as(where + " features of " + expected.urls[d]).isEqualTo(expected.describe(d));
            assertThat(actual.norms[d]).isEqualTo(expected.norms[d]);
            for (int k = 0; k < expected.listSizes[d]; k++) {
                assertThat(actual.scores[d * COUNT + k]).as(where + " score").isEqualTo(expected.scores[d * COUNT + k]);
            }
        }
    }

    private static DocTerms termsOf(DirectoryReader reader, String url) throws IOException {
        DocNumbering numbering = DocNumbering.of(reader);
        for (int d = 0; d < numbering.size(); d++) {
            if (numbering.url(d).equals(url)) {
                return DocTerms.read(reader.storedFields(), numbering.luceneDoc(d));
            }
        }
        throw new AssertionError("no " + url);
    }

    private static DirectoryReader open(Path indexDir) throws IOException {
        return DirectoryReader.open(FSDirectory.open(indexDir));
    }

    private static String[] syllables() {
        String[] onsets = "b c ch d đ g h k kh l m n ng nh p ph qu r s t th tr v x".split(" ");
        String[] rhymes = "a ai an ang anh ao at ăn âm e em ên i inh it o oa oi ong ô ôi ông ơ u ung ư ương uy".split(" ");
        List<String> out = new ArrayList<>();
        for (String rhyme : rhymes) {
            for (String onset : onsets) {
                out.add(onset + rhyme);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Text drawn with a skew towards the first syllables, so that pairs have all kinds of frequencies. */
    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            int at = (int) (SYLLABLES.length * u * u);
            text.append(SYLLABLES[at]).append(i % 9 == 8 ? ". " : " ");
        }
        return text.toString();
    }

    private static SearchDocument randomDoc(Random random, String url) {
        List<String> tags = new ArrayList<>();
        for (int t = random.nextInt(3); t > 0; t--) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        return new SearchDocument(url, words(random, 4 + random.nextInt(6)), words(random, random.nextInt(12)),
                words(random, 20 + random.nextInt(60)), tags, "Tin tức", "Quỳnh Anh",
                LocalDate.of(2010 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    }

    private static SearchDocument edited(Random random, SearchDocument doc) {
        return switch (random.nextInt(3)) {
            case 0 -> new SearchDocument(doc.url(), words(random, 5), doc.summary(), doc.body(), doc.tags(),
                    doc.category(), doc.author(), doc.date());
            case 1 -> new SearchDocument(doc.url(), doc.title(), doc.summary(), doc.body() + " " + words(random, 15),
                    doc.tags(), doc.category(), doc.author(), doc.date());
            default -> new SearchDocument(doc.url(), doc.title(), doc.summary(), doc.body(),
                    List.of(TAGS[random.nextInt(TAGS.length)]), doc.category(), doc.author(), doc.date());
        };
    }
}
