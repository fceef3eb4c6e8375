package io.gazette.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void stringsAreSafeInsideHtmlAndScripts() {
        assertThat(Json.quote("</script><b>&amp;")).isEqualTo("\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026amp;\"");
        assertThat(Json.quote("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    }

    @Test
    void controlCharactersUseShortEscapesOnlyForNewlinesAndTabs() {
        assertThat(Json.quote("\"\\\n\r\t\b\f\u0001\u001f")).isEqualTo("\"\\\"\\\\\\n\\r\\t\\u0008\\u000c\\u0001\\u001f\"");
    }

    @Test
    void vietnameseAndEmojiAreWrittenAsThemselves() {
        assertThat(Json.quote("Hội nghị 😀")).isEqualTo("\"Hội nghị 😀\"");
    }

    @Test
    void arraysAreCompact() {
        assertThat(Json.array(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
        assertThat(Json.array(List.of())).isEqualTo("[]");
    }

    @Test
    void lineWriterPutsEachOuterElementOnItsOwnLine() throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.lineWriter(out)) {
            json.writeStartArray();
            json.writeArray(new int[] {1, 2}, 0, 2);
            json.writeArray(new int[] {3}, 0, 1);
            json.writeStartObject();
            json.writeStringField("k", "v");
            json.writeEndObject();
            json.writeEndArray();
        }
        assertThat(out.toString()).isEqualTo("[[1,2],\n[3],\n{\"k\":\"v\"}]");
    }
}
