package io.gazette.config;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Reads site.yml (the keys and defaults of {@link SiteSettings}) and applies the command-line and
 * environment overrides; every bad value becomes a {@link Problem}.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = "site.yml";
    /** Build caches (the Lucene index), relative to the project; never published. */
    public static final String CACHE_DIR = ".gazette/cache";

    private ConfigLoader() {
    }

    /**
     * @param themeFallbackDir where themes come from when the project has none of its own (the
     *                         Gazette installation's {@code themes/}); may be null
     */
    public static SiteConfig load(Path projectDir, BuildOverrides overrides, Path themeFallbackDir,
            Problems problems) throws IOException {
        Path file = projectDir.resolve(FILE_NAME);
        Path shown = Path.of(FILE_NAME);
        YamlMapping yaml = YamlMapping.EMPTY;
        if (Files.isRegularFile(file)) {
            String text = io.gazette.text.SourceText.decode(Files.readAllBytes(file), shown, problems);
            try {
                yaml = YamlMapping.parse(text == null ? "" : text);
            } catch (YamlMapping.YamlError e) {
                problems.add(Problem.error(shown, e.line(), "site.yml is not valid YAML: " + e.getMessage(),
                        "check the indentation and quote values that contain ': '"));
            }
        } else {
            problems.add(Problem.warning(shown, 0, "no site.yml found in " + projectDir,
                    "create site.yml with at least `title: ...` and `baseUrl: ...`"));
        }
        SettingsReader r = new SettingsReader(yaml, shown, problems);
        r.warnAboutTypos();
        String title = r.read(SiteSettings.TITLE);
        String baseUrl = normaliseBaseUrl(overrides.baseUrl() != null ? overrides.baseUrl()
                : r.read(SiteSettings.BASE_URL), r.lineOf(SiteSettings.BASE_URL), shown, problems);
        ZoneId zone = r.read(SiteSettings.TIME_ZONE);
        String language = r.read(SiteSettings.LANGUAGE);
        String permalink = r.read(SiteSettings.PERMALINK);
        if (!permalink.contains(":slug")) {
            problems.add(Problem.error(shown, r.lineOf(SiteSettings.PERMALINK),
                    "permalink `" + permalink + "` has no :slug, so every article would get the same URL",
                    "use a pattern such as /:year/:month/:slug/"));
        }
        Path output = overrides.outputDir() != null ? overrides.outputDir() : Path.of(r.read(SiteSettings.OUTPUT));
        Path themesDir = projectDir.resolve("themes");
        String theme = r.read(SiteSettings.THEME);
        if (!Files.isDirectory(themesDir.resolve(theme)) && themeFallbackDir != null
                && Files.isDirectory(themeFallbackDir.resolve(theme))) {
            themesDir = themeFallbackDir;
        }
        return new SiteConfig(
                projectDir,
                title,
                r.read(SiteSettings.DESCRIPTION),
                baseUrl,
                language,
                zone,
                theme,
                permalink,
                r.read(SiteSettings.PAGE_SIZE),
                r.read(SiteSettings.FEED_SIZE),
                r.read(SiteSettings.RELATED_COUNT),
                r.read(SiteSettings.AUTHOR),
                projectDir.resolve("content"),
                projectDir.resolve("static"),
                themesDir,
                projectDir.resolve(output),
                projectDir.resolve(CACHE_DIR),
                Boolean.TRUE.equals(overrides.drafts()),
                Boolean.TRUE.equals(overrides.future()),
                r.params(),
                r.read(SiteSettings.ALLOW_RAW_HTML),
                r.read(SiteSettings.IMAGE).strip(),
                r.read(SiteSettings.IMPORT_CATEGORY));
    }

    static String normaliseBaseUrl(String value, int line, Path file, Problems problems) {
        try {
            URI uri = URI.create(value.trim());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            String text = uri.toString();
            return text.endsWith("/") ? text : text + "/";
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(file, line, "baseUrl `" + value + "` is not an absolute http(s) URL",
                    "write it in full, e.g. https://example.org/ or https://example.org/archive/"));
            return "http://127.0.0.1:1313/";
        }
    }
}
