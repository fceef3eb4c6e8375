package io.gazette.markdown;

/**
 * An article body after Markdown.
 *
 * @param html      for the article page and feeds
 * @param plainText all the text, for search
 * @param leadText  the opening paragraphs only (no headings or captions), for summaries
 */
public record RenderedMarkdown(String html, String plainText, String leadText, int wordCount) {
}
