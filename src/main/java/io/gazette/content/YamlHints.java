package io.gazette.content;

/** How to fix the YAML errors editors actually meet, keyed on SnakeYAML's message. */
final class YamlHints {
    private YamlHints() {
    }

    static String forMessage(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Global tag")) {
            return "front matter holds plain data only: remove the `!!...` tag";
        }
        if (m.contains("aliases")) {
            return "front matter may not expand many `&anchor`/`*alias` references; write the values out";
        }
        if (m.contains("duplicate key")) {
            return "each key may appear once; remove or merge the repeated key";
        }
        if (m.contains("exceeds the limit") || m.contains("code points")) {
            return "the front matter is too large; move long text into the article body";
        }
        return "check indentation, and quote values containing `: ` or starting with a special character";
    }
}
