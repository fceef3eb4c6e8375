package io.gazette.search;

/**
 * One token of a text: where it is in the (NFC) text and its two indexed forms.
 *
 * @param start offset of the first char in the NFC text
 * @param end offset after the last char
 * @param exact lowercase, diacritics kept (NFC)
 * @param folded lowercase, diacritics removed, đ→d (NFC)
 */
public record Syllable(int start, int end, String exact, String folded) {
}
