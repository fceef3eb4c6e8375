package io.gazette.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Vietnamese typed with the pre-Unicode fonts that old ministry documents still use: TCVN3 (ABC,
 * the {@code .VnTime} fonts) and VNI ({@code VNI-Times}). Text taken out of such a PDF is Latin-1
 * look-alikes ({@code Céng hoµ x· héi}, {@code Coäng hoøa xaõ hoäi}); {@link #toUnicode} detects
 * which, if either, and converts it. Text that already has Unicode Vietnamese letters is left
 * alone. TCVN3 writes capitals with the lower-case codes in a separate capitals font, so they come
 * back in lower case: the words are right, not their case.
 */
public final class LegacyVietnamese {
    public enum Encoding { UNICODE, TCVN3, VNI }

    /** Share of letters that must look like one legacy encoding before text is converted. */
    private static final double THRESHOLD = 0.04;

    private static final Map<Character, String> TCVN3 = new HashMap<>();
    private static final Map<Character, String> VNI_MARKS = new HashMap<>();
    private static final Map<Character, Character> VNI_LETTERS = new HashMap<>();

    static {
        String[][] tcvn = {
            {"¸", "á"}, {"µ", "à"}, {"¶", "ả"}, {"·", "ã"}, {"¹", "ạ"},
            {"¨", "ă"}, {"¾", "ắ"}, {"»", "ằ"}, {"¼", "ẳ"}, {"½", "ẵ"}, {"Æ", "ặ"},
            {"©", "â"}, {"Ê", "ấ"}, {"Ç", "ầ"}, {"È", "ẩ"}, {"É", "ẫ"}, {"Ë", "ậ"},
            {"Ð", "é"}, {"Ì", "è"}, {"Î", "ẻ"}, {"Ï", "ẽ"}, {"Ñ", "ẹ"},
            {"ª", "ê"}, {"Õ", "ế"}, {"Ò", "ề"}, {"Ó", "ể"}, {"Ô", "ễ"}, {"Ö", "ệ"},
            {"Ý", "í"}, {"×", "ì"}, {"Ø", "ỉ"}, {"Ü", "ĩ"}, {"Þ", "ị"},
            {"ã", "ó"}, {"ß", "ò"}, {"á", "ỏ"}, {"â", "õ"}, {"ä", "ọ"},
            {"«", "ô"}, {"è", "ố"}, {"å", "ồ"}, {"æ", "ổ"}, {"ç", "ỗ"}, {"é", "ộ"},
            {"¬", "ơ"}, {"í", "ớ"}, {"ê", "ờ"}, {"ë", "ở"}, {"ì", "ỡ"}, {"î", "ợ"},
            {"ó", "ú"}, {"ï", "ù"}, {"ñ", "ủ"}, {"ò", "ũ"}, {"ô", "ụ"},
            {"\u00AD", "ư"}, {"ø", "ứ"}, {"õ", "ừ"}, {"ö", "ử"}, {"÷", "ữ"}, {"ù", "ự"},
            {"ý", "ý"}, {"ú", "ỳ"}, {"û", "ỷ"}, {"ü", "ỹ"}, {"þ", "ỵ"},
            {"®", "đ"}, {"§", "Đ"}, {"¡", "Ă"}, {"¢", "Â"}, {"£", "Ê"}, {"¤", "Ô"}, {"¥", "Ơ"}, {"¦", "Ư"},
        };
        for (String[] pair : tcvn) {
            TCVN3.put(pair[0].charAt(0), pair[1]);
        }
        // VNI: a base letter followed by one character holding its marks, as combining marks.
        String acute = "\u0301", grave = "\u0300", hook = "\u0309", tilde = "\u0303", dot = "\u0323";
        String circumflex = "\u0302", breve = "\u0306";
        Object[][] marks = {
            {'ù', acute}, {'ø', grave}, {'û', hook}, {'õ', tilde}, {'ï', dot},
            {'â', circumflex}, {'ê', breve},
            {'á', circumflex + acute}, {'à', circumflex + grave}, {'å', circumflex + hook},
            {'ã', circumflex + tilde}, {'ä', circumflex + dot},
            {'é', breve + acute}, {'è', breve + grave}, {'ú', breve + hook}, {'ü', breve + tilde}, {'ë', breve + dot},
        };
        for (Object[] mark : marks) {
            char lower = (Character) mark[0];
            VNI_MARKS.put(lower, (String) mark[1]);
            VNI_MARKS.put(Character.toUpperCase(lower), (String) mark[1]);
        }
        char[][] letters = {
            {'í', 'í'}, {'ì', 'ì'}, {'æ', 'ỉ'}, {'ó', 'ĩ'}, {'ò', 'ị'}, {'ô', 'ơ'}, {'ö', 'ư'}, {'ñ', 'đ'},
            {'Í', 'Í'}, {'Ì', 'Ì'}, {'Æ', 'Ỉ'}, {'Ó', 'Ĩ'}, {'Ò', 'Ị'}, {'Ô', 'Ơ'}, {'Ö', 'Ư'}, {'Ñ', 'Đ'},
        };
        for (char[] letter : letters) {
            VNI_LETTERS.put(letter[0], letter[1]);
        }
    }

    private LegacyVietnamese() {
    }

    /** Which encoding the text looks typed in. */
    public static Encoding detect(String text) {
        int letters = 0;
        int unicode = 0;
        int tcvn = 0;
        int vni = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            }
            if ((c >= '\u1EA0' && c <= '\u1EF9') || "ăĂđĐơƠưƯ".indexOf(c) >= 0) {
                unicode++;
            }
            // TCVN3 uses 0xA1–0xBF, which VNI never does.
            if (c >= '\u00A1' && c <= '\u00BF' && TCVN3.containsKey(c) && isAsciiLetter(previous)) {
                tcvn++;
            }
            if (VNI_MARKS.containsKey(c) && "aeiouyAEIOUYôöÔÖ".indexOf(previous) >= 0) {
                vni++;
            }
            previous = c;
        }
        if (letters == 0 || unicode >= letters * THRESHOLD / 4) {
            return Encoding.UNICODE;
        }
        if (tcvn >= letters * THRESHOLD && tcvn >= vni) {
            return Encoding.TCVN3;
        }
        return vni >= letters * THRESHOLD ? Encoding.VNI : Encoding.UNICODE;
    }

    /** The text in Unicode (NFC): converted when it is TCVN3 or VNI, as it is otherwise. */
    public static String toUnicode(String text) {
        return switch (detect(text)) {
            case TCVN3 -> fromTcvn3(text);
            case VNI -> fromVni(text);
            default -> text;
        };
    }

    static String fromTcvn3(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String mapped = TCVN3.get(c);
            out.append(mapped != null ? mapped : String.valueOf(c));
        }
        return VietnameseText.nfc(out.toString());
    }

    static String fromVni(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String marks = VNI_MARKS.get(c);
            if (marks != null && Character.isLetter(previous) && previous < 0x80 || marks != null && "ơưƠƯ".indexOf(previous) >= 0) {
                out.append(marks);
            } else if (VNI_LETTERS.containsKey(c)) {
                out.append(VNI_LETTERS.get(c));
                c = VNI_LETTERS.get(c);
            } else {
                out.append(c);
            }
            previous = c;
        }
        return VietnameseText.nfc(out.toString());
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
