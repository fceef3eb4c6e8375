package io.gazette.site;

import java.util.List;

/** The articles of one calendar month (in the site's time zone), newest first. */
public record ArchiveMonth(int year, int month, String url, List<Article> articles) {
    public int count() {
        return articles.size();
    }
}
