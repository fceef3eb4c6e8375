package io.gazette.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static io.gazette.search.SearchFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

class SearchServiceTest {
    @TempDir
    Path dir;

    private List<String> urls(List<SearchDocument> docs, String query) throws IOException {
        Path index = dir.resolve("index-" + Integer.toHexString(docs.hashCode() ^ query.hashCode()));
        SearchIndexer.rebuild(index, docs);
        try (SearchService search = SearchService.open(index)) {
            return search.search(query, 20).stream().map(SearchHit::url).toList();
        }
    }

    @Test
    void exactDiacriticsOutrankFoldedOnlyMatches() throws IOException {
        List<SearchDocument> docs = List.of(
                doc("exact/", "Tin", "Giải đua xe.", "2014-01-01"),
                doc("folded/", "Tin", "Vườn dừa xe.", "2020-01-01"));
        assertThat(urls(docs, "đua")).containsExactly("exact/", "folded/");
        // Without diacritics neither spelling is exact: the newer one wins.
        assertThat(urls(docs, "dua")).containsExactly("folded/", "exact/");
    }

    @Test
    void adjacentSyllablesOutrankScatteredOnes() throws IOException {
        List<SearchDocument> docs = List.of(
                doc("phrase/", "Tin", "Phong trào thi đua yêu nước.", "2014-01-01"),
                doc("scattered/", "Thi cử", "Kỳ thi xong rồi mới đua xe.", "2020-01-01"));
        assertThat(urls(docs, "thi dua")).containsExactly("phrase/", "scattered/");
    }

    @Test
    void titleOutranksBody() throws IOException {
        List<SearchDocument> docs = List.of(
                doc("title/", "Khen thưởng cuối năm", "Nội dung khác.", "2014-01-01"),
                doc("body/", "Tin tức", "Công tác khen thưởng cuối năm.", "2020-01-01"));
        assertThat(urls(docs, "khen thuong")).containsExactly("title/", "body/");
    }

    @Test
    void tiesGoToTheNewerDocument() throws IOException {
        List<SearchDocument> docs = List.of(
                doc("old/", "Khen thưởng", "Khen thưởng.", "2014-01-01"),
                doc("new/", "Khen thưởng", "Khen thưởng.", "2016-01-01"),
                doc("mid/", "Khen thưởng", "Khen thưởng.", "2015-01-01"));
        assertThat(urls(docs, "khen thưởng")).containsExactly("new/", "mid/", "old/");
    }

    @Test
    void foldedPhraseSpansPunctuation() throws IOException {
        List<String> found = urls(SearchFixtures.archive(), "thi dua khen thuong");
        assertThat(found).first().isEqualTo("2015/01/tong-ket-nam-2014/");
        // "thi đua, khen thưởng" (comma between) is in the body of the seed article.
        assertThat(found).contains("2014/08/hoi-nghi-so-ket/");
        // Every syllable is there but never adjacent: found, after the phrases.
        assertThat(found).endsWith("2018/06/khen-thuong-rai-rac/");
    }

    @Test
    void everySyllableMustMatch() throws IOException {
        assertThat(urls(SearchFixtures.archive(), "đua thuyền")).containsExactly("2017/05/dua-thuyen/");
        assertThat(urls(SearchFixtures.archive(), "khong co tu nay")).isEmpty();
        assertThat(urls(SearchFixtures.archive(), "  ,;  ")).isEmpty();
    }

    @Test
    void snippetHighlightsMatchesInTheirOriginalSpellingAndIsHtmlSafe() throws IOException {
        SearchIndexer.rebuild(dir, SearchFixtures.archive());
        try (SearchService search = SearchService.open(dir)) {
            SearchHit seed = search.search("thi dua khen thuong", 10).stream()
                    .filter(h -> h.url().equals("2014/08/hoi-nghi-so-ket/")).findFirst().orElseThrow();
            assertThat(seed.snippetMarked("[", "]")).contains("[thi] [đua], [khen] [thưởng]");
            assertThat(seed.snippetHtml()).contains("<mark>thi</mark> <mark>đua</mark>, <mark>khen</mark> <mark>thưởng</mark>");
            assertThat(seed.date()).isEqualTo(LocalDate.of(2014, 8, 18));
            assertThat(seed.tags()).contains("Thi đua khen thưởng");

            SearchHit unsafe = search.search("an toan", 10).get(0);
            assertThat(unsafe.titleHtml()).isEqualTo("Hướng dẫn <mark>an</mark> <mark>toàn</mark> &lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(unsafe.snippetHtml()).contains("&lt;/b&gt; &amp; &quot;trích dẫn&quot;")
                    .contains("<mark>An</mark> <mark>toàn</mark>")
                    .doesNotContain("<b>", "<script>");
        }
    }

    @Test
    void longBodiesAreCutAroundTheMatch() throws IOException {
        String filler = "Mở đầu bài viết dài dòng. ".repeat(40);
        SearchIndexer.rebuild(dir, List.of(doc("long/", "Bài dài", filler + "Kết quả thi đua năm nay rất tốt. " + filler, "2014-01-01")));
        try (SearchService search = SearchService.open(dir)) {
            SearchHit hit = search.search("thi đua", 1).get(0);
            assertThat(hit.snippet()).startsWith("…").endsWith("…").contains("thi đua năm nay");
            assertThat(hit.snippet().length()).isLessThanOrEqualTo(Snippets.DEFAULT_LENGTH + 2);
            assertThat(hit.snippetMarked("[", "]")).contains("[thi] [đua]");
        }
    }

    @Test
    void filtersByTagAndYearAndPages() throws IOException {
        SearchIndexer.rebuild(dir, SearchFixtures.archive());
        try (SearchService search = SearchService.open(dir)) {
            SearchResults all = search.search("thi dua", SearchFilter.NONE, 0, 10);
            assertThat(all.total()).isEqualTo(4);
            SearchResults tagged = search.search("thi dua", new SearchFilter("thi ĐUA  khen thưởng", null), 0, 10);
            assertThat(tagged.hits()).extracting(SearchHit::url)
                    .containsExactly("2015/01/tong-ket-nam-2014/", "2019/07/ca-nhan-dien-hinh/", "2014/08/hoi-nghi-so-ket/");
            SearchResults year = search.search("thi dua", new SearchFilter(null, 2014), 0, 10);
            assertThat(year.hits()).extracting(SearchHit::url).containsExactly("2014/08/hoi-nghi-so-ket/");
            SearchResults page2 = search.search("thi dua", SearchFilter.NONE, 2, 2);
            assertThat(page2.total()).isEqualTo(4);
            assertThat(page2.hits()).extracting(SearchHit::url).isEqualTo(
                    all.hits().subList(2, 4).stream().map(SearchHit::url).toList());
            // A filter alone browses, newest first.
            assertThat(search.search("", new SearchFilter("Thể thao", null), 0, 10).hits())
                    .extracting(SearchHit::url).containsExactly("2017/05/dua-thuyen/", "2016/03/giai-dua-xe-dap/");
            assertThat(search.search("", SearchFilter.NONE, 0, 10).total()).isZero();
        }
    }

    @Test
    void incrementalUpdatesAndSyncMatchARebuild() throws IOException {
        List<SearchDocument> archive = SearchFixtures.archive();
        Path incremental = dir.resolve("incremental");
        SearchIndexer.rebuild(incremental, archive.subList(0, 5));
        try (SearchIndexer indexer = SearchIndexer.open(incremental)) {
            for (SearchDocument d : archive.subList(5, archive.size())) {
                indexer.update(d);
            }
            indexer.update(doc("2016/03/giai-dua-xe-dap/", "Đã đổi tiêu đề", "Không còn nhắc tới xe nữa.", "2016-03-05"));
            indexer.delete("2017/05/dua-thuyen/");
        }
        try (SearchService search = SearchService.open(incremental)) {
            assertThat(search.search("dua xe", 10)).extracting(SearchHit::url).containsExactly("2018/06/khen-thuong-rai-rac/");
            assertThat(search.search("đua thuyền", 10)).isEmpty();

            // Syncing back to the full archive rewrites only the two changed documents.
            assertThat(SearchIndexer.sync(incremental, archive)).isEqualTo(2);
            assertThat(SearchIndexer.sync(incremental, archive)).isZero();
            search.refresh();
            Path fresh = dir.resolve("fresh");
            SearchIndexer.rebuild(fresh, archive);
            try (SearchService rebuilt = SearchService.open(fresh)) {
                for (String q : List.of("thi dua", "đua", "dua xe", "khen thưởng", "hội nghị")) {
                    assertThat(search.search(q, 20)).as(q).isEqualTo(rebuilt.search(q, 20));
                }
            }
        }
    }

    @Test
    void anIndexOfAnOlderLayoutCountsAsNoneAndASyncRebuildsIt() throws IOException {
        // What an earlier Gazette left behind: a Lucene index without our schema mark.
        Path old = dir.resolve("old");
        try (var directory = org.apache.lucene.store.FSDirectory.open(old);
             var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig())) {
            org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
            d.add(new org.apache.lucene.document.StringField(SearchFields.URL, "stale/", org.apache.lucene.document.Field.Store.YES));
            writer.addDocument(d);
        }
        assertThat(SearchService.exists(old)).isFalse();
        assertThat(SearchIndexer.sync(old, SearchFixtures.archive())).isEqualTo(SearchFixtures.archive().size());
        assertThat(SearchService.exists(old)).isTrue();
        try (SearchService search = SearchService.open(old)) {
            assertThat(search.search("đua thuyền", 10)).extracting(SearchHit::url).containsExactly("2017/05/dua-thuyen/");
            assertThat(search.search("", new SearchFilter(null, 2014), 0, 10).hits()).extracting(SearchHit::url)
                    .containsExactly("2014/08/hoi-nghi-so-ket/");
        }
    }

    @Test
    void indexingAnalyzesLikeTheAnalyzer() throws IOException {
        // Terms come pre-analyzed from the corpus; a phrase across two tag values must not match,
        // one inside a value must, and exact spellings count in any field.
        List<SearchDocument> docs = List.of(
                new SearchDocument("tags/", "Tin", "", "Nội dung.", List.of("Giải thi", "Đua xe"), null, null, LocalDate.of(2020, 1, 1)),
                new SearchDocument("phrase/", "Tin", "", "Nội dung.", List.of("Giải thi đua"), null, null, LocalDate.of(2014, 1, 1)));
        assertThat(urls(docs, "thi dua")).containsExactly("phrase/", "tags/");
        assertThat(urls(docs, "Đua xe")).containsExactly("tags/");
    }

    @Test
    void openingAMissingIndexFails() throws IOException {
        assertThat(SearchService.exists(dir.resolve("none"))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchService.open(dir.resolve("none")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
