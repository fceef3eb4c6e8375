package io.gazette.legacy;

import io.gazette.build.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Shared test inputs: the seed page, the HTML page, the hand-migrated article. */
final class Fixtures {
    static final String SEED = "legacy-article-2014-08-18.txt";
    static final String HTML = "hoi-nghi-so-ket-2014-08-18.html";
    static final String HTML_EXPECTED = "hoi-nghi-so-ket-2014-08-18.expected.md";
    static final String ARTICLE = "content/2014/hoi-nghi-so-ket-cong-tac-06-thang-dau-nam.md";
    static final String CATEGORY = "Hoạt động của Khối";

    private Fixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/legacy/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource legacy/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** The article the lead migrated by hand: what importing the seed must produce. */
    static String handMigrated() {
        try {
            return Files.readString(TestSites.projectRoot().resolve(ARTICLE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportSettings settings(String category) {
        return new ImportSettings(category, null, TagRules.defaults());
    }

    static Conversion convert(String text, String name) {
        return new PageConverter(settings(null)).convert(text.getBytes(StandardCharsets.UTF_8), name);
    }

    static Conversion.Converted converted(String text, String name) {
        Conversion result = convert(text, name);
        if (result instanceof Conversion.Failed failed) {
            throw new AssertionError("expected an article, got failure: " + failed.located());
        }
        return (Conversion.Converted) result;
    }

    /** Front matter parsed back with SnakeYAML's safe loader, exactly as the site build would. */
    static Map<String, Object> frontMatter(String markdown) {
        if (!markdown.startsWith("---\n")) {
            throw new AssertionError("no front matter opening line");
        }
        int end = markdown.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new AssertionError("no front matter closing line");
        }
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(markdown.substring(4, end + 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) yaml;
        return map;
    }

    static String body(String markdown) {
        return markdown.substring(markdown.indexOf("\n---\n", 3) + 5);
    }
}
