package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void dropsTagsKeepsInlineWordsTogetherAndDecodesEntities() {
        assertThat(HtmlText.of("<h2 id=\"x\">Tiêu đề</h2>\n<p>Kh<strong>en</strong> thưởng &amp; thi đua &ndash; "
                + "&#8220;tốt&#x201D;</p><ul><li>một</li><li>hai</li></ul>"))
                .isEqualTo("Tiêu đề Khen thưởng & thi đua – “tốt” một hai");
    }

    @Test
    void leadTakesOnlyTopLevelParagraphs() {
        String html = "<h2>Đầu</h2>\n<p>Một.</p>\n<figure><figcaption>Ảnh</figcaption></figure>\n<p>Hai.</p>\n";
        assertThat(HtmlText.lead(html, 400)).isEqualTo("Một. Hai.");
    }

    @Property
    void neverThrowsAndNeverLeavesATag(@ForAll String html) {
        String text = HtmlText.of("<p>" + html.replace("<", "&lt;") + "</p>");
        assertThat(text).doesNotContain("<p>");
    }
}
