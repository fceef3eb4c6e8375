package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problems;
import io.gazette.site.SiteUrls;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unbescape.html.HtmlEscape;
import org.unbescape.javascript.JavaScriptEscape;

/**
 * Printed values are escaped by the page writer ({@link PrintEscaping}) into the text Pebble's
 * escape filter with its HTML strategy (unbescape) gives, wherever a template prints them.
 */
class PrintEscapingTest {
    @TempDir
    Path theme;

    private TemplateRenderer renderer;
    private Translations strings;
    private final SiteUrls urls = new SiteUrls("https://x.vn/", "/", "/:slug/");

    @BeforeEach
    void theme() throws Exception {
        Files.createDirectories(theme.resolve("templates"));
        Files.createDirectories(theme.resolve("i18n"));
        Files.writeString(theme.resolve("i18n/vi.yml"), "x: y\n");
        // Every way a value reaches the page: printed, a ternary's branches, a cached block, a
        // macro (rendered into a string), raw, explicitly escaped, another strategy, a number.
        Files.writeString(theme.resolve("templates/all.peb"), "{% macro m(x) %}<m>{{ x }}</m>{% endmacro %}"
                + "{{ v }}|{{ flag ? v : w }}|{{ flag ? 'lit' : w }}|{% cache key %}{{ v }}{% endcache %}|{{ m(v) }}"
                + "|{{ v | raw }}|{{ v | escape }}|{{ v | escape('html') }}"
                + "|{% autoescape 'js' %}{{ v }}{% endautoescape %}|{{ n }}|{{ big }}|{{ missing }}|{{ v ~ w }}");
        strings = Translations.load(theme.resolve("i18n"), "vi", theme.resolve("i18n"), new Problems());
        renderer = new TemplateRenderer(new Theme(theme), theme, urls, strings);
        assertThat(renderer.compileAll()).isEmpty();
    }

    private static String html(String text) {
        return HtmlEscape.escapeHtml4Xml(text);
    }

    /** What Pebble hands a writer for each printed value. */
    private static final class Printed extends Writer implements SpecializedWriter {
        final List<Object> values = new ArrayList<>();

        @Override
        public void write(Object value) {
            values.add(value);
        }

        @Override
        public void write(char[] text, int offset, int length) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public void writeSpecialized(int i) {
        }

        @Override
        public void writeSpecialized(long l) {
        }

        @Override
        public void writeSpecialized(double d) {
        }

        @Override
        public void writeSpecialized(float f) {
        }

        @Override
        public void writeSpecialized(short s) {
        }

        @Override
        public void writeSpecialized(byte b) {
        }

        @Override
        public void writeSpecialized(char c) {
        }

        @Override
        public void writeSpecialized(String s) {
        }
    }

    /**
     * With Gazette's extension, a value escaped for HTML reaches the writer as it is, to be
     * escaped there (the visitor runs after Pebble's escaper and replaces its filter); a value of
     * another strategy still reaches it escaped by Pebble, and markup as it is.
     */
    @Test
    void valuesEscapedForHtmlReachTheWriterUnescaped() throws Exception {
        PebbleEngine engine = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(true)
                .addEscapingStrategy("html", new HtmlEscaping()).newLineTrimming(true)
                .extension(new GazetteExtension(urls, strings)).build();
        Printed printed = new Printed();
        engine.getTemplate("{{ v }}{{ flag ? v : 'x' }}{{ v | raw }}{% autoescape 'js' %}{{ v }}{% endautoescape %}")
                .evaluate(printed, Map.of("v", "<b>'", "flag", true));
        assertThat(printed.values).hasSize(4);
        assertThat(printed.values.get(0)).isInstanceOf(PrintEscaping.Escaped.class)
                .extracting(value -> ((PrintEscaping.Escaped) value).text).isEqualTo("<b>'");
        assertThat(printed.values.get(1)).isInstanceOf(PrintEscaping.Escaped.class).hasToString("&lt;b&gt;&#39;");
        assertThat(printed.values.get(2)).isInstanceOf(SafeString.class).hasToString("<b>'");
        assertThat(printed.values.get(3)).isInstanceOf(SafeString.class).hasToString(JavaScriptEscape.escapeJavaScript("<b>'")).isNotEqualTo("<b>'");
    }
}
