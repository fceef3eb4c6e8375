package io.gazette.site;

import io.gazette.markdown.RenderedMarkdown;
import java.nio.charset.StandardCharsets;

/**
 * An article's rendered body. The HTML and the plain text are the bulk of an article (a few
 * kilobytes each, against a few hundred bytes of metadata), so a build keeps them in a
 * {@link BodyStore} on disk and reads them back one article at a time, when its page is rendered
 * or its text analyzed: the heap then holds metadata only, whatever the size of the archive.
 * What lists need of the text (the word count and the start of it, for summaries) stays here.
 */
public interface ArticleBody {
    /**
     * How much of the text the model keeps for a summary: {@link Summaries} looks at most at
     * {@code MAX_CHARS + 1} characters.
     */
    int SUMMARY_SOURCE_CHARS = Summaries.MAX_CHARS + 32;

    /** The rendered body, for the article page and feeds. */
    String html();

    /**
     * The rendered body in UTF-8: the bytes of {@code html().getBytes(UTF_8)}. A body kept on disk
     * hands over the bytes it reads, so the article page, written in UTF-8, neither decodes nor
     * encodes the body again (a third of the page's rendering when it went through a string).
     * The caller may keep the array but must not change it.
     */
    default byte[] htmlUtf8() {
        return html().getBytes(StandardCharsets.UTF_8);
    }

    /** All the text without markup, for search. */
    String plainText();

    int wordCount();

    /** The start of the opening paragraphs (or of the whole text when there are none), for summaries. */
    String summaryText();

    /**
     * The summary cut from {@link #summaryText()}, shown where the front matter gives none. A body
     * that keeps only the summary (the build's content cache, see {@code ContentCache}) gives it
     * without the text.
     */
    default String summary() {
        return summaryOf(summaryText());
    }

    /** The summary cut from a body's {@link #summaryText()}: its start, cut at a word with an ellipsis. */
    static String summaryOf(String summaryText) {
        return Summaries.fromText(summaryText);
    }

    /** A body held in memory: for tests, and where no store is at hand. */
    static ArticleBody of(RenderedMarkdown rendered) {
        String summaryText = summaryText(rendered);
        return new Held(rendered.html(), rendered.plainText(), rendered.wordCount(), summaryText, summaryOf(summaryText));
    }

    /** What {@link #summaryText()} keeps of a rendered body. */
    static String summaryText(RenderedMarkdown rendered) {
        String text = rendered.leadText().isEmpty() ? rendered.plainText() : rendered.leadText();
        return text.length() <= SUMMARY_SOURCE_CHARS ? text : text.substring(0, SUMMARY_SOURCE_CHARS);
    }

    /** A body kept as strings, its summary cut once (an article's summary is asked for wherever it is shown). */
    record Held(String html, String plainText, int wordCount, String summaryText, String summary) implements ArticleBody {
    }
}
