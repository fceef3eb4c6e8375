package io.gazette.render;

import io.gazette.site.Site;
import java.util.Map;

/**
 * The {@code site} variable of every template: only site-wide facts that rarely change, so that
 * editing one article does not make every page of the site differ.
 */
public record SiteView(String title, String description, String baseUrl, String basePath, String language,
        String author, Map<String, Object> params, int articleCount, int copyrightYear) {

    static SiteView of(Site site) {
        var config = site.config();
        int year = site.articles().isEmpty() ? 0 : site.articles().get(0).date().getYear();
        return new SiteView(config.title(), config.description(), config.baseUrl(), config.basePath(),
                config.language(), config.author(), config.params(), site.articles().size(), year);
    }
}
