package io.gazette.search;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseAnalyzerTest {

    @Test
    void syllablesAreTokensWithDigitsKept() {
        String text = "Hội nghị Sơ kết công tác 06 tháng đầu năm 2014";
        assertThat(VietnameseAnalyzer.tokens(text, false))
                .containsExactly("hội", "nghị", "sơ", "kết", "công", "tác", "06", "tháng", "đầu", "năm", "2014");
        assertThat(VietnameseAnalyzer.tokens(text, true))
                .containsExactly("hoi", "nghi", "so", "ket", "cong", "tac", "06", "thang", "dau", "nam", "2014");
    }

    @Test
    void punctuationSplitsAndDisappears() {
        assertThat(VietnameseAnalyzer.tokens("thi đua, khen thưởng – (TW); Covid-19/2020…", true))
                .containsExactly("thi", "dua", "khen", "thuong", "tw", "covid", "19", "2020");
    }

    @Test
    void dStrokeFoldsToDInBothCases() {
        assertThat(VietnameseAnalyzer.tokens("Đà Nẵng đường ĐUA", true)).containsExactly("da", "nang", "duong", "dua");
        assertThat(VietnameseAnalyzer.tokens("Đà Nẵng đường ĐUA", false)).containsExactly("đà", "nẵng", "đường", "đua");
    }

    @Test
    void decomposedInputGivesTheSameTokensAsComposed() {
        String nfc = "Khen thưởng Thứ trưởng Bộ Nội vụ Trần Thị Hà";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(VietnameseAnalyzer.tokens(nfd, true)).isEqualTo(VietnameseAnalyzer.tokens(nfc, true));
        assertThat(VietnameseAnalyzer.tokens(nfd, false)).isEqualTo(VietnameseAnalyzer.tokens(nfc, false))
                .contains("thưởng", "thị");
    }

    @Test
    void luceneTokenStreamMatchesTheHelper() throws IOException {
        String text = "Thi đua, KHEN thưởng năm 2014!";
        for (boolean folded : new boolean[]{true, false}) {
            try (VietnameseAnalyzer analyzer = new VietnameseAnalyzer(folded)) {
                assertThat(luceneTokens(analyzer, text)).isEqualTo(VietnameseAnalyzer.tokens(text, folded));
            }
        }
    }

    @Test
    void offsetsPointAtTheOriginalSpelling() throws IOException {
        String text = "Thi đua, khen thưởng";
        try (VietnameseAnalyzer analyzer = new VietnameseAnalyzer(true);
             TokenStream stream = analyzer.tokenStream("f", text)) {
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            List<String> spans = new ArrayList<>();
            stream.reset();
            while (stream.incrementToken()) {
                spans.add(text.substring(offset.startOffset(), offset.endOffset()));
            }
            stream.end();
            assertThat(spans).containsExactly("Thi", "đua", "khen", "thưởng");
        }
    }

    @Test
    void overlongTokensAreDropped() {
        assertThat(VietnameseAnalyzer.tokens("a " + "x".repeat(65) + " b", true)).containsExactly("a", "b");
        assertThat(VietnameseAnalyzer.tokens("y".repeat(64), true)).hasSize(1);
    }

    /**
     * The indexing scan finds each token's forms in a table of the tokens it met: tokens of equal
     * hash and length ("Aa", "BB") stay apart, a token met again (after the table grew, and after
     * it filled and started again) gets the same forms, and an overlong token is still dropped.
     */
    @Test
    void indexingScanGivesEachTokenItsOwnFormsAsTheTableGrowsAndEmpties() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        StringBuilder text = new StringBuilder("Aa BB Đua đua ");
        for (int i = 0; i < 300_000; i++) {
            text.append("t").append(Integer.toString(i, 36)).append(' ');
        }
        text.append("Aa BB Đua đua ").append("z".repeat(65)).append(" Aa BB t0 t").append(Integer.toString(299_999, 36));
        String nfc = text.toString();
        for (int pass = 0; pass < 2; pass++) {
            List<String> seen = new ArrayList<>();
            VietnameseTokens.scan(nfc, (start, end, forms) -> {
                String raw = nfc.substring(start, end);
                assertThat(forms.exact).isEqualTo(VietnameseTokens.exact(raw));
                assertThat(forms.folded).isEqualTo(VietnameseTokens.fold(forms.exact));
                seen.add(raw);
            });
            assertThat(seen).hasSize(4 + 300_000 + 4 + 4);
            assertThat(seen.subList(seen.size() - 8, seen.size()))
                    .containsExactly("Aa", "BB", "Đua", "đua", "Aa", "BB", "t0", "t" + Integer.toString(299_999, 36));
        }
    }

    @Property(tries = 300)
    void foldingIgnoresNormalizationForm(@ForAll @StringLength(max = 40) String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        assertThat(VietnameseAnalyzer.tokens(nfd, true)).isEqualTo(VietnameseAnalyzer.tokens(text, true));
        assertThat(VietnameseAnalyzer.tokens(nfd, false)).isEqualTo(VietnameseAnalyzer.tokens(text, false));
    }

    @Property(tries = 200)
    void vietnameseLettersFoldToAscii(@ForAll("vietnamese") String text) {
        for (String token : VietnameseAnalyzer.tokens(text, true)) {
            assertThat(token).matches("[a-z0-9]+");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> vietnamese() {
        return net.jqwik.api.Arbitraries.strings()
                .withChars("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
                        + "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÊỀẾỂỄỆÔỒỐỔỖỘƠỜỚỞỠỢƯỪỨỬỮỰ0123456789 ,.;–")
                .ofMaxLength(60);
    }

    private static List<String> luceneTokens(VietnameseAnalyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }
}
