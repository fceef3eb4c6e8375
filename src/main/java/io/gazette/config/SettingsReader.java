package io.gazette.config;

import io.gazette.problems.Quote;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.text.KeySuggestions;
import io.gazette.text.VietnameseText;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the values of {@link SiteSettings} out of a parsed site.yml. A value of the wrong kind is
 * an error naming its line, and the setting keeps its default so that every other problem of the
 * file is still found.
 */
final class SettingsReader {
    private final YamlMapping yaml;
    private final Path file;
    private final Problems problems;

    SettingsReader(YamlMapping yaml, Path file, Problems problems) {
        this.yaml = yaml;
        this.file = file;
        this.problems = problems;
    }

    @SuppressWarnings("unchecked")
    <T> T read(Setting<T> setting) {
        Object value = raw(setting);
        if (value == null) {
            return setting.fallback();
        }
        Object decoded = switch (setting.kind()) {
            case TEXT -> text(setting, value);
            case POSITIVE_INT -> positiveInt(setting, value);
            case TIME_ZONE -> zone(setting, value);
            case FLAG -> flag(setting, value);
            case MAPPING -> mapping(setting, value);
        };
        return decoded == null ? setting.fallback() : (T) decoded;
    }

    /** The line of the setting's key, or of its section when the key sits inside one. */
    int lineOf(Setting<?> setting) {
        return yaml.lineOf(setting.topLevelKey());
    }

    /**
     * Keys that are not settings are the site's own parameters, passed to templates as
     * {@code site.params}, together with the entries of a {@code params:} mapping (which win).
     */
    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>(yaml.values());
        SiteSettings.topLevelKeys().forEach(params::remove);
        params.putAll(read(SiteSettings.PARAMS));
        return Collections.unmodifiableMap(params);
    }

    /** A warning for each unknown key that is one or two letters away from a setting ({@code titel}). */
    void warnAboutTypos() {
        Set<String> known = SiteSettings.topLevelKeys();
        for (String key : yaml.values().keySet()) {
            if (!known.contains(key)) {
                KeySuggestions.closest(key, known).ifPresent(setting -> problems.add(Problem.warning(file,
                        yaml.lineOf(key), "unknown key " + Quote.code(key) + " looks like a typo of `" + setting + "`",
                        "rename it to `" + setting + "` (unknown keys are passed to templates as site.params)")));
            }
        }
        for (String section : known) {
            Set<String> inside = SiteSettings.sectionKeys(section);
            if (!inside.isEmpty() && yaml.values().get(section) instanceof Map<?, ?> map) {
                for (Object key : map.keySet()) {
                    String name = String.valueOf(key);
                    if (!inside.contains(name)) {
                        String suggestion = KeySuggestions.closest(name, inside).map(s -> "did you mean `" + s + "`? ")
                                .orElse("");
                        problems.add(Problem.warning(file, yaml.lineOf(section), "unknown key " + Quote.code(name) + " in `"
                                + section + ":`, which is ignored", suggestion + "the keys of `" + section + ":` are "
                                + String.join(", ", inside)));
                    }
                }
            }
        }
    }

    private Object raw(Setting<?> setting) {
        Object value = yaml.values().get(setting.topLevelKey());
        if (setting.key().equals(setting.topLevelKey())) {
            return value;
        }
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> section)) {
            String top = setting.topLevelKey();
            problems.add(Problem.error(file, lineOf(setting), "`" + top + "` must be a section of `key: value` lines",
                    "write `" + top + ":` and then, indented below it, `" + setting.key().substring(top.length() + 1)
                            + ": value`"));
            return null;
        }
        return section.get(setting.key().substring(setting.topLevelKey().length() + 1));
    }

    private String text(Setting<?> setting, Object value) {
        if (value instanceof Map || value instanceof List) {
            problems.add(Problem.error(file, lineOf(setting), "`" + setting.key() + "` must be a single value",
                    "write `" + setting.key() + ": value`"));
            return null;
        }
        // A YAML escape can spell a character XML and HTML forbid (\uFFFF): replaced, as in articles.
        return io.gazette.text.SourceText.replaceForbidden(VietnameseText.nfc(String.valueOf(value)));
    }

    private Integer positiveInt(Setting<?> setting, Object value) {
        if (value instanceof Integer i && i > 0) {
            return i;
        }
        problems.add(Problem.error(file, lineOf(setting), "`" + setting.key() + "` must be a whole number above 0, not "
                + Quote.code(value), "for example `" + setting.key() + ": " + setting.fallback() + "`"));
        return null;
    }

    private ZoneId zone(Setting<?> setting, Object value) {
        try {
            return ZoneId.of(String.valueOf(value));
        } catch (DateTimeException e) {
            problems.add(Problem.error(file, lineOf(setting), "unknown time zone " + Quote.code(value),
                    "use a region name such as Asia/Ho_Chi_Minh"));
            return null;
        }
    }

    private Boolean flag(Setting<?> setting, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add(Problem.error(file, lineOf(setting), "`" + setting.key() + "` must be true or false, not "
                + Quote.code(value), "write `" + setting.key() + ": true` or leave the line out"));
        return null;
    }

    private Map<String, Object> mapping(Setting<?> setting, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(Problem.error(file, lineOf(setting), "`" + setting.key() + "` must be a section of `key: value` lines",
                    "write `" + setting.key() + ":` and then, indented below it, one `name: value` per line"));
            return null;
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        map.forEach((k, v) -> entries.put(String.valueOf(k), v));
        return entries;
    }
}
