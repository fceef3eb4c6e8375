package io.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void foldsVietnameseToAscii() {
        assertThat(Slugs.slugify("Hội nghị Sơ kết công tác 06 tháng đầu năm"))
                .isEqualTo("hoi-nghi-so-ket-cong-tac-06-thang-dau-nam");
        assertThat(Slugs.slugify("ĐỔI MỚI – Đột phá!")).isEqualTo("doi-moi-dot-pha");
        assertThat(Slugs.slugify("Thi đua, khen thưởng")).isEqualTo("thi-dua-khen-thuong");
    }

    @Test
    void longTitleKeepsItsFirstClause() {
        assertThat(Slugs.forTitle("Hội nghị Sơ kết công tác 06 tháng đầu năm – Triển khai nhiệm vụ 06 tháng cuối"
                + " năm 2014 của Khối thi đua các Bộ, ngành kinh tế"))
                .isEqualTo("hoi-nghi-so-ket-cong-tac-06-thang-dau-nam");
    }

    @Test
    void longTitleWithoutClauseIsCutAtAWord() {
        String slug = Slugs.forTitle("Một tiêu đề rất dài không có dấu gạch ngang nào để cắt nhưng vẫn cần một đường dẫn ngắn gọn");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.TITLE_LENGTH);
        assertThat(slug).startsWith("mot-tieu-de-rat-dai").doesNotEndWith("-");
    }

    @Test
    void shortTitleIsWhole() {
        assertThat(Slugs.forTitle("Giáo dục và phát triển")).isEqualTo("giao-duc-va-phat-trien");
    }

    @Property
    void slugIsAlwaysSafe(@ForAll String text) {
        String slug = Slugs.slugify(text);
        assertThat(slug).matches("([a-z0-9]+(-[a-z0-9]+)*)?");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotContain("..").doesNotContain("/");
    }

    @Property
    void slugIsIdempotent(@ForAll String text) {
        String slug = Slugs.slugify(text);
        assertThat(Slugs.slugify(slug)).isEqualTo(slug);
    }

    @Property
    void nfdAndNfcGiveTheSameSlug(@ForAll String text) {
        assertThat(Slugs.slugify(Normalizer.normalize(text, Normalizer.Form.NFD)))
                .isEqualTo(Slugs.slugify(Normalizer.normalize(text, Normalizer.Form.NFC)));
    }

    @Property
    void titleSlugIsValidOrEmpty(@ForAll String title) {
        String slug = Slugs.forTitle(title);
        assertThat(slug.isEmpty() || Slugs.isValid(slug)).isTrue();
    }
}
