package io.gazette.text;

import java.text.Normalizer;

/**
 * Unicode helpers for Vietnamese text. Everything that enters Gazette is normalised to NFC first:
 * the same syllable typed on macOS (NFD) and on Windows (NFC) must be the same string, or
 * slugs, tags and search terms silently split in two.
 */
public final class VietnameseText {
    private VietnameseText() {
    }

    public static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Removes every diacritic and maps {@code đ/Đ} to {@code d/D}, keeping case. {@code đ} is a
     * letter of its own in Unicode, not {@code d} plus a mark, so decomposition alone leaves it.
     */
    public static String foldDiacritics(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(switch (c) {
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                default -> c;
            });
        }
        return out.toString();
    }
}
