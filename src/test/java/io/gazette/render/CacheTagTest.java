package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problems;
import io.gazette.site.SiteUrls;
import io.pebbletemplates.pebble.cache.CacheKey;
import io.pebbletemplates.pebble.node.CacheNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme's {@code {% cache key %}} blocks (the default theme's cards): rendered once per key
 * within a generation, autoescaped like the rest of the template, and forgotten after it.
 */
class CacheTagTest {
    @TempDir
    Path theme;

    private TemplateRenderer renderer;

    @BeforeEach
    void theme() throws Exception {
        Files.createDirectories(theme.resolve("templates"));
        Files.createDirectories(theme.resolve("i18n"));
        Files.writeString(theme.resolve("i18n/vi.yml"), "x: y\n");
        Files.writeString(theme.resolve("templates/card.peb"),
                "[{% cache item.url %}<b>{{ item.title }}</b>{% endcache %}]{{ item.title }}");
        Translations strings = Translations.load(theme.resolve("i18n"), "vi", theme.resolve("i18n"), new Problems());
        renderer = new TemplateRenderer(new Theme(theme), theme, new SiteUrls("https://x.vn/", "/", "/:slug/"), strings);
        assertThat(renderer.compileAll()).isEmpty();
    }

    private String card(String url, String title) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("item", Map.of("url", url, "title", title));
        return renderer.render("card.peb", model);
    }

    /**
     * A block ending with half of a surrogate pair that the text after it completes: kept as its
     * text, not as UTF-8 (which would hold a {@code ?} for the half), so the page has the pair.
     * Blocks are rendered by a writer each thread keeps: the next block starts empty.
     */
    @Test
    void aBlockEndingInHalfAPairIsCompletedByThePage() throws Exception {
        Files.writeString(theme.resolve("templates/pair.peb"),
                "{% cache item.url %}<i>{{ item.head }}{% endcache %}{{ item.tail }}</i>");
        assertThat(renderer.compileAll()).isEmpty();
        Map<String, Object> model = new HashMap<>();
        model.put("item", Map.of("url", "p/", "head", "x\ud83d", "tail", "\ude00y"));
        java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
        renderer.renderUtf8("pair.peb", model, (bytes, length) -> page.write(bytes, 0, length));
        assertThat(page.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("<i>x😀y</i>");
        assertThat(card("a/", "One")).isEqualTo("[<b>One</b>]One");
        assertThat(renderer.render("pair.peb", model)).isEqualTo("<i>x😀y</i>");
    }

    @Test
    void theBlockIsAutoescapedAsTheRestOfTheTemplate() throws Exception {
        assertThat(card("a/", "<script>'x' & \"y\"</script>")).isEqualTo(
                "[<b>&lt;script&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/script&gt;</b>]"
                        + "&lt;script&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void aKeyIsRenderedOnceUntilTheGenerationEnds() throws Exception {
        assertThat(card("a/", "One")).isEqualTo("[<b>One</b>]One");
        assertThat(card("b/", "Two")).isEqualTo("[<b>Two</b>]Two");
        // the same key within a generation: the block as first rendered (the theme's promise)
        assertThat(card("a/", "Changed")).isEqualTo("[<b>One</b>]Changed");
        renderer.forgetCachedBlocks();
        assertThat(card("a/", "Changed")).isEqualTo("[<b>Changed</b>]Changed");
    }

    /**
     * Past its budget the cache keeps what it holds and renders every other block in place, with
     * the values of the moment, until the generation ends.
     */
    @Test
    void aFullCacheServesWhatItKeptAndRendersTheRestInPlace() throws Exception {
        GenerationTagCache small = new GenerationTagCache("<b>One</b>".length() + 2);
        Translations strings = Translations.load(theme.resolve("i18n"), "vi", theme.resolve("i18n"), new Problems());
        renderer = new TemplateRenderer(new Theme(theme), theme, new SiteUrls("https://x.vn/", "/", "/:slug/"), strings,
                small);
        assertThat(card("a/", "One")).isEqualTo("[<b>One</b>]One");
        assertThat(small.full()).isFalse();
        assertThat(card("b/", "Two")).isEqualTo("[<b>Two</b>]Two"); // does not fit
        assertThat(small.full()).isTrue();
        assertThat(small.size()).isEqualTo(1);
        assertThat(card("a/", "Changed")).isEqualTo("[<b>One</b>]Changed");
        assertThat(card("b/", "Changed")).isEqualTo("[<b>Changed</b>]Changed");
        assertThat(card("c/", "<x>")).isEqualTo("[<b>&lt;x&gt;</b>]&lt;x&gt;");
        assertThat(small.size()).isEqualTo(1);
        renderer.forgetCachedBlocks();
        assertThat(small.full()).isFalse();
        assertThat(card("b/", "Two")).isEqualTo("[<b>Two</b>]Two");
        assertThat(small.size()).isEqualTo(1);
    }

    /** Pages written in UTF-8 get the block's bytes spliced in: the same bytes as the page's text. */
    @Test
    void aPageInUtf8HoldsTheBlockAsItsText() throws Exception {
        Files.writeString(theme.resolve("templates/pair.peb"),
                "<{% cache item.url %}{{ item.title }}{% endcache %}{{ item.tail }}>");
        String[][] cases = {{"Hội nghị 😀 <b>", ""}, {"x\uD83D", "\uDE00y"}, {"lone \uD800", "z"}};
        for (String[] c : cases) {
            for (int twice = 0; twice < 2; twice++) { // rendered, then from the cache
                Map<String, Object> model = new HashMap<>();
                model.put("item", Map.of("url", c[0], "title", c[0], "tail", c[1]));
                byte[][] page = new byte[1][];
                renderer.renderUtf8("pair.peb", model, (bytes, length) -> page[0] = java.util.Arrays.copyOf(bytes, length));
                String text = renderer.render("pair.peb", model);
                assertThat(text).isEqualTo("<" + c[0].replace("<", "&lt;").replace(">", "&gt;") + c[1] + ">");
                assertThat(page[0]).as(c[0]).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void pastItsBudgetTheCacheKeepsNothingMore() {
        GenerationTagCache cache = new GenerationTagCache(20);
        CacheNode node = new CacheNode(1, null, null);
        assertThat(cache.computeIfAbsent(new CacheKey(node, "a", null), k -> "12345678")).isEqualTo("12345678");
        assertThat(cache.size()).isEqualTo(1);
        CacheKey other = new CacheKey(node, "b", null);
        assertThat(cache.computeIfAbsent(other, k -> "123")).isEqualTo("123");
        assertThat(cache.size()).as("16 + 6 bytes exceed 20").isEqualTo(1);
        cache.forget();
        assertThat(cache.size()).isZero();
        assertThat(cache.computeIfAbsent(other, k -> "123")).isEqualTo("123");
        assertThat(cache.size()).isEqualTo(1);
    }
}
