package io.gazette.site;

import java.util.List;

/** One year of the archive: its months, newest first, and all its articles. */
public record ArchiveYear(int year, String url, List<ArchiveMonth> months, List<Article> articles) {
    public int count() {
        return articles.size();
    }
}
