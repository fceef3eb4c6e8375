package io.gazette.legacy;

import io.gazette.text.VietnameseText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link LegacyArticle} in the layout of the hand-migrated articles in {@code content/}:
 * front matter keys in the order title, date, author, category, tags, aliases; the title always
 * double-quoted; other strings plain when YAML reads them back unchanged, double-quoted otherwise;
 * body blocks separated by one blank line; one final newline.
 */
public final class ArticleMarkdown {
    /**
     * Plain scalars we trust to read back as the same string: start with a letter, then letters,
     * digits, spaces and harmless punctuation, and no ": " or " #" sequence.
     */
    private static final Pattern PLAIN_SAFE = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N} .,()/–—+'’-]*");
    private static final Pattern YAML_WORDS = Pattern.compile(
            "(?i)(y|yes|n|no|true|false|on|off|null)");

    private ArticleMarkdown() {
    }

    public static String format(LegacyArticle article) {
        StringBuilder out = new StringBuilder();
        out.append("---\n");
        out.append("title: ").append(quoted(article.title())).append('\n');
        out.append("date: ").append(article.date().frontMatterValue()).append('\n');
        if (article.author() != null) {
            out.append("author: ").append(scalar(article.author())).append('\n');
        }
        if (article.category() != null) {
            out.append("category: ").append(scalar(article.category())).append('\n');
        }
        list(out, "tags", article.tagNames());
        list(out, "aliases", article.aliases());
        out.append("---\n");
        for (String block : article.body()) {
            out.append('\n').append(block).append('\n');
        }
        return VietnameseText.nfc(out.toString());
    }

    private static void list(StringBuilder out, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append(key).append(":\n");
        for (String value : values) {
            out.append("  - ").append(scalar(value)).append('\n');
        }
    }

    static String scalar(String value) {
        boolean plain = PLAIN_SAFE.matcher(value).matches() && !value.endsWith(" ")
                && !YAML_WORDS.matcher(value).matches();
        return plain ? value : quoted(value);
    }

    /** A YAML double-quoted scalar; escapes everything YAML would otherwise fold or refuse. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                            || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
