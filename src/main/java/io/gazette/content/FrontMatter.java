package io.gazette.content;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The front matter of one article, validated and typed. Optional strings are empty when absent,
 * never null, so templates can test them simply.
 *
 * @param expiryDate when the article leaves the site (lists, feeds, sitemap, search and its own
 *                   page), or null when it never does
 * @param params every key Gazette does not know, passed to templates as {@code article.params}
 */
public record FrontMatter(
        String title,
        ZonedDateTime date,
        ZonedDateTime lastmod,
        String author,
        List<String> tags,
        String category,
        String summary,
        String image,
        String caption,
        String slug,
        List<String> aliases,
        boolean draft,
        ZonedDateTime expiryDate,
        Map<String, Object> params) {

    /** Every key Gazette gives a meaning to; others go to {@link #params()}. */
    public static final List<String> KNOWN_KEYS = List.of("title", "date", "lastmod", "author", "tags",
            "category", "summary", "image", "caption", "slug", "aliases", "draft", "expiryDate");
}
