package io.gazette.site;

import io.gazette.content.ArticleSource;
import io.gazette.markdown.RenderedMarkdown;

/** What the model is assembled from: a validated source file and its rendered body. */
public record ArticleInput(ArticleSource source, RenderedMarkdown body, long contentHash) {
}
