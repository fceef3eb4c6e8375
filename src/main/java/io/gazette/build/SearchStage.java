package io.gazette.build;

import io.gazette.search.RelatedArticles;
import io.gazette.search.SearchCorpus;
import io.gazette.search.SearchDocument;
import io.gazette.search.SearchIndexer;
import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.site.Term;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The site as search sees it: documents, the Lucene index in the cache, "Bài viết khác" lists. */
final class SearchStage {

    private SearchStage() {
    }

    static List<SearchDocument> documents(Site site) {
        List<SearchDocument> docs = new ArrayList<>(site.articles().size());
        for (Article article : site.articles()) {
            docs.add(new SearchDocument(article.url(), article.title(), article.summary(), searchableText(article),
                    article.tags().stream().map(Term::name).toList(),
                    article.category() == null ? "" : article.category().name(), article.author(),
                    article.date().toLocalDate()));
        }
        return docs;
    }

    /** The article's text and, after it, the text of its attached PDFs: a search finds the article. */
    static String searchableText(Article article) {
        String documents = article.media().documentText();
        return documents.isEmpty() ? article.plainText() : article.plainText() + "\n\n" + documents;
    }

    static Map<String, List<String>> related(SearchCorpus corpus, int count) {
        return new RelatedArticles(corpus).compute(count);
    }

    /** Brings the Lucene index in the cache up to date; only changed documents are rewritten. */
    static void index(Path cacheDir, SearchCorpus corpus) throws IOException {
        SearchIndexer.sync(cacheDir.resolve(SearchIndexer.DIR_NAME), corpus);
    }
}
