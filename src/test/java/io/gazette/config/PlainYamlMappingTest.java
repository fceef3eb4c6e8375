package io.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainYamlMappingTest {

    @Test
    void readsTheRealArchivesFrontMatterAsSnakeYamlDoes() throws Exception {
        for (String text : List.of(
                "title: \"1.001 chuyện ở trọ chung\"\ndate: 2017-05-27T10:16:00+07:00\nauthor: \"Lê Đức Thắng\"\n"
                        + "category: \"Giáo dục\"\ntags:\n  - \"TP HCM\"\n  - \"Tú Anh\"\n",
                "title: \"Zidane \\\"thiết đầu công\\\" & kẻ tử thù\"\ndate: 2017-05-27\ntags: []\n",
                "title: Hội nghị sơ kết\ndraft: true\nsummary:\nslug: hoi-nghi\n# ghi chú\n\nimage: \"/a b.jpg\"",
                "title: \"😀 x\"\naliases:\n- \"/cu/\"\n- \"/cu-2/\"\n")) {
            YamlMapping plain = PlainYamlMapping.read(text);
            assertThat(plain).as(text).isNotNull();
            assertSame(plain, YamlMapping.parseWithSnakeYaml(text), text);
        }
    }

    @Test
    void leavesAnythingElseToSnakeYaml() {
        for (String text : List.of("title: \"a\" # note\n", "title: 'a'\n", "title: \"a\\tb\"\n", "title: \"a\tb\"\n",
                "title: a: b\n", "title: \"a\"\ntitle: \"b\"\n", "true: 1\nTrue: 2\n", "title: null\n", "n: 12\n",
                "x: 1.5\n", "tags:\n  - \"a\"\n   - \"b\"\n", "title: \"a\u2028b\"\n", "title:\n  - [a]\n", "title: |\n  a\n",
                "\"title\": \"a\"\n", "title: \"a\r\"\n", "title: a  b\n", "title: a \n", "title: \"\ud800\"\n",
                "  title: \"a\"\n", "title: \"a\"\n  - \"b\"\n", "title: \"a\u0085\"\n", "---\ntitle: \"a\"\n")) {
            assertThat(PlainYamlMapping.read(text)).as(text).isNull();
        }
    }

    /**
     * Random documents of the plain forms and of near misses: every one the fast path takes must
     * read exactly as SnakeYAML reads it (values, their types and order, and every line).
     */
    @Test
    void agreesWithSnakeYamlOnRandomDocuments() throws Exception {
        Random random = new Random(20261201);
        int taken = 0;
        int documents = 20_000;
        for (int n = 0; n < documents; n++) {
            String text = document(random);
            YamlMapping plain = PlainYamlMapping.read(text);
            if (plain == null) {
                continue;
            }
            taken++;
            YamlMapping reference;
            try {
                reference = YamlMapping.parseWithSnakeYaml(text);
            } catch (YamlMapping.YamlError e) {
                throw new AssertionError("SnakeYAML refuses what the fast path took: " + e.getMessage() + "\n" + text, e);
            }
            assertSame(plain, reference, text);
        }
        assertThat(taken).as("documents the fast path took").isGreaterThan(documents / 10);
    }

    private static void assertSame(YamlMapping plain, YamlMapping reference, String text) {
        assertThat(entries(plain.values())).as(text).isEqualTo(entries(reference.values()));
        assertThat(entries(plain.keyLines())).as(text).isEqualTo(entries(reference.keyLines()));
        for (String key : reference.values().keySet()) {
            Object value = reference.values().get(key);
            assertThat(plain.values().get(key) == null ? null : plain.values().get(key).getClass())
                    .as(text).isEqualTo(value == null ? null : value.getClass());
        }
    }

    /** Entries in order, with each list's items' classes, so that order and types are compared too. */
    private static List<Object> entries(Map<String, ?> map) {
        List<Object> entries = new ArrayList<>();
        map.forEach((key, value) -> {
            entries.add(key);
            entries.add(value);
            if (value instanceof List<?> items) {
                items.forEach(item -> entries.add(item == null ? null : item.getClass()));
            }
        });
        return entries;
    }

    private static final String[] KEYS = {"title", "date", "author", "category", "tags", "summary", "draft", "aliases",
        "slug", "a-b", "x_1", "Title", "true", "False", "null", "NULL", "yes", "on", "9a", "é", "title ", "t#", "", "a.b"};
    private static final String[] SEPARATORS = {": ", ": ", ": ", ":", ":  ", ":\t", " : "};
    private static final String[] WORDS = {"true", "True", "FALSE", "null", "Null", "~", "[]", "[ ]", "[a]", "{}",
        "2017-05-27T10:16:00+07:00", "2017-05-27", "2017-05-27 10:16", "2017-05-27T10:16:00Z", "2017-05-27T1.5",
        "12", "1.5", "0x1F", "1_000", "1:30", ".inf", "yes", "No", "on", "Hội nghị", "a-b", "(x)", "a/b", "a,b", "x."};
    private static final String QUOTED_CHARS = "aĐệ ,.:#-'&*!|>%@`[]{}\"\\\"\\\\\t\u2028\u0085\u0001\u007f\ufeff\ufffe\u00a0";
    private static final String PLAIN_CHARS = "aĐệ ,.:#-'&*()/[]{}\"\\\t0";

    private static String document(Random random) {
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(7);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(10)) {
                case 0 -> text.append(random.nextInt(3) == 0 ? "" : "# " + quoted(random, false));
                case 1, 2 -> {
                    text.append(key(random)).append(':');
                    int items = random.nextInt(4);
                    String indent = " ".repeat(random.nextInt(3));
                    for (int item = 0; item < items; item++) {
                        text.append('\n').append(random.nextInt(8) == 0 ? " " + indent : indent)
                                .append(random.nextInt(10) == 0 ? "-" : "- ").append(value(random));
                    }
                }
                default -> text.append(key(random)).append(random.nextInt(4) == 0 ? pick(random, SEPARATORS) : ": ")
                        .append(value(random));
            }
            if (random.nextInt(30) == 0) {
                text.append(' ');
            }
            if (i < lines - 1 || random.nextBoolean()) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** Mostly a key the fast path takes, now and then one it must leave. */
    private static String key(Random random) {
        return random.nextInt(4) == 0 ? pick(random, KEYS) : KEYS[random.nextInt(11)] + (random.nextInt(5) == 0 ? random.nextInt(100) : "");
    }

    private static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> '"' + quoted(random, true) + (random.nextInt(20) == 0 ? "" : "\"");
            case 3 -> pick(random, WORDS);
            default -> plain(random);
        };
    }

    /** Mostly ordinary text with now and then a character or escape the fast path must leave. */
    private static String quoted(Random random, boolean tricky) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            if (tricky && random.nextInt(40) == 0) {
                int c = random.nextInt(QUOTED_CHARS.length());
                text.append(QUOTED_CHARS.charAt(c));
            } else if (tricky && random.nextInt(80) == 0) {
                text.append(random.nextBoolean() ? "😀" : "\ud83d");
            } else {
                text.append("aăâbcdđeêghiklmnoôơpqrstuưvxyỳỹáàảãạ ".charAt(random.nextInt(37)));
            }
        }
        return text.toString();
    }

    private static String plain(Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(8) == 0 ? "" : "Đ");
        int length = random.nextInt(10);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(6) == 0 ? PLAIN_CHARS.charAt(random.nextInt(PLAIN_CHARS.length()))
                    : "abcđệ ".charAt(random.nextInt(6)));
        }
        return text.toString();
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
