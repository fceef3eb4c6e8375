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

    @Test
    void murmur3MatchesTheReferenceValues() {
        // Values of the reference MurmurHash3_x64_128 (as Guava's Hashing.murmur3_128 gives them):
        // empty, a tail only, a tail of more than 8 bytes, one block, a block and a tail, a seed.
        assertMurmur("", 0, 0L, 0L);
        assertMurmur("hello", 0, 0xcbd8a7b341bd9b02L, 0x5b1e906a48ae1d19L);
        assertMurmur("The quick brown fox jumps over the lazy dog", 0, 0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L);
        assertMurmur("0123456789abcdef", 0, 0x4be06d94cf4ad1a7L, 0x87c35b5c63a708daL);
        assertMurmur("0123456789abcdefg", 0, 0x8e32612daa45f9deL, 0x0800f4c206c372eeL);
        assertMurmur("Thi đua khen thưởng năm 2014 — Hội nghị", 42, 0xc7ca52c0b033153aL, 0x11e6d39fc9af24c2L);
        byte[] inside = "xxhelloxx".getBytes(StandardCharsets.UTF_8);
        assertThat(Hashes.murmur3x64128(inside, 2, 5, 0)).containsExactly(0xcbd8a7b341bd9b02L, 0x5b1e906a48ae1d19L);
    }

    private static void assertMurmur(String text, int seed, long h1, long h2) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Hashes.murmur3x64128(bytes, 0, bytes.length, seed)).as(text).containsExactly(h1, h2);
    }
}
