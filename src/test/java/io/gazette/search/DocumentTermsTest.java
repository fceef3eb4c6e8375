package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terms are counted before Lucene sees them ({@link SyllableTokens.Counter}): the index must hold
 * what streaming every occurrence held — each distinct term once per document, pairs with their
 * number of occurrences, exact spellings once, and no pair across two values of a field.
 */
class DocumentTermsTest {

    @Test
    void pairsKeepTheirFrequencyAndFoldedFormsMerge() throws IOException {
        SearchDocument doc = new SearchDocument("a/", "Thi đua", null,
                "Thi đua khen thưởng. THI ĐUA yêu nước, thi dua; thi đua!", List.of("Thi", "đua khen"), null, null,
                LocalDate.of(2014, 8, 18));
        try (DirectoryReader reader = SearchIndexer.inMemory(List.of(doc))) {
            // "thi đua", "THI ĐUA", "thi dua", "thi đua" fold to one pair, four times.
            assertThat(freq(reader, "body_p", "thi dua")).isEqualTo(4);
            assertThat(freq(reader, "body_p", "dua khen")).isEqualTo(1);
            assertThat(terms(reader, "body_f")).containsExactly("dua", "khen", "nuoc", "thi", "thuong", "yeu");
            assertThat(terms(reader, "exact")).contains("đua", "dua", "thi", "thưởng").doesNotHaveDuplicates();
            // Tags are two values: "thi" and "đua khen" make no pair "thi dua".
            assertThat(terms(reader, "tags_p")).containsExactly("dua khen");
            assertThat(terms(reader, "tags_f")).containsExactly("dua", "khen", "thi");
            assertThat(freq(reader, "title_p", "thi dua")).isEqualTo(1);
        }
    }

    @Test
    void aFieldOfOneSyllableHasAnEmptyPairField() throws IOException {
        SearchDocument doc = new SearchDocument("b/", "Hà", null, "Nội", List.of(), null, null, null);
        try (DirectoryReader reader = SearchIndexer.inMemory(List.of(doc))) {
            assertThat(terms(reader, "title_f")).containsExactly("ha");
            assertThat(terms(reader, "title_p")).isEmpty();
        }
    }

    private static List<String> terms(DirectoryReader reader, String field) throws IOException {
        List<String> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                out.add(t.utf8ToString());
            }
        }
        return out;
    }

    private static int freq(DirectoryReader reader, String field, String term) throws IOException {
        TermsEnum it = MultiTerms.getTerms(reader, field).iterator();
        assertThat(it.seekExact(new BytesRef(term))).as(term).isTrue();
        PostingsEnum postings = it.postings(null, PostingsEnum.FREQS);
        postings.nextDoc();
        return postings.freq();
    }
}
