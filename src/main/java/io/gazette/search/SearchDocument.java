package io.gazette.search;

/**
 * One searchable article.
 *
 * @param url site-relative path without leading slash, e.g. {@code 2014/08/hoi-nghi-so-ket/}
 * @param body plain text (no HTML)
 * @param date publication date; {@code null} sorts after every dated document
 * @param source where the article comes from, e.g. {@code content/2014/hoi-nghi.md}: what orders the
 *               articles of one day ({@link SearchFields#ORDER}). Not the url: a title edit changes
 *               the slug, and would move the article among those of its day, renumbering them all in
 *               the static index; the file stays where it is.
 */
public record SearchDocument(String url, String title, String summary, String body,
                             java.util.List<String> tags, String category, String author, java.time.LocalDate date,
                             String source) {
    /** A document with no file of its own (tests, a probe): its url stands for its source. */
    public SearchDocument(String url, String title, String summary, String body, java.util.List<String> tags,
            String category, String author, java.time.LocalDate date) {
        this(url, title, summary, body, tags, category, author, date, url);
    }
}
