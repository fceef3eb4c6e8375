package io.gazette.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything site.yml (plus command-line and environment overrides) says about the site.
 *
 * @param baseUrl   absolute URL with a trailing slash, e.g. {@code https://host/archive/}
 * @param permalink article URL pattern with {@code :year :month :day :slug}
 * @param params    every other key of site.yml, passed through to templates as {@code site.params}
 * @param allowRawHtml   whether HTML inside Markdown reaches the page (sanitized)
 * @param image          the site's photo for articles without one ({@code image:}), or empty
 * @param importCategory {@code import.category}: what {@code gazette import} gives pages without a
 *                       breadcrumb, or null
 * @see SiteSettings the keys of site.yml and their defaults
 */
public record SiteConfig(
        Path projectDir,
        String title,
        String description,
        String baseUrl,
        String language,
        ZoneId timeZone,
        String theme,
        String permalink,
        int pageSize,
        int feedSize,
        int relatedCount,
        String author,
        Path contentDir,
        Path staticDir,
        Path themesDir,
        Path outputDir,
        Path cacheDir,
        boolean drafts,
        boolean future,
        Map<String, Object> params,
        boolean allowRawHtml,
        String image,
        String importCategory) {

    /** Every setting at its {@link SiteSettings} default beyond the ones given (for tests and tools). */
    public SiteConfig(Path projectDir, String title, String description, String baseUrl, String language,
            ZoneId timeZone, String theme, String permalink, int pageSize, int feedSize, int relatedCount,
            String author, Path contentDir, Path staticDir, Path themesDir, Path outputDir, Path cacheDir,
            boolean drafts, boolean future, Map<String, Object> params) {
        this(projectDir, title, description, baseUrl, language, timeZone, theme, permalink, pageSize, feedSize,
                relatedCount, author, contentDir, staticDir, themesDir, outputDir, cacheDir, drafts, future, params,
                SiteSettings.ALLOW_RAW_HTML.fallback(), SiteSettings.IMAGE.fallback(),
                SiteSettings.IMPORT_CATEGORY.fallback());
    }

    /** The path part of {@link #baseUrl}, always starting and ending with {@code /}. */
    public String basePath() {
        String path = java.net.URI.create(baseUrl).getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    public Path themeDir() {
        return themesDir.resolve(theme);
    }

    public SiteConfig withOutputDir(Path dir) {
        return new SiteConfig(projectDir, title, description, baseUrl, language, timeZone, theme, permalink,
                pageSize, feedSize, relatedCount, author, contentDir, staticDir, themesDir, dir, cacheDir,
                drafts, future, params, allowRawHtml, image, importCategory);
    }
}
