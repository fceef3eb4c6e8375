package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gazette.site.Pager;
import io.gazette.site.Term;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates read Gazette's model objects through {@link ModelAttributes} exactly as through
 * Pebble's own resolver: the same template over the same objects gives the same text with and
 * without it, including names Pebble finds by case or through {@code is}/{@code has}/{@code get},
 * and names neither finds.
 */
class ModelAttributesTest {
    private static final String TEMPLATE = """
            {{ page.kind }}|{{ page.title }}|{{ page.pageNumber }}|{{ page.home }}|{{ page.isHome }}|{{ page.KIND }}|\
            {{ page.feedUrl is null }}|{{ page.missing is null }}|\
            {% for t in terms %}{{ t.name }}/{{ t.slug }}/{{ t.url }}/{{ t.Name }};{% endfor %}|\
            {{ pager.first }}|{{ pager.hasNext }}|{{ pager.next }}|{{ pager.previous }}|{{ pager.count }}|\
            {{ pager.totalPages }}|{{ pager.items | length }}|{{ pager.url }}|{{ pager.nextUrl }}|{{ pager.isFirst() }}|\
            {{ map.kind }}|{{ text.length }}|{{ text.empty }}|{{ terms.size }}
            """;

    private static Map<String, Object> model() {
        List<Term> terms = List.of(new Term("Thi đua", "thi-dua", "tu-khoa/thi-dua/"),
                new Term("<Hội nghị>", "hoi-nghi", "tu-khoa/hoi-nghi/"));
        return Map.of("page", new PageMeta("home", "Trang \"chủ\"", "", "", null, 3),
                "terms", terms,
                "pager", new Pager(0, 4, 37, 37, List.of(), "", "", null, "trang/3/"),
                "map", Map.of("kind", "map"),
                "text", "chuỗi");
    }

    private static String render(boolean withResolver) throws Exception {
        PebbleEngine.Builder builder = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(true)
                .strictVariables(false);
        if (withResolver) {
            builder.extension(new AbstractExtension() {
                @Override
                public List<AttributeResolver> getAttributeResolver() {
                    return List.of(new ModelAttributes());
                }
            });
        }
        StringWriter out = new StringWriter();
        builder.build().getTemplate(TEMPLATE).evaluate(out, model());
        return out.toString();
    }

    @Test
    void templatesReadTheSameValuesAsWithPebblesResolver() throws Exception {
        String pebble = render(false);
        assertThat(pebble).contains("home|Trang &quot;chủ&quot;|3|true|true|home|true|true|",
                "&lt;Hội nghị&gt;/hoi-nghi/", "|true|true|");
        assertThat(render(true)).isEqualTo(pebble);
    }

    @Test
    void onlyGazettesOwnClassesAndAccessorsAreAnswered() {
        ModelAttributes attributes = new ModelAttributes();
        Term term = new Term("Thi đua", "thi-dua", "tu-khoa/thi-dua/");
        assertThat(attributes.resolve(term, "name", null, null, null, "t", 1).evaluatedValue).isEqualTo("Thi đua");
        assertThat(attributes.resolve(term, "NAME", new Object[0], null, null, "t", 1).evaluatedValue)
                .isEqualTo("Thi đua");
        // Object's methods, unknown names, calls with arguments and other classes go to Pebble
        assertThat(attributes.resolve(term, "class", null, null, null, "t", 1)).isNull();
        // a record's own hashCode is Term's: answered, as Pebble would call it too
        assertThat(attributes.resolve(term, "hashCode", null, null, null, "t", 1).evaluatedValue)
                .isEqualTo(term.hashCode());
        assertThat(attributes.resolve(term, "nothing", null, null, null, "t", 1)).isNull();
        assertThat(attributes.resolve(term, "equals", new Object[] {term}, null, null, "t", 1)).isNull();
        assertThat(attributes.resolve("text", "length", null, null, null, "t", 1)).isNull();
        assertThat(attributes.resolve(Map.of("name", 1), "name", null, null, null, "t", 1)).isNull();
    }

    @Test
    void anAccessorThatFailsIsReportedAsPebbleReportsIt() {
        Throwable thrown = catchThrowable(() -> new ModelAttributes().resolve(new Failing(), "value", null, null, null,
                "article.peb", 7));
        assertThat(thrown).hasMessageContaining("Could not call value").hasMessageContaining("article.peb");
    }

    /** A model object whose accessor throws, as a body that cannot be read would. */
    public static final class Failing {
        public String value() {
            throw new IllegalStateException("cannot read");
        }
    }
}
