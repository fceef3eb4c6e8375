package io.gazette.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashesTest {
    @Test
    void fnv1a32MatchesTheReferenceValues() {
        // Reference values of FNV-1a 32 (the test vectors of the FNV authors).
        assertThat(Hashes.fnv1a32("")).isEqualTo(0x811c9dc5);
        assertThat(Hashes.fnv1a32("a")).isEqualTo(0xe40c292c);
        assertThat(Hashes.fnv1a32("foobar")).isEqualTo(0xbf9cf968);
        byte[] bytes = "xxfoobarxx".getBytes(StandardCharsets.UTF_8);
        assertThat(Hashes.fnv1a32(bytes, 2, 8)).isEqualTo(0xbf9cf968);
    }

    @Test
    void sha256Hex() {
        assertThat(Hashes.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
