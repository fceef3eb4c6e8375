package io.gazette.render;

import io.gazette.config.SiteConfig;
import io.gazette.site.Article;
import io.gazette.site.SiteUrls;
import io.gazette.site.Term;
import java.util.List;
import java.util.Locale;

/**
 * What an article page tells machines about itself: the absolute URL of its lead photo (for
 * {@code og:image} and {@code twitter:image}) and a schema.org {@code NewsArticle} as JSON-LD.
 * The JSON is made here, not in the template, so that every string is escaped as JSON and no
 * title can end the {@code <script>} it sits in: {@code <}, {@code >} and {@code &} are written as
 * {@code \u003c}-style escapes, which JSON readers decode and HTML parsers never see as markup.
 *
 * @param imageUrl absolute URL of the lead photo (the article's {@code image}, else the site's
 *                 {@code image} from site.yml), or empty when there is none
 * @param jsonLd   the {@code NewsArticle} object, safe to place inside {@code <script>} unescaped
 */
public record ArticleMetadata(String imageUrl, String jsonLd) {

    public static ArticleMetadata of(Article article, SiteConfig config, SiteUrls urls) {
        String image = imageUrl(article.image(), urls);
        if (image.isEmpty() && config.params().get("image") instanceof String siteImage) {
            image = imageUrl(siteImage.strip(), urls);
        }
        return new ArticleMetadata(image, jsonLd(article, config, urls, image));
    }

    /** An absolute URL as is; a path inside the site made absolute; empty stays empty. */
    static String imageUrl(String image, SiteUrls urls) {
        if (image == null || image.isBlank()) {
            return "";
        }
        String lower = image.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? image : urls.absolute(image);
    }

    private static String jsonLd(Article article, SiteConfig config, SiteUrls urls, String image) {
        String url = urls.absolute(article.url());
        String publisher = config.title().isEmpty() ? config.author() : config.title();
        StringBuilder json = new StringBuilder(1024);
        json.append("{\n");
        field(json, "@context", "https://schema.org");
        field(json, "@type", "NewsArticle");
        json.append("  \"mainEntityOfPage\": {\"@type\": \"WebPage\", \"@id\": ");
        string(json, url).append("},\n");
        field(json, "url", url);
        field(json, "headline", article.title());
        if (!article.summary().isEmpty()) {
            field(json, "description", article.summary());
        }
        field(json, "inLanguage", config.language());
        field(json, "datePublished", DateFormats.iso(article.date()));
        field(json, "dateModified", DateFormats.iso(article.lastmod()));
        if (!article.author().isEmpty()) {
            json.append("  \"author\": [{\"@type\": \"Person\", \"name\": ");
            string(json, article.author()).append("}],\n");
        } else if (!publisher.isEmpty()) {
            // Unsigned news is the newsroom's own: name the organisation, as Google asks.
            json.append("  \"author\": [{\"@type\": \"Organization\", \"name\": ");
            string(json, publisher).append(", \"url\": ");
            string(json, urls.absolute("")).append("}],\n");
        }
        if (!image.isEmpty()) {
            json.append("  \"image\": [");
            string(json, image).append("],\n");
        }
        if (article.category() != null) {
            field(json, "articleSection", article.category().name());
        }
        List<Term> tags = article.tags();
        if (!tags.isEmpty()) {
            json.append("  \"keywords\": [");
            for (int i = 0; i < tags.size(); i++) {
                string(json.append(i == 0 ? "" : ", "), tags.get(i).name());
            }
            json.append("],\n");
        }
        json.append("  \"wordCount\": ").append(article.wordCount()).append(",\n");
        json.append("  \"publisher\": {\"@type\": \"Organization\", \"name\": ");
        string(json, publisher).append(", \"url\": ");
        string(json, urls.absolute("")).append("}\n");
        json.append("}");
        return json.toString();
    }

    private static void field(StringBuilder json, String key, String value) {
        string(json.append("  "), key).append(": ");
        string(json, value).append(",\n");
    }

    /** A JSON string that is also inert inside an HTML {@code <script>} element. */
    static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
