package io.gazette.search;

import io.gazette.text.HtmlEscape;
import java.time.LocalDate;
import java.util.List;

/**
 * One result. {@code snippet} and {@code title} are plain text in their original diacritics;
 * the highlight ranges mark the words that matched the query.
 */
public record SearchHit(String url, String title, LocalDate date, List<String> tags,
                        String snippet, List<Highlight> snippetHighlights, List<Highlight> titleHighlights) {

    public String snippetHtml() {
        return markup(snippet, snippetHighlights, "<mark>", "</mark>", true);
    }

    public String titleHtml() {
        return markup(title, titleHighlights, "<mark>", "</mark>", true);
    }

    /** The snippet with matches wrapped in {@code open}/{@code close}, not escaped (terminal output). */
    public String snippetMarked(String open, String close) {
        return markup(snippet, snippetHighlights, open, close, false);
    }

    public String titleMarked(String open, String close) {
        return markup(title, titleHighlights, open, close, false);
    }

    static String markup(String text, List<Highlight> highlights, String open, String close, boolean escape) {
        StringBuilder out = new StringBuilder(text.length() + 16 * highlights.size());
        int at = 0;
        for (Highlight h : highlights) {
            append(out, text.substring(at, h.start()), escape);
            out.append(open);
            append(out, text.substring(h.start(), h.end()), escape);
            out.append(close);
            at = h.end();
        }
        append(out, text.substring(at), escape);
        return out.toString();
    }

    private static void append(StringBuilder out, String text, boolean escape) {
        if (!escape) {
            out.append(text);
            return;
        }
        HtmlEscape.escape(out, text);
    }
}
