package io.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyVietnameseTest {
    @Test
    void tcvn3IsDetectedAndConverted() {
        String tcvn = "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Qu¶n lý nhµ n\u00ADíc";
        assertThat(LegacyVietnamese.detect(tcvn)).isEqualTo(LegacyVietnamese.Encoding.TCVN3);
        assertThat(LegacyVietnamese.toUnicode(tcvn))
                .isEqualTo("Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Quản lý nhà nước");
    }

    @Test
    void vniIsDetectedAndConverted() {
        String vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. COÄNG HOØA";
        assertThat(LegacyVietnamese.detect(vni)).isEqualTo(LegacyVietnamese.Encoding.VNI);
        assertThat(LegacyVietnamese.toUnicode(vni))
                .isEqualTo("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. CỘNG HÒA");
    }

    @Test
    void unicodeAndOtherLanguagesAreLeftAlone() {
        String unicode = "Cộng hoà xã hội chủ nghĩa Việt Nam — giá: 12 €, « trích dẫn »";
        assertThat(LegacyVietnamese.toUnicode(unicode)).isSameAs(unicode);
        String english = "The annual report of the Ministry, 2014 (see annex B).";
        assertThat(LegacyVietnamese.toUnicode(english)).isSameAs(english);
        String french = "Où est la réunion? Le comité a été créé à Hà Nội.";
        assertThat(LegacyVietnamese.detect(french)).isEqualTo(LegacyVietnamese.Encoding.UNICODE);
    }
}
