package io.gazette.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * What the fuzz harness feeds Gazette, as jqwik arbitraries: Markdown made of the constructs
 * parsers trip on, front matter with every key and the YAML that goes wrong, whole articles
 * generated or mutated from the fixtures, {@code site.yml}, theme templates and legacy pages.
 */
final class FuzzInputs {
    private FuzzInputs() {
    }

    /** Pieces of Markdown: structure, inline delimiters, raw HTML, entities and hostile characters. */
    static final List<String> MARKDOWN_TOKENS = List.of(
            "\n", "\n\n", "\n\n", " ", "  ", "\t", "    ", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ", "###### ",
            "---", "***", "___", "```", "```js\n", "~~~", "`", "``", "*", "**", "_", "__", "~~", "[", "]", "(", ")", "](",
            "](/2014/08/bai/)", "](https://mof.gov.vn/ \"t\")", "](javascript:alert(1))", "](<a b>)", "![", "![ảnh](/images/a.jpg)",
            "![](", "[^1]", "[^1]: chú thích\n", "[a]: /u\n", "[a]", "[a][]", "<", ">", "&", "&amp;", "&#0;", "&#xFFFF;",
            "&#x1F600;", "&nbsp;", "&bogus;", "<b>", "</b>", "<div>", "</div>", "<p>", "</span>", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<!--", "-->", "<![CDATA[", "]]>",
            "<?xml?>", "<svg><script>", "<style>", "<table>", "<td>", "|", "| a | b |\n|---|---|\n", "|:-:|", "\\", "\\*",
            "http://", "https://example.org/a_b_(c)", "www.a.vn", "a@b.vn", "\"", "'", "--", "...", "<<", ">>", "{{", "}}",
            "{%", "%}", "{#", "Hội nghị", "thi đua khen thưởng", "Bộ Xây dựng", "Tiếng Việt", "e\u0301", "\u0110\u00F4",
            "\uFFFF", "\uFFFE", "\u0000", "\u0001", "\u001B", "\u007F", "\u0085", "\u00A0", "\u200B", "\u2028", "\uFEFF",
            "\uFDD0", "\uDBFF\uDFFF", "\uD83D\uDE00", "\r", "\r\n", "0", "1", "a", "A", "-", "=", "==", ":", ";");

    static Arbitrary<String> markdown() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(MARKDOWN_TOKENS)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(8)),
                Tuple.of(2, Arbitraries.strings().withChars("*_`[]()<>!~#-|\\ \n").ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("*", "[", "`", ">", "- ", "_", "<", "~", "|").flatMap(
                        s -> Arbitraries.integers().between(50, 3000).map(s::repeat))));
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    static final List<String> KEYS = List.of("title", "date", "lastmod", "tags", "aliases", "slug", "draft", "category",
            "author", "summary", "image", "caption", "titel", "tag", "Title", "params", "x", "", "? ", "<<", "\"title\"");

    static Arbitrary<String> yamlValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("Hội nghị sơ kết", "\"Tiêu đề \\\"trích\\\"\"", "'a'", "2014-08-18", "2014-08-18 09:30",
                        "2014-08-18T09:30:00+07:00", "18/08/2014", "2014-13-45", "0000-00-00", "99999-01-01", "true", "false",
                        "yes", "null", "~", "", "[]", "{}", "[a, b]", "[Thi đua, thi đua, THI ĐUA]", "{a: 1}", "&a x", "*a", "!!str x",
                        "!!javax.script.ScriptEngineManager [x]", "|", ">", "\"", "'", "[", "{", "- x", "? x", "../../etc/passwd",
                        "/tin-tuc/1.html", "//evil.example/", "/a/../../b", "hoi-nghi", "Hoi Nghi!", "1e400", "-1", "0x1F", ".nan",
                        "<script>alert(1)</script>", "a\\u0000b", "\"\\uFFFF\"", "\"\\x01\"", "%", "@", "`")),
                Tuple.of(2, markdown().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
    }

    static Arbitrary<String> frontMatter() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(KEYS).flatMap(key -> yamlValue().map(value -> key + ": " + value))),
                Tuple.of(2, Arbitraries.of(KEYS).flatMap(key -> yamlValue().list().ofMaxSize(4)
                        .map(items -> key + ":\n" + String.join("\n", items.stream().map(i -> "  - " + i).toList())))),
                Tuple.of(1, Arbitraries.of("  indented: 1", "\t- tab", "a: &x [*x]", "a: !!binary AAAA", "---", "...", "#", "%YAML 1.1")));
        Arbitrary<String> valid = Arbitraries.of("title: \"Bài thử\"\ndate: 2014-08-18\n", "title: Thử\ndate: 2015-01-02 08:00\n");
        return Arbitraries.frequencyOf(
                Tuple.of(3, valid.flatMap(v -> line.list().ofMaxSize(5).map(more -> v + String.join("\n", more)))),
                Tuple.of(1, line.list().ofMaxSize(8).map(lines -> String.join("\n", lines))));
    }

    /** A whole article: generated, or a fixture mutated a few times at random places. */
    static Arbitrary<String> article() {
        Arbitrary<String> generated = frontMatter().flatMap(fm -> markdown().map(body -> "---\n" + fm + "\n---\n" + body));
        Arbitrary<String> fence = Arbitraries.of("---\n", "---\r\n", "\uFEFF---\n", "", "--- \n", "----\n");
        Arbitrary<String> odd = fence.flatMap(open -> frontMatter().flatMap(fm -> markdown().map(body -> open + fm + "\n" + body)));
        Arbitrary<String> mutated = Arbitraries.of(seedArticles()).flatMap(seed -> Arbitraries.randomValue(random -> mutate(seed, random)));
        return Arbitraries.frequencyOf(Tuple.of(5, generated), Tuple.of(1, odd), Tuple.of(4, mutated));
    }

    /** Bytes of an article; now and then not UTF-8 at all. */
    static Arbitrary<byte[]> articleBytes() {
        return article().flatMap(text -> Arbitraries.randomValue(random -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0 && random.nextInt(20) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            return bytes;
        }));
    }

    static Arbitrary<String> siteYml() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("title: \"Bản tin\"", "title: \"<script>alert(1)</script> & ]]>\"", "title: \"\\uFFFF\"",
                        "description: \"Mô tả \\\"trích\\\" <b>\"", "author: Ban biên tập", "baseUrl: https://example.org/",
                        "baseUrl: https://example.org/archive/", "baseUrl: \"javascript:alert(1)\"", "baseUrl: /", "baseUrl: \"\"",
                        "baseUrl: http://127.0.0.1:1313/", "baseUrl: https://ví-dụ.vn/lưu trữ/", "language: vi", "language: en",
                        "language: zz", "language: ../../x", "timeZone: Asia/Ho_Chi_Minh", "timeZone: Mars/Base", "timeZone: UTC",
                        "permalink: /:year/:month/:slug/", "permalink: /:slug/", "permalink: /:year/../../:slug/",
                        "permalink: /:bogus/", "permalink: \"\"", "permalink: /tin/:day/:slug.html", "pageSize: 1", "pageSize: 0",
                        "pageSize: -3", "pageSize: 1000000000", "pageSize: x", "feedSize: 0", "feedSize: 2", "relatedCount: 0",
                        "relatedCount: -1", "output: ../../outside", "output: /", "output: content", "theme: ../x", "theme: khong-co",
                        "allowRawHtml: true", "allowRawHtml: false", "allowRawHtml: 1", "copyrightYear: 2014", "import: {category: x}",
                        "a: &a [*a, *a]", "b: !!python/object x", "[", "title: [1, 2]", "title:", "x: {y: {z: {w: 1}}}")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(15)));
        Arbitrary<String> validLine = Arbitraries.of("title: \"Bản tin <b>&\"", "baseUrl: https://example.org/archive/",
                "baseUrl: https://example.org/", "language: en", "timeZone: UTC", "permalink: /:slug/",
                "permalink: /tin/:year/:day/:slug/", "pageSize: 1", "pageSize: 3", "feedSize: 1", "relatedCount: 2",
                "allowRawHtml: true", "description: \"Mô tả ]]> \\uFFFF\"", "author: \"A & B\"", "copyrightYear: 2014");
        Arbitrary<String> valid = validLine.set().ofMaxSize(6).map(lines -> String.join("\n", lines) + "\n");
        Arbitrary<String> hostile = line.list().ofMaxSize(8).map(lines -> String.join("\n", lines) + "\n");
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, hostile));
    }

    /** Mutations of one of the default theme's templates: Pebble syntax broken or data printed where it was not. */
    static String mutateTemplate(String template, Random random) {
        String[] inserts = {"{{ site.title }}", "{{ article.html | raw }}", "{{ page.title | raw }}", "{{ article.title }}",
                "{% if %}", "{% endif %}", "{% for a in site %}", "{% endfor %}", "{{", "}}", "{%", "%}", "{# x", "{{ 1/0 }}",
                "{{ nothing.there }}", "{{ t('khong.co') }}", "{{ url('../../x') }}", "{{ absUrl(page.url) }}",
                "{% include 'khong-co.peb' %}", "{% extends 'base.peb' %}", "{% block content %}", "{% endblock %}",
                "{{ article.date | longdate }}", "{{ site.params }}", "{% import 'x' %}", "{{ range(1, 3) }}",
                "{% for i in range(1, 100) %}{{ i }}{% endfor %}", "<", "\"", "{{ \"\\uFFFF\" }}"};
        StringBuilder out = new StringBuilder(template);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, inserts[random.nextInt(inserts.length)]);
                case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
                default -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(40))));
            }
        }
        return out.toString();
    }

    static Arbitrary<String> legacyPage() {
        Arbitrary<String> seeds = Arbitraries.of(legacySeeds());
        return Arbitraries.frequencyOf(
                Tuple.of(3, seeds.flatMap(seed -> Arbitraries.randomValue(random -> mutate(seed, random)))),
                Tuple.of(1, markdown().map(body -> "<html><head><title>Tin</title></head><body><h1>Hội nghị</h1>"
                        + "<p>Ngày 18/08/2014</p>" + body + "</body></html>")),
                Tuple.of(1, markdown().map(body -> "Hội nghị sơ kết\n18/08/2014\n\n" + body)));
    }

    /** A few random edits (insert a token, delete, duplicate, swap) at random places. */
    static String mutate(String seed, Random random) {
        StringBuilder out = new StringBuilder(seed);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(5)) {
                case 0, 1 -> out.insert(at, MARKDOWN_TOKENS.get(random.nextInt(MARKDOWN_TOKENS.size())));
                case 2 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(30)));
                case 3 -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(80))));
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
            }
        }
        return out.toString();
    }

    static List<String> seedArticles() {
        List<String> seeds = new ArrayList<>();
        for (String site : List.of("basic", "invalid", "nfd-crlf")) {
            seeds.addAll(readAll(io.gazette.build.TestSites.site(site).resolve("content"), ".md"));
        }
        seeds.addAll(readAll(io.gazette.build.TestSites.projectRoot().resolve("content"), ".md"));
        return seeds;
    }

    static List<String> legacySeeds() {
        return readAll(io.gazette.build.TestSites.projectRoot().resolve("src/test/resources/legacy"), "");
    }

    private static List<String> readAll(Path dir, String suffix) {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
