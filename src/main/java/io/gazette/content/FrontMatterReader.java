package io.gazette.content;

import io.gazette.problems.Quote;
import io.gazette.config.YamlMapping;
import io.gazette.problems.Limits;
import io.gazette.problems.Problem;
import io.gazette.text.Slugs;
import io.gazette.text.SourceText;
import io.gazette.text.VietnameseText;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a parsed front matter mapping into a {@link FrontMatter}. It reports every problem it
 * finds (not just the first) and returns empty when any of them is an error.
 */
public final class FrontMatterReader {
    private final Path file;
    private final int lineOffset;
    private final ZoneId zone;
    private final YamlMapping yaml;
    private final List<Problem> problems = new ArrayList<>();

    private FrontMatterReader(Path file, int lineOffset, ZoneId zone, YamlMapping yaml) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.zone = zone;
        this.yaml = yaml;
    }

    public record Result(Optional<FrontMatter> frontMatter, List<Problem> problems) {
    }

    /** @param yamlFirstLine file line on which the YAML text starts, to turn YAML lines into file lines */
    public static Result read(Path file, int yamlFirstLine, ZoneId zone, YamlMapping yaml) {
        FrontMatterReader reader = new FrontMatterReader(file, yamlFirstLine - 1, zone, yaml);
        FrontMatter frontMatter = reader.read();
        boolean failed = reader.problems.stream().anyMatch(Problem::isError);
        return new Result(failed ? Optional.empty() : Optional.of(frontMatter), List.copyOf(reader.problems));
    }

    private FrontMatter read() {
        warnAboutTypos();
        String title = text("title");
        if (title.isBlank()) {
            error("title", yaml.values().containsKey("title") ? "`title` is empty" : "missing `title`",
                    "add `title: \"Tiêu đề bài viết\"` to the front matter");
        } else if (title.length() > Limits.MAX_TITLE_CHARS) {
            error("title", "`title` is " + Limits.shown(title.length()) + " characters long; the limit is "
                    + Limits.shown(Limits.MAX_TITLE_CHARS), "shorten it and put the rest in `summary:` or the text");
        }
        ZonedDateTime date = date("date", true);
        ZonedDateTime lastmod = date("lastmod", false);
        ZonedDateTime expiryDate = date("expiryDate", false);
        if (date != null && expiryDate != null && !expiryDate.isAfter(date)) {
            // It would never be shown: almost always a typo in one of the two dates.
            error("expiryDate", Quote.code("expiryDate: " + yaml.values().get("expiryDate")) + " is not after "
                    + Quote.code("date: " + yaml.values().get("date")) + ", so the article would never appear",
                    "give a later `expiryDate:`, or remove it to keep the article for good");
        }
        String slug = text("slug");
        if (!slug.isEmpty() && !Slugs.isValid(slug)) {
            String suggestion = Slugs.slugify(slug);
            error("slug", "slug " + Quote.code(slug) + " is not a plain URL segment (lower-case a-z, 0-9 and hyphens)",
                    suggestion.isEmpty() ? "remove `slug:` to derive it from the title"
                            : "write `slug: " + suggestion + "`");
        }
        List<String> aliases = aliases();
        Map<String, Object> params = new LinkedHashMap<>();
        yaml.values().forEach((key, value) -> {
            if (!FrontMatter.KNOWN_KEYS.contains(key)) {
                params.put(key, value);
            }
        });
        String category = text("category");
        if (!category.isEmpty() && Slugs.slugify(category).isEmpty()) {
            error("category", "category " + Quote.code(category) + " has no letters or digits, so it has no URL",
                    "name the category with words, such as `category: Hoạt động của Khối`, or remove it");
        }
        return new FrontMatter(title, date, lastmod, text("author"), tags(), category, text("summary"),
                text("image"), text("caption"), slug, aliases, bool("draft"), expiryDate, Collections.unmodifiableMap(params));
    }

    private String text(String key) {
        Object value = yaml.values().get(key);
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof Collection) {
            error(key, "`" + key + "` must be a single value, not a " + (value instanceof Map ? "mapping" : "list"),
                    "write `" + key + ": value` on one line");
            return "";
        }
        return SourceText.replaceForbidden(VietnameseText.nfc(String.valueOf(value)).strip());
    }

    private boolean bool(String key) {
        Object value = yaml.values().get(key);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        error(key, "`" + key + "` must be true or false, not " + Quote.code(value), "write `" + key + ": true`");
        return false;
    }

    private ZonedDateTime date(String key, boolean required) {
        Object value = yaml.values().get(key);
        if (value == null) {
            if (required) {
                error(key, "missing `" + key + "`", "add `" + key + ": YYYY-MM-DD` (for example `" + key
                        + ": 2014-08-18`)");
            }
            return null;
        }
        Optional<ZonedDateTime> parsed = DateParser.parse(String.valueOf(value), zone);
        if (parsed.isEmpty()) {
            error(key, "cannot read " + Quote.code(key + ": " + value) + " as a date", "write it as " + DateParser.ACCEPTED_FORMS);
        }
        return parsed.orElse(null);
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        // The slug of each tag kept: two tags with one slug are one tag (slugged once each).
        java.util.Set<String> slugs = new java.util.HashSet<>();
        List<?> raws = list("tags");
        if (raws.size() > Limits.MAX_TAGS) {
            error("tags", "an article has " + raws.size() + " tags; the limit is " + Limits.MAX_TAGS,
                    "keep the tags readers would look for; a tag page lists articles, not words of one article");
            return List.of();
        }
        for (int i = 0; i < raws.size(); i++) {
            Object raw = raws.get(i);
            String tag = raw == null ? "" : SourceText.replaceForbidden(VietnameseText.nfc(String.valueOf(raw)).strip());
            String slug = tag.isEmpty() ? "" : Slugs.slugify(tag);
            if (slug.isEmpty()) {
                error(YamlMapping.itemKey("tags", i), "empty tag" + (tag.isEmpty() ? "" : " " + Quote.code(tag) + " (it has no letters or digits)"),
                        "remove the empty item from `tags:` or give it a name");
            } else if (slugs.add(slug)) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    private List<String> aliases() {
        List<String> aliases = new ArrayList<>();
        List<?> raws = list("aliases");
        if (raws.size() > Limits.MAX_ALIASES) {
            error("aliases", "an article has " + raws.size() + " aliases; the limit is " + Limits.MAX_ALIASES,
                    "an alias is an old URL that redirects here; list only the ones readers still use");
            return List.of();
        }
        for (int i = 0; i < raws.size(); i++) {
            Object raw = raws.get(i);
            String alias = raw == null ? "" : String.valueOf(raw).strip();
            Optional<String> problem = UrlPaths.unsafeReason(alias);
            if (problem.isPresent()) {
                error(YamlMapping.itemKey("aliases", i), "alias " + Quote.code(alias) + " " + problem.get(),
                        "an alias is a path inside the site, such as /tin-tuc/hoi-nghi.html or /old/path/");
            } else {
                aliases.add(UrlPaths.normalise(alias));
            }
        }
        return List.copyOf(aliases);
    }

    private List<?> list(String key) {
        Object value = yaml.values().get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items;
        }
        if (value instanceof Map) {
            error(key, "`" + key + "` must be a list", "write one `- item` per line under `" + key + ":`");
            return List.of();
        }
        return List.of(value);
    }

    private void warnAboutTypos() {
        for (String key : yaml.values().keySet()) {
            if (FrontMatter.KNOWN_KEYS.contains(key)) {
                continue;
            }
            io.gazette.text.KeySuggestions.closest(key, FrontMatter.KNOWN_KEYS).ifPresent(known -> problems.add(Problem.warning(
                    file, line(key), "unknown key " + Quote.code(key) + " looks like a typo of `" + known + "`",
                    "rename it to `" + known + "` (unknown keys are passed to templates as article.params)")));
        }
    }

    private int line(String key) {
        int line = yaml.lineOf(key);
        if (line == 0 && key.endsWith("]")) {
            line = yaml.lineOf(key.substring(0, key.indexOf('[')));
        }
        return line == 0 ? 0 : line + lineOffset;
    }

    private void error(String key, String message, String hint) {
        problems.add(Problem.error(file, line(key) == 0 ? 1 : line(key), message, hint));
    }
}
