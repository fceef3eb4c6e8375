package io.gazette.site;

import java.util.regex.Pattern;

/** The summary shown in lists and feeds when the front matter gives none. */
final class Summaries {
    static final int MAX_CHARS = 220;
    /** Compiled once: every article without a summary of its own is cut in every build (100,000 at 100,000). */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:–-]+$");

    private Summaries() {
    }

    /** The start of the text, cut at a word boundary with an ellipsis when it goes on. */
    static String fromText(String plainText) {
        if (plainText.length() <= MAX_CHARS) {
            return plainText;
        }
        int cut = plainText.lastIndexOf(' ', MAX_CHARS);
        String head = plainText.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
        return TRAILING_PUNCTUATION.matcher(head).replaceAll("") + "…";
    }
}
