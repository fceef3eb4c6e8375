package io.gazette.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text exports that differ from the seed: each imports correctly or fails with a clear reason. */
class TextVariantsTest {
    private static final String GOLDEN_WITHOUT_CATEGORY =
            Fixtures.handMigrated().replace("category: Hoạt động của Khối\n", "");

    private static String seed() {
        return Fixtures.text(Fixtures.SEED);
    }

    @Test
    void crlfLineEndsGiveTheSameArticle() {
        assertThat(Fixtures.converted(seed().replace("\n", "\r\n"), "a.txt").markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY);
    }

    @Test
    void byteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] seed = Fixtures.bytes(Fixtures.SEED);
        byte[] withBom = new byte[bom.length + seed.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(seed, 0, withBom, 3, seed.length);

        Conversion result = new PageConverter(Fixtures.settings(null)).convert(withBom, "a.txt");

        assertThat(((Conversion.Converted) result).markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY);
    }

    @Test
    void decomposedInputIsStoredComposed() {
        String nfd = Normalizer.normalize(seed(), Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(seed());

        Conversion.Converted result = Fixtures.converted(nfd, "a.txt");

        assertThat(result.markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY);
        assertThat(result.relativeTarget()).isEqualTo("2014/hoi-nghi-so-ket-cong-tac-06-thang-dau-nam.md");
    }

    @Test
    void noBreakSpacesTabsAndWhitespaceOnlyLinesAreTidied() {
        String messy = seed()
                .replace("Quỳnh Anh", "\u00A0Quỳnh\u00A0Anh\t ")
                .replace("\n\nTheo báo cáo", "\n \t\u00A0\u3000\n\u00A0\nTheo báo cáo")
                .replace("Thứ hai, 18/08/2014", "Thứ hai,\u00A018/08/2014  ");

        assertThat(Fixtures.converted(messy, "a.txt").markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY);
    }

    @Test
    void unsignedArticleHasNoAuthorAndKeepsItsLastParagraph() {
        String unsigned = seed().replace("\nQuỳnh Anh\n", "\n");

        Conversion.Converted result = Fixtures.converted(unsigned, "a.txt");

        assertThat(Fixtures.frontMatter(result.markdown())).doesNotContainKey("author");
        assertThat(result.markdown()).endsWith("trong toàn Bộ, ngành kinh tế.\n");
        assertThat(result.markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY.replace("author: Quỳnh Anh\n", ""));
    }

    @Test
    void aSourceLineIsNotMistakenForASignature() {
        String sourced = seed().replace("\nQuỳnh Anh\n", "\nTheo Báo Xây dựng\n");

        Conversion.Converted result = Fixtures.converted(sourced, "a.txt");

        assertThat(Fixtures.frontMatter(result.markdown())).doesNotContainKey("author");
        assertThat(result.markdown()).endsWith("\n\nTheo Báo Xây dựng\n");
    }

    @Test
    void signatureWithOfficeInBracketsIsTheAuthor() {
        String signed = seed().replace("\nQuỳnh Anh\n", "\nQuỳnh Anh (Văn phòng Khối)\n");

        assertThat(Fixtures.frontMatter(Fixtures.converted(signed, "a.txt").markdown()))
                .containsEntry("author", "Quỳnh Anh (Văn phòng Khối)");
    }

    /**
     * The first date line under the title wins: the old site printed the publication date there.
     * A second date line right below it is repeated chrome (dropped, with a warning); one inside
     * the text is text.
     */
    @Test
    void withTwoDateLinesTheOneUnderTheTitleWins() {
        String twoDates = seed().replace("Thứ hai, 18/08/2014\n", "Thứ hai, 18/08/2014\nThứ ba, 19/08/2014\n");

        Conversion.Converted result = Fixtures.converted(twoDates, "a.txt");

        assertThat(result.article().date().day()).hasToString("2014-08-18");
        assertThat(result.markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY).doesNotContain("19/08/2014");
        assertThat(result.warnings()).containsExactly("line 6: second date line 'Thứ ba, 19/08/2014' ignored;"
                + " the one under the title (line 5) is the publication date");
    }

    @Test
    void aDateLineInsideTheTextStaysText() {
        String inBody = seed().replace("\nTheo báo cáo sơ kết", "\nThứ sáu, 15/08/2014\n\nTheo báo cáo sơ kết");

        Conversion.Converted result = Fixtures.converted(inBody, "a.txt");

        assertThat(result.article().date().day()).hasToString("2014-08-18");
        assertThat(result.article().body()).contains("Thứ sáu, 15/08/2014");
    }

    @Test
    void theSavedOnHeaderIsNeverThePublicationDate() {
        String headerOnly = seed().replace("Thứ hai, 18/08/2014\n", "\n");

        Conversion result = Fixtures.convert(headerOnly, "a.txt");

        assertThat(result).isInstanceOf(Conversion.Failed.class);
        assertThat(((Conversion.Failed) result).reason()).contains("no date line such as 'Thứ hai, 18/08/2014'");
    }

    @Test
    void aHeaderWithoutHomNayAboveTheTitleIsSkippedForTheDateUnderTheTitle() {
        String header = seed().replace("Hôm nay, Thứ tư ngày 28/02/2024,", "Thứ tư, 28/02/2024");

        Conversion.Converted result = Fixtures.converted(header, "a.txt");

        assertThat(result.article().date().day()).hasToString("2014-08-18");
    }

    @Test
    void aKnownTimeIsWrittenWithTheVietnamOffset() {
        String timed = seed().replace("Thứ hai, 18/08/2014", "Thứ hai, 18/08/2014 09:30");

        Conversion.Converted result = Fixtures.converted(timed, "a.txt");

        assertThat(result.markdown()).contains("\ndate: 2014-08-18T09:30:00+07:00\n");
        assertThat(Fixtures.frontMatter(result.markdown()).get("date")).isInstanceOf(java.util.Date.class);
    }

    @Test
    void aWrongWeekdayKeepsTheDateButWarns() {
        String wrong = seed().replace("Thứ hai, 18/08/2014", "Thứ ba, 18/08/2014");

        Conversion.Converted result = Fixtures.converted(wrong, "a.txt");

        assertThat(result.article().date().day()).hasToString("2014-08-18");
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("line 5: the weekday does not match 2014-08-18");
    }

    @Test
    void extraChromeAroundTheArticleIsDropped() {
        String chrome = seed()
                .replace("Hôm nay, Thứ tư ngày 28/02/2024,\n", "Trang chủ | Giới thiệu | Liên hệ\nHôm nay, Thứ tư ngày 28/02/2024,\n")
                .replace("\nQuỳnh Anh\n", "\nQuỳnh Anh\n\nIn bài viết | Gửi email | Quay lại\n\n• 12 lượt xem\n")
                .replace("Hôm qua : 397", "Hôm qua : 397\n\nBản quyền thuộc về Khối thi đua các Bộ, ngành kinh tế");

        assertThat(Fixtures.converted(chrome, "a.txt").markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY);
    }

    @Test
    void aBreadcrumbLineNamesTheCategoryAndIsNotPartOfTheTitle() {
        String crumbs = seed().replace("\n\nHội nghị Sơ kết", "\nTrang chủ » Hoạt động của Khối\nHội nghị Sơ kết");

        assertThat(Fixtures.converted(crumbs, "a.txt").markdown()).isEqualTo(Fixtures.handMigrated());
    }

    @Test
    void visitorCounterWithoutOtherArticlesHeadingStillEndsTheArticle() {
        String noList = seed().replace("Bài viết khác\n\n", "");

        assertThat(Fixtures.converted(noList, "a.txt").markdown()).isEqualTo(GOLDEN_WITHOUT_CATEGORY);
    }

    @Test
    void textIsKeptAsWrittenIncludingItsMistakes() {
        String body = Fixtures.body(Fixtures.converted(seed(), "a.txt").markdown());

        assertThat(body).contains("06 tháng cuối năm 201.\n", "Tại Hội nghi,", "Kết thúc Hội nghi,",
                "Trần thị Hà – Trường ban");
    }

    @Test
    void markdownLookalikesInOldTextStayLiteral() {
        String tricky = seed().replace("Theo báo cáo sơ kết,", "1. Theo *báo cáo* sơ_kết <b>[x]</b> &amp;");

        String body = Fixtures.body(Fixtures.converted(tricky, "a.txt").markdown());

        assertThat(body).contains("\n1\\. Theo \\*báo cáo\\* sơ\\_kết \\<b\\>\\[x\\]\\</b\\> \\&amp;");
    }

    @Test
    void quotesInTheTitleReadBackFromTheFrontMatter() {
        String quoted = seed().replace("Hội nghị Sơ kết công tác", "Hội nghị \"Sơ kết\" công tác: \\ #1");

        Map<String, Object> front = Fixtures.frontMatter(Fixtures.converted(quoted, "a.txt").markdown());

        assertThat(front.get("title")).asString().startsWith("Hội nghị \"Sơ kết\" công tác: \\ #1 ");
    }

    @Test
    void failsWithLineNumberWhenTheDateLineHasNoTitleAbove() {
        List<String> lines = new ArrayList<>(List.of(seed().split("\n", -1)));
        lines.set(2, "");

        Conversion result = Fixtures.convert(String.join("\n", lines), "a.txt");

        assertThat(result).isEqualTo(new Conversion.Failed(5, "the date line 'Thứ hai, 18/08/2014' has no title above it"));
    }

    @Test
    void failsWithLineNumberOnAnImpossibleDate() {
        Conversion result = Fixtures.convert(seed().replace("18/08/2014", "31/02/2014"), "a.txt");

        assertThat(result).isEqualTo(new Conversion.Failed(5, "the date line 'Thứ hai, 31/02/2014' names no real date or time"));
    }

    @Test
    void failsWhenNothingFollowsTheDateLine() {
        String empty = "Tiêu đề bài viết\n\nThứ hai, 18/08/2014\n  • Đánh giá cho bài viết:\n\nBài viết khác\n";

        Conversion result = Fixtures.convert(empty, "a.txt");

        assertThat(result).isInstanceOf(Conversion.Failed.class);
        assertThat(((Conversion.Failed) result).reason()).isEqualTo("no article text after the date line");
    }

    @Test
    void failsWithLineNumberOnBytesThatAreNotUtf8() {
        byte[] latin = "Tiêu đề\n\nThứ hai, 18/08/2014\n\nNgày ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(latin, latin.length + 3);
        bad[latin.length] = (byte) 0xC0; // never valid in UTF-8
        bad[latin.length + 1] = 'x';
        bad[latin.length + 2] = '\n';

        Conversion result = new PageConverter(Fixtures.settings(null)).convert(bad, "a.txt");

        assertThat(result).isInstanceOf(Conversion.Failed.class);
        Conversion.Failed failed = (Conversion.Failed) result;
        assertThat(failed.line()).isEqualTo(5);
        assertThat(failed.reason()).startsWith("not UTF-8 (byte 0xC0 at offset " + latin.length + ")");
    }

    @Test
    void failsOnATitleWithNothingToNameAFileAfter() {
        Conversion result = Fixtures.convert("…!!!\n\nThứ hai, 18/08/2014\n\nNgày 15/08/2014, hội nghị.\n", "a.txt");

        assertThat(result).isInstanceOf(Conversion.Failed.class);
        assertThat(((Conversion.Failed) result).reason()).contains("no letters or digits");
    }
}
