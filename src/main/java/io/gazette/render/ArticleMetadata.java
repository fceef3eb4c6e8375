package io.gazette.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.config.SiteConfig;
import io.gazette.json.Json;
import io.gazette.site.Article;
import io.gazette.site.SiteUrls;
import io.gazette.site.Term;
import java.io.IOException;
import java.util.Locale;

/**
 * What an article page tells machines about itself: the absolute URL of its lead photo (for
 * {@code og:image} and {@code twitter:image}) and a schema.org {@code NewsArticle} as JSON-LD.
 * The JSON is made here, through the project's JSON writer ({@link Json}), not in the template, so
 * that every string is escaped as JSON and no title can end the {@code <script>} it sits in:
 * {@code <}, {@code >} and {@code &} are written as {@code \u003c}-style escapes, which JSON
 * readers decode and HTML parsers never see as markup.
 *
 * @param imageUrl absolute URL of the lead photo (the article's {@code image}, else the site's
 *                 {@code image} from site.yml), or empty when there is none
 * @param jsonLd   the {@code NewsArticle} object, safe to place inside {@code <script>} unescaped
 */
public record ArticleMetadata(String imageUrl, String jsonLd) {

    public static ArticleMetadata of(Article article, SiteConfig config, SiteUrls urls) {
        String image = imageUrl(article.image(), urls);
        if (image.isEmpty()) {
            image = imageUrl(config.image(), urls);
        }
        return new ArticleMetadata(image, jsonLd(article, config, urls, image));
    }

    /** An absolute URL as is; a path inside the site made absolute; empty stays empty. */
    public static String imageUrl(String image, SiteUrls urls) {
        if (image == null || image.isBlank()) {
            return "";
        }
        String lower = image.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? image : urls.absolute(image);
    }

    private static String jsonLd(Article article, SiteConfig config, SiteUrls urls, String image) {
        String url = urls.absolute(article.url());
        String home = urls.absolute("");
        String publisher = config.title().isEmpty() ? config.author() : config.title();
        return Json.write(Json.Layout.FIELD_PER_LINE, json -> {
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeStringField("@type", "NewsArticle");
            json.writeObjectFieldStart("mainEntityOfPage");
            json.writeStringField("@type", "WebPage");
            json.writeStringField("@id", url);
            json.writeEndObject();
            json.writeStringField("url", url);
            json.writeStringField("headline", article.title());
            if (!article.summary().isEmpty()) {
                json.writeStringField("description", article.summary());
            }
            json.writeStringField("inLanguage", config.language());
            json.writeStringField("datePublished", DateFormats.iso(article.date()));
            json.writeStringField("dateModified", DateFormats.iso(article.lastmod()));
            if (!article.author().isEmpty()) {
                json.writeArrayFieldStart("author");
                json.writeStartObject();
                json.writeStringField("@type", "Person");
                json.writeStringField("name", article.author());
                json.writeEndObject();
                json.writeEndArray();
            } else if (!publisher.isEmpty()) {
                // Unsigned news is the newsroom's own: name the organisation, as Google asks.
                json.writeArrayFieldStart("author");
                organisation(json, publisher, home);
                json.writeEndArray();
            }
            if (!image.isEmpty()) {
                json.writeArrayFieldStart("image");
                json.writeString(image);
                json.writeEndArray();
            }
            if (article.category() != null) {
                json.writeStringField("articleSection", article.category().name());
            }
            if (!article.tags().isEmpty()) {
                json.writeArrayFieldStart("keywords");
                for (Term tag : article.tags()) {
                    json.writeString(tag.name());
                }
                json.writeEndArray();
            }
            json.writeNumberField("wordCount", article.wordCount());
            json.writeFieldName("publisher");
            organisation(json, publisher, home);
            json.writeEndObject();
        });
    }

    private static void organisation(JsonGenerator json, String name, String url) throws IOException {
        json.writeStartObject();
        json.writeStringField("@type", "Organization");
        json.writeStringField("name", name);
        json.writeStringField("url", url);
        json.writeEndObject();
    }
}
