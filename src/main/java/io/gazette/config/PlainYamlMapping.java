package io.gazette.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the few line forms that nearly every front matter is made of, without SnakeYAML:
 * {@code key: "text"}, {@code key: plain words}, {@code date: 2017-05-27T10:16:00+07:00},
 * {@code draft: true}, {@code tags: []}, {@code key:} followed by {@code - "item"} lines, empty
 * lines and {@code #} comment lines. Anything else, or anything SnakeYAML might read differently
 * (other escapes, a tab, a line break character, a duplicate key, a key or word YAML reads as a
 * boolean or null), returns null and goes to SnakeYAML, which stays the reference: the property
 * test compares the two on random documents.
 *
 * <p>Why: SnakeYAML builds a scanner, parser, composer and constructor state per document
 * (about 29 KB of allocation and 7 % of the content stage's CPU at 10,000 real articles), for front
 * matter that is a handful of quoted strings.
 */
final class PlainYamlMapping {
    /** Longer texts go to SnakeYAML, which also enforces the code point limit. */
    private static final int MAX_CHARS = 64 * 1024;

    private PlainYamlMapping() {
    }

    /** The mapping SnakeYAML would read from {@code text}, or null when the text is not one of these plain forms. */
    static YamlMapping read(String text) {
        if (text.length() > MAX_CHARS) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String listKey = null; // the key whose `- item` lines may follow
        List<Object> list = null;
        int listIndent = -1;
        int line = 0;
        int position = 0;
        int length = text.length();
        while (position < length) {
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = length;
            }
            line++;
            if (end == position || text.charAt(position) == '#') {
                // An empty line or a comment on its own line, as SnakeYAML skips them. A comment
                // line holding a character SnakeYAML refuses still goes to SnakeYAML.
                if (!printable(text, position, end)) {
                    return null;
                }
            } else if (text.charAt(position) == ' ' || text.charAt(position) == '-') {
                int indent = position;
                while (indent < end && text.charAt(indent) == ' ') {
                    indent++;
                }
                if (listKey == null || indent + 1 >= end || text.charAt(indent) != '-' || text.charAt(indent + 1) != ' '
                        || (listIndent >= 0 && indent - position != listIndent)) {
                    return null;
                }
                listIndent = indent - position;
                Object item = value(text, indent + 2, end);
                if (item == null) {
                    return null;
                }
                if (list == null) {
                    list = new ArrayList<>();
                    values.put(listKey, list);
                }
                lines.put(YamlMapping.itemKey(listKey, list.size()), line);
                list.add(item);
            } else {
                listKey = null;
                list = null;
                listIndent = -1;
                int colon = keyEnd(text, position, end);
                if (colon < 0) {
                    return null;
                }
                String key = text.substring(position, colon);
                if (values.containsKey(key) || readsAsOther(key)) {
                    return null;
                }
                lines.put(key, line);
                if (colon + 1 == end) {
                    listKey = key;
                    values.put(key, null); // null unless `- item` lines follow
                } else {
                    Object value = text.charAt(colon + 1) == ' ' ? value(text, colon + 2, end) : null;
                    if (value == null) {
                        return null;
                    }
                    values.put(key, value);
                }
            }
            position = end + 1;
        }
        return values.isEmpty() ? null : new YamlMapping(values, lines);
    }

    /** The end of a key of ASCII letters, digits, {@code _} and {@code -} starting with a letter: the colon after it. */
    private static int keyEnd(String text, int from, int end) {
        if (!asciiLetter(text.charAt(from))) {
            return -1;
        }
        for (int i = from + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The value in {@code text[from, end)}: a String, Boolean or an empty list, or null when
     * SnakeYAML should read it (an empty value too).
     */
    private static Object value(String text, int from, int end) {
        if (from >= end) {
            return null;
        }
        char first = text.charAt(from);
        if (first == '"') {
            return doubleQuoted(text, from + 1, end);
        }
        if (end - from == 2 && first == '[' && text.charAt(from + 1) == ']') {
            return new ArrayList<>();
        }
        if (first >= '0' && first <= '9') {
            return date(text, from, end) ? text.substring(from, end) : null;
        }
        if (!Character.isLetter(first) || !printable(text, from, end)) {
            return null;
        }
        for (int i = from + 1; i < end; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '.' || c == ',' || c == '(' || c == ')'
                    || c == '/') || (c == ' ' && (i + 1 == end || text.charAt(i + 1) == ' '))) {
                return null;
            }
        }
        String plain = text.substring(from, end);
        return switch (plain) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            case "null", "Null", "NULL" -> null;
            default -> plain;
        };
    }

    /** {@code "…"} closing at the line's end, with no escape but {@code \"} and {@code \\}. */
    private static String doubleQuoted(String text, int from, int end) {
        if (end - from < 1 || text.charAt(end - 1) != '"') {
            return null;
        }
        int close = end - 1;
        StringBuilder unescaped = null;
        int copied = from;
        for (int i = from; i < close; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= close || (text.charAt(i + 1) != '"' && text.charAt(i + 1) != '\\')) {
                    return null;
                }
                if (unescaped == null) {
                    unescaped = new StringBuilder(close - from);
                }
                unescaped.append(text, copied, i);
                copied = i + 1; // keep the escaped character, drop the backslash
                i++;
            } else if (Character.isSurrogate(c)) {
                // A pair is one printable character beyond the BMP; a lone surrogate is refused by SnakeYAML.
                if (!Character.isHighSurrogate(c) || i + 1 >= close || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return null;
                }
                i++;
            } else if (c == '"' || !printable(c)) {
                return null;
            }
        }
        if (unescaped == null) {
            return text.substring(from, close);
        }
        return unescaped.append(text, copied, close).toString();
    }

    /** {@code YYYY-MM-DD}, optionally followed by {@code THH:MM}, seconds and a zone: never a number in YAML. */
    private static boolean date(String text, int from, int end) {
        String shape = "dddd-dd-dd";
        if (end - from < shape.length()) {
            return false;
        }
        for (int i = 0; i < shape.length(); i++) {
            char c = text.charAt(from + i);
            if (shape.charAt(i) == 'd' ? !(c >= '0' && c <= '9') : c != shape.charAt(i)) {
                return false;
            }
        }
        for (int i = from + shape.length(); i < end; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == ':' || c == '+' || c == '-' || c == 'T' || c == 'Z' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Keys YAML reads as a boolean or null: SnakeYAML treats {@code true} and {@code True} as one key. */
    private static boolean readsAsOther(String key) {
        return switch (key) {
            case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL" -> true;
            default -> false;
        };
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code text[from, end)} holds only {@link #printable(char)} characters (so no surrogate). */
    private static boolean printable(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!printable(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * SnakeYAML's printable characters of the Basic Multilingual Plane (its {@code StreamReader}),
     * less the tab, CR and the characters it takes for line breaks (U+0085, U+2028, U+2029).
     */
    private static boolean printable(char c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD);
    }
}
