package io.gazette.config;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every key site.yml gives a meaning to, with its default: the one place to add a setting. A key
 * not listed here is the site's own parameter ({@code site.params} in templates); one that looks
 * like a typo of a listed key gets a warning. The README's "Configuration" table lists the same
 * keys ({@code SiteSettingsTest} checks that it does).
 */
public final class SiteSettings {
    public static final Setting<String> TITLE = text("title", "Gazette", "shown by the theme and in feeds");
    public static final Setting<String> DESCRIPTION = text("description", "", "shown by the theme and in feeds");
    public static final Setting<String> AUTHOR = text("author", "", "shown by the theme and in feeds");
    public static final Setting<String> BASE_URL = text("baseUrl", "http://127.0.0.1:1313/",
            "absolute URL of the published site");
    public static final Setting<String> LANGUAGE = text("language", "vi", "theme strings and date formats");
    public static final Setting<ZoneId> TIME_ZONE = new Setting<>("timeZone", ZoneId.of("Asia/Ho_Chi_Minh"),
            Setting.Kind.TIME_ZONE, "zone for dates without one");
    public static final Setting<String> PERMALINK = text("permalink", "/:year/:month/:slug/", "article URLs");
    public static final Setting<Integer> PAGE_SIZE = count("pageSize", 10, "articles per list page");
    public static final Setting<Integer> FEED_SIZE = count("feedSize", 20, "articles per feed");
    public static final Setting<Integer> RELATED_COUNT = count("relatedCount", 5, "related articles per article");
    public static final Setting<String> THEME = text("theme", "default", "folder under themes/");
    public static final Setting<String> OUTPUT = text("output", "public", "output folder");
    public static final Setting<String> IMAGE = text("image", "",
            "photo for articles without an image of their own (og:image, JSON-LD)");
    public static final Setting<Boolean> ALLOW_RAW_HTML = new Setting<>("allowRawHtml", false, Setting.Kind.FLAG,
            "let HTML written inside Markdown through, sanitized");
    public static final Setting<String> IMPORT_CATEGORY = text("import.category", null,
            "category `gazette import` gives pages without a breadcrumb");
    public static final Setting<Map<String, Object>> PARAMS = new Setting<>("params", Map.of(), Setting.Kind.MAPPING,
            "the site's own parameters, for templates");

    /** In the README table's order. */
    public static final List<Setting<?>> ALL = List.of(TITLE, DESCRIPTION, AUTHOR, BASE_URL, LANGUAGE, TIME_ZONE,
            PERMALINK, PAGE_SIZE, FEED_SIZE, RELATED_COUNT, THEME, OUTPUT, IMPORT_CATEGORY, ALLOW_RAW_HTML, IMAGE,
            PARAMS);

    private SiteSettings() {
    }

    /** The top-level keys of site.yml that are settings, not parameters ({@code import}, not {@code import.category}). */
    public static Set<String> topLevelKeys() {
        Set<String> keys = new LinkedHashSet<>();
        ALL.forEach(setting -> keys.add(setting.topLevelKey()));
        return keys;
    }

    /** The keys allowed inside the section {@code section} ({@code category} for {@code import}). */
    public static Set<String> sectionKeys(String section) {
        Set<String> keys = new LinkedHashSet<>();
        for (Setting<?> setting : ALL) {
            if (setting.key().startsWith(section + ".")) {
                keys.add(setting.key().substring(section.length() + 1));
            }
        }
        return keys;
    }

    private static Setting<String> text(String key, String fallback, String meaning) {
        return new Setting<>(key, fallback, Setting.Kind.TEXT, meaning);
    }

    private static Setting<Integer> count(String key, int fallback, String meaning) {
        return new Setting<>(key, fallback, Setting.Kind.POSITIVE_INT, meaning);
    }
}
