package io.gazette.search;

/**
 * One searchable article.
 *
 * @param url site-relative path without leading slash, e.g. {@code 2014/08/hoi-nghi-so-ket/}
 * @param body plain text (no HTML)
 * @param date publication date; {@code null} sorts after every dated document
 */
public record SearchDocument(String url, String title, String summary, String body,
                             java.util.List<String> tags, String category, String author, java.time.LocalDate date) {
}
