package io.gazette.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;

/**
 * The one JSON writer of the project: Jackson's streaming {@link JsonGenerator}, compact, with
 * escapes chosen so that every string is also safe inside HTML and JavaScript source
 * ({@code < > &} and the line separators U+2028/U+2029 as {@code \\u} escapes, lowercase hex).
 * The static search index, the preview's search API and its live-reload events all write through
 * here, so they escape alike and their output is byte-for-byte what it was before.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build()
            .setCharacterEscapes(new HtmlSafeEscapes())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

    private Json() {
    }

    /** A generator writing to {@code out}; closing it flushes but leaves {@code out} open. */
    public static JsonGenerator writer(Writer out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generator like {@link #writer} that puts each element of the outermost array on a line of
     * its own ({@code [a,\nb,\nc]}): files of many records that diff well.
     */
    public static JsonGenerator lineWriter(Writer out) {
        JsonGenerator json = writer(out);
        json.setPrettyPrinter(new MinimalPrettyPrinter() {
            private static final long serialVersionUID = 1L;

            @Override
            public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
                super.writeArrayValueSeparator(g);
                if (g.getOutputContext().getParent().inRoot()) {
                    g.writeRaw('\n');
                }
            }
        });
        return json;
    }

    /** How a document is laid out; the content and its escapes are the same in every layout. */
    public enum Layout {
        /** No white space at all. */
        COMPACT,
        /**
         * Each field of the outermost object on a line of its own, indented by two spaces, with
         * {@code ": "} and {@code ", "} inside: JSON-LD that a person can read in the page source.
         */
        FIELD_PER_LINE
    }

    /** What {@code body} writes, as a compact string. */
    public static String write(Body body) {
        return write(Layout.COMPACT, body);
    }

    /** What {@code body} writes, as a string laid out as {@code layout} says. */
    public static String write(Layout layout, Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = writer(out)) {
            if (layout == Layout.FIELD_PER_LINE) {
                json.setPrettyPrinter(new FieldPerLine());
            }
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toString();
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        return write(json -> json.writeString(text));
    }

    /** A JSON array of strings. */
    public static String array(Collection<String> items) {
        return write(json -> {
            json.writeStartArray();
            for (String item : items) {
                json.writeString(item);
            }
            json.writeEndArray();
        });
    }

    /** The {@link Layout#FIELD_PER_LINE} layout. */
    private static final class FieldPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        private static boolean outermost(JsonGenerator g) {
            return g.getOutputContext().getParent().inRoot();
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            if (outermost(g)) {
                g.writeRaw("\n  ");
            }
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(outermost(g) ? ",\n  " : ", ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw(outermost(g) && entries > 0 ? "\n}" : "}");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /**
     * Short escapes for {@code \n \r \t " \\}; every other control character and {@code < > &
     * U+2028 U+2029} as {@code \\u00xx}, so the JSON can be inlined in a {@code <script>}.
     */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = new int[128];

        HtmlSafeEscapes() {
            for (int c = 0; c < 0x20; c++) {
                ascii[c] = ESCAPE_CUSTOM;
            }
            ascii['\n'] = 'n';
            ascii['\r'] = 'r';
            ascii['\t'] = 't';
            ascii['"'] = '"';
            ascii['\\'] = '\\';
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 128 || ch == '\u2028' || ch == '\u2029') {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
