package io.gazette.build;

import io.gazette.search.SearchDocument;
import io.gazette.search.SearchIndexer;
import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.site.Term;
import java.io.IOException;
import java.nio.file.Path;

/** The site as search sees it: one document an article, made when the index asks for it. */
final class SearchStage {

    private SearchStage() {
    }

    /** The search document of one article; its text is read now (never all texts at once). */
    static SearchDocument document(Article article) {
        return new SearchDocument(article.url(), article.title(), article.summary(), searchableText(article),
                article.tags().stream().map(Term::name).toList(),
                article.category() == null ? "" : article.category().name(), article.author(),
                article.date().toLocalDate());
    }

    /** The article's text and, after it, the text of its attached PDFs: a search finds the article. */
    static String searchableText(Article article) {
        String documents = article.media().documentText();
        return documents.isEmpty() ? article.plainText() : article.plainText() + "\n\n" + documents;
    }

    /**
     * Brings the Lucene index in the cache up to date: each article is hashed as it is read, and
     * only new or changed ones are analyzed and written; articles gone are deleted.
     */
    static void index(Path indexDir, Site site) throws IOException {
        SearchIndexer.sync(indexDir, site.articles().parallelStream().map(SearchStage::document));
    }
}
