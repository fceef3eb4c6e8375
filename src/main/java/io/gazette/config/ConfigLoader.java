package io.gazette.config;

import io.gazette.problems.Quote;
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
                    "permalink " + Quote.code(permalink) + " has no :slug, so every article would get the same URL",
                    "use a pattern such as /:year/:month/:slug/"));
        }
        java.util.Optional<String> unsafePermalink = permalinkProblem(permalink);
        if (unsafePermalink.isPresent()) {
            problems.add(Problem.error(shown, r.lineOf(SiteSettings.PERMALINK), "permalink " + Quote.code(permalink) + " "
                    + unsafePermalink.get(), "use a pattern such as /:year/:month/:slug/"));
        }
        Path output = overrides.outputDir() != null ? overrides.outputDir()
                : configuredOutput(r.read(SiteSettings.OUTPUT), r.lineOf(SiteSettings.OUTPUT), projectDir, shown, problems);
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

    /**
     * The output folder site.yml names, checked here so that a wrong one is a located error: the
     * output is deleted and replaced on every build, so it must be a folder of its own inside or
     * beside the project, never the project, a folder holding it, or one of its source folders.
     * ({@code --output} on the command line is checked when the build replaces it, as an I/O
     * failure: the staging area refuses the same paths.)
     */
    static Path configuredOutput(String value, int line, Path projectDir, Path file, Problems problems) {
        Path fallback = Path.of("public");
        Path output;
        try {
            output = Path.of(value.strip());
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(Problem.error(file, line, "output " + Quote.code(value) + " is not a usable folder name",
                    "write a folder inside the project, such as `output: public`"));
            return fallback;
        }
        Path project = projectDir.toAbsolutePath().normalize();
        Path resolved = project.resolve(output).normalize();
        if (value.isBlank() || resolved.getParent() == null || project.startsWith(resolved)) {
            problems.add(Problem.error(file, line, "output " + Quote.code(value)
                    + " is the project folder or contains it, and the output is replaced on every build",
                    "choose a folder of its own, such as `output: public`"));
            return fallback;
        }
        for (String source : new String[] {"content", "themes", "static", "src", ".git", ".gazette"}) {
            if (resolved.startsWith(project.resolve(source))) {
                problems.add(Problem.error(file, line, "output " + Quote.code(value) + " is inside " + source
                        + "/, and the output is replaced on every build",
                        "choose a folder of its own, such as `output: public`"));
                return fallback;
            }
        }
        return output;
    }

    /**
     * Why article URLs made from {@code permalink} would be unsafe, checked on the pattern with
     * sample values (the placeholders only ever give digits and a validated slug): a {@code ..}
     * segment would place the page outside the output folder.
     */
    static java.util.Optional<String> permalinkProblem(String permalink) {
        String sample = permalink.replace(":year", "2014").replace(":month", "08").replace(":day", "18")
                .replace(":slug", "bai");
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(sample.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("has a broken %-escape");
        }
        if (decoded.contains("://") || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == '\\' || c == '?' || c == '#')) {
            return java.util.Optional.of("contains a character not allowed in a site path");
        }
        for (String segment : decoded.split("/")) {
            // `..`, and on Windows `. .` or `.. ` too: a segment of dots and spaces leaves its folder
            if (segment.indexOf('.') >= 0 && segment.chars().allMatch(c -> c == '.' || c == ' ')) {
                return java.util.Optional.of("has a `.` or `..` segment, so pages would be written outside their folder");
            }
        }
        return java.util.Optional.empty();
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
            problems.add(Problem.error(file, line, "baseUrl " + Quote.code(value) + " is not an absolute http(s) URL",
                    "write it in full, e.g. https://example.org/ or https://example.org/archive/"));
            return "http://127.0.0.1:1313/";
        }
    }
}
