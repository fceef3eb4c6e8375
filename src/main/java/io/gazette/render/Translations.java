package io.gazette.render;

import io.gazette.problems.Quote;
import io.gazette.config.YamlMapping;
import io.gazette.text.SourceText;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's strings in the site's language ({@code i18n/vi.yml}, {@code i18n/en.yml}), nested
 * keys flattened with dots. A key missing from the site's language falls back to Vietnamese, the
 * theme's reference language, and then to the key itself so a gap is visible, not fatal.
 */
public final class Translations {
    public static final String REFERENCE_LANGUAGE = "vi";
    private final String language;
    private final Map<String, String> strings;

    private Translations(String language, Map<String, String> strings) {
        this.language = language;
        this.strings = strings;
    }

    public static Translations load(Path i18nDir, String language, Path shownDir, Problems problems) throws IOException {
        Map<String, String> strings = new TreeMap<>(read(i18nDir, REFERENCE_LANGUAGE, shownDir, problems));
        if (!REFERENCE_LANGUAGE.equals(language)) {
            Path file = i18nDir.resolve(language + ".yml");
            if (!Files.isRegularFile(file)) {
                problems.add(Problem.warning(shownDir.resolve(language + ".yml"), 0,
                        "the theme has no strings for language " + Quote.code(language) + "; using Vietnamese",
                        "add " + language + ".yml to the theme's i18n/ folder or set `language: vi`"));
            }
            strings.putAll(read(i18nDir, language, shownDir, problems));
        }
        return new Translations(language, Map.copyOf(strings));
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        return strings.getOrDefault(key, key);
    }

    private static Map<String, String> read(Path dir, String language, Path shownDir, Problems problems) throws IOException {
        Path file = dir.resolve(language + ".yml");
        Map<String, String> flat = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return flat;
        }
        Path shown = shownDir.resolve(language + ".yml");
        String text = SourceText.decode(Files.readAllBytes(file), shown, problems);
        if (text == null) {
            return flat;
        }
        try {
            flatten("", YamlMapping.parse(text).values(), flat);
        } catch (YamlMapping.YamlError e) {
            problems.add(Problem.error(shown, e.line(), "language file is not valid YAML: " + e.getMessage(),
                    "check the indentation of the keys"));
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, out);
            } else if (value != null) {
                out.put(name, String.valueOf(value));
            }
        });
    }
}
