package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.BuildResult;
import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.problems.Problems;
import io.gazette.site.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default theme's {@code {% cache %}} blocks: what is the same on every page (the top of the
 * head, the style and feed links, the footer), the header of each kind of page, each article's card
 * and each related-article entry are rendered once per generation and copied into the pages. A
 * block must depend on its key only: a page rendered with the blocks kept is the page rendered
 * with none kept, byte for byte.
 */
class DefaultThemeBlocksTest {
    @TempDir
    Path temp;

    @Test
    void everyPageIsTheSameWithTheBlocksKeptAndWithNone() throws Exception {
        Path output = temp.resolve("public");
        BuildResult result = SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
        Site site = result.site();
        Path theme = TestSites.themes().resolve("default");
        Translations strings = Translations.load(theme.resolve("i18n"), site.config().language(), theme.resolve("i18n"),
                new Problems());
        GenerationTagCache kept = new GenerationTagCache(Long.MAX_VALUE);
        TemplateRenderer keeping = new TemplateRenderer(new Theme(theme), theme, site.urls(), strings, kept);
        // none kept: the first block does not fit, and the others are rendered in place
        GenerationTagCache none = new GenerationTagCache(0);
        TemplateRenderer notKeeping = new TemplateRenderer(new Theme(theme), theme, site.urls(), strings, none);
        assertThat(keeping.compileAll()).isEmpty();
        assertThat(notKeeping.compileAll()).isEmpty();

        Set<String> kinds = new HashSet<>();
        Set<Object> relatedShown = new HashSet<>();
        for (io.gazette.render.Page page : result.pages()) {
            Map<String, Object> model = page.model();
            byte[] withBlocks = utf8(keeping, page.template(), model);
            byte[] without = utf8(notKeeping, page.template(), model);
            assertThat(text(withBlocks)).as(page.path()).isEqualTo(text(without));
            assertThat(withBlocks).as(page.path()).isEqualTo(without);
            // and both are what the build wrote
            assertThat(withBlocks).as(page.path()).isEqualTo(Files.readAllBytes(output.resolve(page.path())));
            kinds.add(((PageMeta) model.get("page")).kind());
            if (model.get("related") instanceof List<?> related) {
                for (Object item : related) {
                    relatedShown.add(item.getClass().getMethod("url").invoke(item));
                }
            }
        }
        assertThat(none.size()).isZero();
        assertThat(none.full()).isTrue();
        assertThat(kept.full()).isFalse();
        assertThat(relatedShown).as("the fixture shows related articles").isNotEmpty();
        assertThat(kinds).as("the fixture has pages of several kinds").hasSizeGreaterThan(3);
        // One block per card (every article is listed on home), per related entry, per kind of
        // page (its header) and three for every page (top, links, footer): nothing per page.
        assertThat(kept.size()).isEqualTo(site.articles().size() + relatedShown.size() + kinds.size() + 3);
    }

    private static String text(byte[] utf8) {
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] utf8(TemplateRenderer renderer, String template, Map<String, Object> model) throws Exception {
        byte[][] page = new byte[1][];
        renderer.renderUtf8(template, model, (bytes, length) -> page[0] = Arrays.copyOf(bytes, length));
        return page[0];
    }
}
