package io.gazette.site;

import io.gazette.content.ArticleSource;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.media.ArticleMedia;

/**
 * What the model is assembled from: a validated source file, its rendered body, and the files of
 * its folder that it publishes; with what the model derives from it alone when that was kept
 * ({@code facts}, see {@link InputFacts}), else null.
 */
public record ArticleInput(ArticleSource source, ArticleBody body, long contentHash, ArticleMedia media,
        InputFacts facts) {

    /** An input whose facts the model makes. */
    public ArticleInput(ArticleSource source, ArticleBody body, long contentHash, ArticleMedia media) {
        this(source, body, contentHash, media, null);
    }

    /** An input whose body is held in memory (tests, small sessions). */
    public ArticleInput(ArticleSource source, RenderedMarkdown body, long contentHash) {
        this(source, ArticleBody.of(body), contentHash, ArticleMedia.NONE);
    }
}
