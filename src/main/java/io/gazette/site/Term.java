package io.gazette.site;

/**
 * A tag or category: its name as editors wrote it, its slug, and the site-relative URL of its page.
 */
public record Term(String name, String slug, String url) {
}
