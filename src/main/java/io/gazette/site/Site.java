package io.gazette.site;

import io.gazette.config.SiteConfig;
import java.util.List;
import java.util.Map;

/**
 * The whole site as a model: every collection a template may list, already sorted.
 *
 * @param articles   published articles, newest first (ties by URL, so the order is stable)
 * @param tags       tags sorted by name as Vietnamese readers sort (diacritics folded, then exact)
 * @param archive    years newest first
 * @param related    article URL → related articles, from the search stage; empty until then
 */
public record Site(
        SiteConfig config,
        SiteUrls urls,
        List<Article> articles,
        List<TermPage> tags,
        List<TermPage> categories,
        List<ArchiveYear> archive,
        Map<String, List<Article>> related) {

    /**
     * This site with these related lists. The map is kept as given, not copied (a preview save
     * at 100,000 articles would copy 100,000 lists for the few it changed): pass one nobody
     * changes afterwards.
     */
    public Site withRelated(Map<String, List<Article>> relatedArticles) {
        return new Site(config, urls, articles, tags, categories, archive, relatedArticles);
    }

    public List<Article> relatedTo(Article article) {
        return related.getOrDefault(article.url(), List.of());
    }
}
