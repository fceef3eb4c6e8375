package io.gazette.config;

/**
 * One key of site.yml: its name, the value used when the key is absent, and the kind of value it
 * takes. The catalogue of all of them is {@link SiteSettings}.
 *
 * @param key      the key as written in site.yml; {@code section.key} for a key inside a section
 *                 ({@code import.category} is {@code category:} under {@code import:})
 * @param fallback the default; null only for settings that are "not set" by default
 * @param kind     how the YAML value is checked and converted
 * @param meaning  one line for the README table and the typo hint
 */
public record Setting<T>(String key, T fallback, Kind kind, String meaning) {

    /** The kinds of value site.yml holds; each has one decoder in {@link SettingsReader}. */
    public enum Kind {
        /** A single value, read as text (NFC). */
        TEXT,
        /** A whole number above 0. */
        POSITIVE_INT,
        /** A time-zone region name, {@code Asia/Ho_Chi_Minh}. */
        TIME_ZONE,
        /** {@code true} or {@code false}. */
        FLAG,
        /** A mapping whose entries are the site's own parameters. */
        MAPPING
    }

    /** The top-level key this setting lives under: {@code import} for {@code import.category}. */
    public String topLevelKey() {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
