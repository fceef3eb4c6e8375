package io.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
    @Test
    void decodesFromAnOffset() throws Exception {
        byte[] bytes = "\uFEFFHội".getBytes(StandardCharsets.UTF_8);
        assertThat(StrictUtf8.hasBom(bytes)).isTrue();
        assertThat(StrictUtf8.decode(bytes, 3)).isEqualTo("Hội");
    }

    @Test
    void reportsTheFirstBadByteWithItsLine() {
        byte[] bytes = {'a', '\n', 'b', '\n', (byte) 0xE0, 'c'};
        assertThatThrownBy(() -> StrictUtf8.decode(bytes, 0))
                .isInstanceOfSatisfying(StrictUtf8.Malformed.class, e -> {
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.badByte()).isEqualTo(0xE0);
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void aSequenceCutShortAtTheEndIsRefused() {
        byte[] bytes = {'a', (byte) 0xE1, (byte) 0xBB};
        assertThatThrownBy(() -> StrictUtf8.decode(bytes, 0)).isInstanceOf(StrictUtf8.Malformed.class);
    }

    @Test
    void aReplacementCharacterTheFileHoldsIsKept() throws Exception {
        byte[] bytes = "Hội \uFFFD nghị".getBytes(StandardCharsets.UTF_8);
        assertThat(StrictUtf8.decode(bytes, 0)).isEqualTo("Hội \uFFFD nghị");
    }

    @Test
    void aBadByteAfterAReplacementCharacterIsStillRefused() {
        byte[] good = "\uFFFD\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = 'x';
        bytes[good.length + 1] = (byte) 0xC3;
        assertThatThrownBy(() -> StrictUtf8.decode(bytes, 0))
                .isInstanceOfSatisfying(StrictUtf8.Malformed.class, e -> {
                    assertThat(e.offset()).isEqualTo(good.length + 1);
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void encodedSurrogatesAreRefused() {
        byte[] bytes = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThatThrownBy(() -> StrictUtf8.decode(bytes, 0)).isInstanceOf(StrictUtf8.Malformed.class);
    }
}
