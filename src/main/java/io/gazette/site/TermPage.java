package io.gazette.site;

import java.util.List;

/** A term with the articles filed under it, newest first. */
public record TermPage(Term term, List<Article> articles) {
    public int count() {
        return articles.size();
    }
}
