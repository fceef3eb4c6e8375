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

    /**
     * Folding a character at a time from the table is folding by decomposition: for every
     * character below U+3000, alone and after each Vietnamese letter, a mark, a dash, a quote
     * (a character outside the table's ranges sends the whole text to decomposition), and for
     * random texts of the ranges' characters mixed with marks.
     */
    @Test
    void foldingCharacterByCharacterIsFoldingByDecomposition() {
        String[] around = {"", "ư", "Ử", "đ", "a\u0301", "\u0301", "–", "“", " ", "\u1EF9", "\u2060"};
        for (char c = 0; c < 0x3000; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            for (String before : around) {
                String text = before + c + "x";
                assertThat(VietnameseText.foldDiacritics(text)).as("U+%04X after %s", (int) c, before)
                        .isEqualTo(VietnameseText.foldByDecomposing(text));
            }
        }
        java.util.Random random = new java.util.Random(9);
        char[] pool = "aăâđeêioôơuưyAĂÂĐƠƯ ,.:–—“”…\u0300\u0301\u0303\u0309\u0323ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ\u2000\u2024"
                .toCharArray();
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pool[random.nextInt(pool.length)]);
            }
            assertThat(VietnameseText.foldDiacritics(text.toString()))
                    .isEqualTo(VietnameseText.foldByDecomposing(text.toString()));
        }
    }

    @Test
    void nfcComposes() {
        String nfd = Normalizer.normalize("khen thưởng", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("khen thưởng");
        assertThat(VietnameseText.nfc(nfd)).isEqualTo("khen thưởng");
    }

    /**
     * Each character VietnameseText calls always NFC is NFC alone and beside each other one, in
     * either order: no pair composes or is reordered, so no text of them changes under NFC.
     */
    @Test
    void theAlwaysNfcCharactersAreNfcAloneAndInEveryPair() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) {
            if (VietnameseText.isAlwaysNfc(c) && !Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        assertThat(all.length()).isGreaterThan(1000);
        char[] pair = new char[2];
        for (int i = 0; i < all.length(); i++) {
            assertThat(Normalizer.isNormalized(String.valueOf(all.charAt(i)), Normalizer.Form.NFC)).isTrue();
            for (int j = 0; j < all.length(); j++) {
                pair[0] = all.charAt(i);
                pair[1] = all.charAt(j);
                if (!Normalizer.isNormalized(new String(pair), Normalizer.Form.NFC)) {
                    throw new AssertionError(String.format("U+%04X U+%04X is not NFC", (int) pair[0], (int) pair[1]));
                }
            }
        }
        // and the ones left out are left out for a reason: singletons and combining marks
        assertThat(VietnameseText.isAlwaysNfc('\u0301')).isFalse();
        assertThat(VietnameseText.isAlwaysNfc('\u2000')).isFalse();
        assertThat(VietnameseText.isAlwaysNfc('\u212B')).isFalse();
    }

    @net.jqwik.api.Property(tries = 3000)
    void nfcIsTheNormalisersNfc(@net.jqwik.api.ForAll("vietnamese") String text) {
        assertThat(VietnameseText.nfc(text)).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> vietnamese() {
        return net.jqwik.api.Arbitraries.strings().withChars("aeđơưệỆ \u0301\u0323\u0306\u031B\u0340\u2000\u212B\u2026\u20AB\u1E9B\u0307")
                .ofMaxLength(20);
    }
}
