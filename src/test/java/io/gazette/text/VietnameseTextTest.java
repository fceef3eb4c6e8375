package io.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {
    @Test
    void foldsEveryDiacriticAndD() {
        assertThat(VietnameseText.foldDiacritics("Đường đến thi đua, khen thưởng ỮỰỪ"))
                .isEqualTo("Duong den thi dua, khen thuong UUU");
    }

    @Test
    void foldsDecomposedInputToo() {
        String nfd = Normalizer.normalize("thưởng Đà Nẵng", Normalizer.Form.NFD);
        assertThat(VietnameseText.foldDiacritics(nfd)).isEqualTo("thuong Da Nang");
    }

    @Test
    void nfcComposes() {
        String nfd = Normalizer.normalize("khen thưởng", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("khen thưởng");
        assertThat(VietnameseText.nfc(nfd)).isEqualTo("khen thưởng");
    }
}
