package io.gazette.legacy;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.regex.Pattern;

/**
 * Converts one block of old-site HTML to Markdown with Flexmark's converter, then repairs what the
 * converter gets wrong for this archive: a space it leaves between closing emphasis and
 * punctuation ({@code **x** ,}), trailing-space hard breaks that editors strip, and paragraph text
 * that starts like a list item or heading.
 */
final class HtmlBodyConverter {
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("(\\*\\*|__|(?<![*\\\\])\\*|(?<![_\\\\])_)[ \n]+([,.;:!?…)\\]])");
    private static final Pattern TRAILING_SPACE_BREAK = Pattern.compile(" {2,}\n");
    private final FlexmarkHtmlConverter converter;

    HtmlBodyConverter() {
        MutableDataSet options = new MutableDataSet()
                .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
                .set(FlexmarkHtmlConverter.RENDER_COMMENTS, false)
                .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
                .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                .set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true)
                .set(FlexmarkHtmlConverter.NBSP_TEXT, " ");
        converter = FlexmarkHtmlConverter.builder(options).build();
    }

    /** Markdown for {@code html}; {@code paragraph} when it came from a p/div, not a list or heading. */
    String convert(String html, boolean paragraph) {
        String markdown = converter.convert(html).strip();
        markdown = tidy(markdown);
        if (paragraph) {
            StringBuilder out = new StringBuilder();
            for (String line : markdown.split("\n", -1)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(MarkdownText.escapeBlockStart(line));
            }
            markdown = out.toString();
        }
        return markdown;
    }

    /** The Flexmark quirks, separately so they can be tested on their own. */
    static String tidy(String markdown) {
        String out = SPACE_BEFORE_PUNCTUATION.matcher(markdown).replaceAll("$1$2");
        return TRAILING_SPACE_BREAK.matcher(out).replaceAll("\\\\\n");
    }
}
