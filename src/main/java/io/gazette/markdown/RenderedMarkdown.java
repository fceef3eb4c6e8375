package io.gazette.markdown;

/**
 * An article body after Markdown: the HTML for its page, and plain text for summaries, feeds'
 * fallbacks and the search index.
 */
public record RenderedMarkdown(String html, String plainText, int wordCount) {
}
