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
        return isSurelyNfc(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Whether {@code c} is NFC by itself and can neither compose with nor be reordered against
     * the characters around it: a text of nothing but such characters is NFC. These are
     * everything below the combining diacritics (U+0300: ASCII, Latin-1, Latin Extended-A and B,
     * with {@code ă đ ơ ư}), the precomposed letters of Latin Extended Additional (U+1E00–U+1EFF,
     * every other Vietnamese letter), dashes, quotes and the ellipsis (U+2010–U+2027),
     * the rest of General Punctuation but its spaces and format characters (U+2030–U+205E) and
     * the currency signs ({@code ₫}, U+20A0–U+20BF). {@code VietnameseTextTest} checks each of
     * them, and each pair of them, against {@link Normalizer}.
     */
    static boolean isAlwaysNfc(char c) {
        return c < 0x300 || c >= 0x1E00 && c <= 0x1EFF || c >= 0x2010 && c <= 0x2027 || c >= 0x2030 && c <= 0x205E
                || c >= 0x20A0 && c <= 0x20BF;
    }

    /**
     * Whether every character of {@code text} {@link #isAlwaysNfc}: then it is NFC without asking
     * {@link Normalizer}, whose quick check looks each code point up in its tables (4 % of the
     * content stage, on every file's text, and again on every text search analyses). Read in
     * chunks through a small array: the build runs on the C1 compiler, which keeps the checks of
     * every {@code charAt} call.
     */
    static boolean isSurelyNfc(String text) {
        char[] chunk = new char[Math.min(text.length(), 512)];
        for (int at = 0; at < text.length(); at += chunk.length) {
            int n = Math.min(chunk.length, text.length() - at);
            text.getChars(at, at + n, chunk, 0);
            for (int i = 0; i < n; i++) {
                char c = chunk[i];
                if (c >= 0x300 && !isAlwaysNfc(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Removes every diacritic and maps {@code đ/Đ} to {@code d/D}, keeping case. {@code đ} is a
     * letter of its own in Unicode, not {@code d} plus a mark, so decomposition alone leaves it.
     * A text of characters that fold one by one ({@link #FOLDED}: ASCII, Latin-1, Latin Extended-A
     * and B, Latin Extended Additional, where every Vietnamese letter is, and General Punctuation,
     * the dashes and quotes of titles) is folded a
     * character at a time from a table; any other goes through {@link Normalizer}. The slug of
     * every article's title is made in every site model, and {@code Normalizer}'s decomposition
     * of each cost a new text and a table look-up a character.
     */
    public static String foldDiacritics(String text) {
        int n = text.length();
        char[] chars = new char[n];
        text.getChars(0, n, chars, 0);
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            char folded = c < 0x300 ? FOLDED[c] : c >= 0x1E00 && c < 0x1F00 ? FOLDED[c - 0x1E00 + 0x300]
                    : c >= 0x2000 && c < 0x2070 ? FOLDED[c - 0x2000 + 0x400] : 0;
            if (folded == 0) {
                return foldByDecomposing(text);
            }
            chars[i] = folded;
        }
        return new String(chars);
    }

    /**
     * What {@link #foldByDecomposing} makes of each character below U+0300 (at its own index), of
     * U+1E00–U+1EFF (from index 0x300) and of U+2000–U+206F (from 0x400), or 0 where that is not
     * a single character (then the whole text is decomposed). No character of these ranges is a
     * combining mark, so folding them one at a time is folding the text: each decomposes into
     * itself, or another character, or a letter and combining marks; the marks are dropped, and
     * the canonical reordering of a decomposition moves only marks. {@code VietnameseTextTest}
     * checks every character and mixed texts against the decomposition.
     */
    private static final char[] FOLDED = new char[0x300 + 0x100 + 0x70];

    static {
        for (int i = 0; i < FOLDED.length; i++) {
            char c = (char) (i < 0x300 ? i : i < 0x400 ? i - 0x300 + 0x1E00 : i - 0x400 + 0x2000);
            String folded = foldByDecomposing(String.valueOf(c));
            FOLDED[i] = folded.length() == 1 && folded.charAt(0) != 0 ? folded.charAt(0) : 0;
        }
    }

    /** {@link #foldDiacritics} by decomposing the text (NFD) and dropping its combining marks. */
    static String foldByDecomposing(String text) {
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
