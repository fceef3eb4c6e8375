package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser client must tokenize exactly like Java. This test owns the vectors both sides are
 * checked against: it fails when {@code analyzer-vectors.json} no longer matches what Java produces.
 * Regenerate with {@code -Dgazette.updateVectors=true}, then run the Node test.
 */
class AnalyzerVectorsTest {
    static final Path VECTORS = projectDir().resolve("src/test/resources/search/analyzer-vectors.json");

    static final List<String> INPUTS = List.of(
            "Hội nghị Sơ kết công tác 06 tháng đầu năm 2014",
            Normalizer.normalize("Khen thưởng Thứ trưởng Bộ Nội vụ Trần Thị Hà", Normalizer.Form.NFD),
            Normalizer.normalize("ĐƯỜNG ĐUA Đà Nẵng đường đua", Normalizer.Form.NFD),
            "Đà Nẵng, ĐÀ NẴNG; đà nẵng",
            "thi đua, khen thưởng – (TW); \"Luật Thi đua\"… [2013]!?",
            "Covid-19/2020: 12,5% tăng 3.000 tỷ đồng; số 0123-456",
            "HOÀ BÌNH hòa bình THUỶ thủy KHOẺ khỏe",
            "Nguyễn Văn A; e-mail: vana@example.vn; https://example.vn/a_b?c=1",
            "  \t\n  khoảng\u00a0trắng\u2003lạ\u200bzero width\u3000ideographic  ",
            "a \u0301b c\u0300 \u0323",
            "ƯỚC MƠ Ước mơ ước mơ ươc mơ",
            "İstanbul ΟΔΟΣ Straße ǅemal ﬁnance",
            "日本語 한국어 ภาษาไทย العربية עברית",
            "emoji 👍🏽 ok 🇻🇳 Việt Nam",
            "x".repeat(64) + " " + "y".repeat(65) + " z",
            "",
            "!!! ... ---");

    @Test
    void checkedInVectorsMatchTheJavaAnalyzer() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("gazette.updateVectors")) {
            Files.createDirectories(VECTORS.getParent());
            Files.writeString(VECTORS, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(VECTORS, StandardCharsets.UTF_8))
                .as("analyzer-vectors.json is stale: rerun with -Dgazette.updateVectors=true and check search.js")
                .isEqualTo(expected);
    }

    static String render() {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < INPUTS.size(); i++) {
            String input = INPUTS.get(i);
            out.append("  {\"input\": ");
            ascii(out, input);
            out.append(",\n   \"exact\": ");
            list(out, VietnameseAnalyzer.tokens(input, false));
            out.append(",\n   \"folded\": ");
            list(out, VietnameseAnalyzer.tokens(input, true));
            out.append(",\n   \"tagKey\": ");
            ascii(out, VietnameseTokens.tagKey(input));
            out.append("}").append(i + 1 < INPUTS.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    private static void list(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            ascii(out, values.get(i));
        }
        out.append(']');
    }

    /** \\u-escapes everything outside printable ASCII, so NFD input survives editors untouched. */
    private static void ascii(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    static Path projectDir() {
        return Path.of(System.getProperty("gazette.projectDir", ".")).toAbsolutePath();
    }
}
