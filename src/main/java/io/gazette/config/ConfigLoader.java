package io.gazette.config;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads site.yml and applies overrides; every bad value becomes a {@link Problem}. */
public final class ConfigLoader {
    public static final String FILE_NAME = "site.yml";
    /** Build caches (the Lucene index), relative to the project; never published. */
    public static final String CACHE_DIR = ".gazette/cache";
    private static final Set<String> KNOWN_KEYS = Set.of("title", "description", "baseUrl", "language",
            "timeZone", "theme", "permalink", "pageSize", "feedSize", "relatedCount", "author", "output", "import",
            "params");

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
        Reader r = new Reader(yaml, shown, problems);
        String title = r.string("title", "Gazette");
        String baseUrl = normaliseBaseUrl(overrides.baseUrl() != null ? overrides.baseUrl()
                : r.string("baseUrl", "http://127.0.0.1:1313/"), yaml.lineOf("baseUrl"), shown, problems);
        ZoneId zone = r.zone("timeZone", ZoneId.of("Asia/Ho_Chi_Minh"));
        String language = r.string("language", "vi");
        String permalink = r.string("permalink", "/:year/:month/:slug/");
        if (!permalink.contains(":slug")) {
            problems.add(Problem.error(shown, yaml.lineOf("permalink"),
                    "permalink `" + permalink + "` has no :slug, so every article would get the same URL",
                    "use a pattern such as /:year/:month/:slug/"));
        }
        Path output = overrides.outputDir() != null ? overrides.outputDir() : Path.of(r.string("output", "public"));
        Path themesDir = projectDir.resolve("themes");
        String theme = r.string("theme", "default");
        if (!Files.isDirectory(themesDir.resolve(theme)) && themeFallbackDir != null
                && Files.isDirectory(themeFallbackDir.resolve(theme))) {
            themesDir = themeFallbackDir;
        }
        // Keys Gazette does not know are the site's own parameters, available to templates.
        Map<String, Object> params = new LinkedHashMap<>(yaml.values());
        KNOWN_KEYS.forEach(params::remove);
        if (yaml.values().get("params") instanceof Map<?, ?> nested) {
            nested.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        return new SiteConfig(
                projectDir,
                title,
                r.string("description", ""),
                baseUrl,
                language,
                zone,
                theme,
                permalink,
                r.positiveInt("pageSize", 10),
                r.positiveInt("feedSize", 20),
                r.positiveInt("relatedCount", 5),
                r.string("author", ""),
                projectDir.resolve("content"),
                projectDir.resolve("static"),
                themesDir,
                projectDir.resolve(output),
                projectDir.resolve(CACHE_DIR),
                Boolean.TRUE.equals(overrides.drafts()),
                Boolean.TRUE.equals(overrides.future()),
                java.util.Collections.unmodifiableMap(params));
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

    /** Typed reads of site.yml values that report a wrong type instead of throwing. */
    private record Reader(YamlMapping yaml, Path file, Problems problems) {
        String string(String key, String fallback) {
            Object value = yaml.values().get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Map || value instanceof java.util.List) {
                problems.add(Problem.error(file, yaml.lineOf(key), "`" + key + "` must be a single value",
                        "write `" + key + ": value`"));
                return fallback;
            }
            return io.gazette.text.VietnameseText.nfc(String.valueOf(value));
        }

        int positiveInt(String key, int fallback) {
            Object value = yaml.values().get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Integer i && i > 0) {
                return i;
            }
            problems.add(Problem.error(file, yaml.lineOf(key), "`" + key + "` must be a whole number above 0, not `"
                    + value + "`", "for example `" + key + ": " + fallback + "`"));
            return fallback;
        }

        ZoneId zone(String key, ZoneId fallback) {
            Object value = yaml.values().get(key);
            if (value == null) {
                return fallback;
            }
            try {
                return ZoneId.of(String.valueOf(value));
            } catch (DateTimeException e) {
                problems.add(Problem.error(file, yaml.lineOf(key), "unknown time zone `" + value + "`",
                        "use a region name such as Asia/Ho_Chi_Minh"));
                return fallback;
            }
        }
    }
}
