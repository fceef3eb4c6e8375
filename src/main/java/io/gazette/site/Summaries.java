package io.gazette.site;

/** The summary shown in lists and feeds when the front matter gives none. */
final class Summaries {
    static final int MAX_CHARS = 220;

    private Summaries() {
    }

    /** The start of the text, cut at a word boundary with an ellipsis when it goes on. */
    static String fromText(String plainText) {
        if (plainText.length() <= MAX_CHARS) {
            return plainText;
        }
        int cut = plainText.lastIndexOf(' ', MAX_CHARS);
        String head = plainText.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
        return head.replaceAll("[\\s,;:–-]+$", "") + "…";
    }
}
