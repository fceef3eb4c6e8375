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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site as search sees it: the analyzed corpus (shared by the static export and related
 * articles), the Lucene index in the cache directory, and "Bài viết khác" for every article.
 */
final class SearchStage {
    static final String INDEX_DIR = "search-index";

    private SearchStage() {
    }

    static List<SearchDocument> documents(Site site) {
        List<SearchDocument> docs = new ArrayList<>(site.articles().size());
        for (Article article : site.articles()) {
            docs.add(new SearchDocument(article.url(), article.title(), article.summary(), article.plainText(),
                    article.tags().stream().map(Term::name).toList(),
                    article.category() == null ? "" : article.category().name(), article.author(),
                    article.date().toLocalDate()));
        }
        return docs;
    }

    /** Related articles, resolved from URLs back to the site's articles. */
    static Map<String, List<Article>> related(Site site, SearchCorpus corpus) {
        Map<String, Article> byUrl = new HashMap<>(site.articles().size() * 2);
        site.articles().forEach(a -> byUrl.put(a.url(), a));
        Map<String, List<Article>> related = new HashMap<>(byUrl.size() * 2);
        new RelatedArticles(corpus).compute(site.config().relatedCount()).forEach((url, urls) ->
                related.put(url, urls.stream().map(byUrl::get).filter(java.util.Objects::nonNull).toList()));
        return related;
    }

    /** Brings the Lucene index in the cache up to date; only changed documents are rewritten. */
    static void index(Path cacheDir, List<SearchDocument> docs) throws IOException {
        SearchIndexer.sync(cacheDir.resolve(INDEX_DIR), docs);
    }
}
