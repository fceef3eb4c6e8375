package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.BuildResult;
import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.problems.Problems;
import io.gazette.site.Article;
import io.gazette.site.ArticleBody;
import io.gazette.site.Site;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code {{ article.body | raw }}} prints the article's body from the UTF-8 it is kept in: the
 * default theme's article pages never decode the body into a string, and print what
 * {@code {{ article.html | raw }}} (still there for any theme) prints.
 */
class ArticleBodyBytesTest {
    @TempDir
    Path temp;

    @Test
    void theDefaultThemeWritesTheBodysBytesWithoutReadingItsText() throws Exception {
        Path output = temp.resolve("public");
        BuildResult result = SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
        Site site = result.site();
        Path theme = TestSites.themes().resolve("default");
        TemplateRenderer renderer = new TemplateRenderer(new Theme(theme), theme, site.urls(),
                Translations.load(theme.resolve("i18n"), site.config().language(), theme.resolve("i18n"), new Problems()));
        assertThat(renderer.compileAll()).isEmpty();
        int articlePages = 0;
        for (Page page : result.pages()) {
            Map<String, Object> model = new HashMap<>(page.model());
            if (!(model.get("article") instanceof Article article)) {
                continue;
            }
            model.put("article", withBody(article, new BytesOnly(article.body())));
            byte[][] written = new byte[1][];
            renderer.renderUtf8(page.template(), model, (bytes, length) -> written[0] = Arrays.copyOf(bytes, length));
            assertThat(written[0]).as(page.path()).isEqualTo(Files.readAllBytes(output.resolve(page.path())));
            assertThat(new String(written[0], StandardCharsets.UTF_8)).contains(article.html());
            articlePages++;
        }
        assertThat(articlePages).isEqualTo(site.articles().size()).isPositive();
    }

    @Test
    void theBodyPrintsAsItsHtmlWhateverThePageIsWrittenTo() throws Exception {
        Path theme = temp.resolve("theme");
        Files.createDirectories(theme.resolve("templates"));
        Files.createDirectories(theme.resolve("i18n"));
        Files.writeString(theme.resolve("i18n/vi.yml"), "x: y\n");
        Files.writeString(theme.resolve("templates/a.peb"),
                "[{{ article.body | raw }}][{{ article.html | raw }}][{{ title | raw }}][{{ title }}]");
        TemplateRenderer renderer = new TemplateRenderer(new Theme(theme), theme,
                new io.gazette.site.SiteUrls("https://x.vn/", "/", "/:slug/"),
                Translations.load(theme.resolve("i18n"), "vi", theme.resolve("i18n"), new Problems()));
        assertThat(renderer.compileAll()).isEmpty();
        String html = "<p>Hội nghị 😀 &amp; <b>thi đua</b></p>";
        Map<String, Object> model = new HashMap<>();
        model.put("article", new Holder(ArticleBody.of(new io.gazette.markdown.RenderedMarkdown(html, "x", "x", 1))));
        model.put("title", "<i>");
        String expected = "[" + html + "][" + html + "][<i>][&lt;i&gt;]";
        assertThat(renderer.render("a.peb", model)).isEqualTo(expected);
        byte[][] written = new byte[1][];
        renderer.renderUtf8("a.peb", model, (bytes, length) -> written[0] = Arrays.copyOf(bytes, length));
        assertThat(written[0]).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page writer takes the body's bytes as they are, not as text to encode again: a change to
     * them before the page is encoded shows in the page (which is why no caller may change them).
     */
    @Test
    void thePageWriterTakesTheBytesAsTheyAre() {
        Utf8PageWriter writer = new Utf8PageWriter(16);
        byte[] body = "<p>Hà</p>".getBytes(StandardCharsets.UTF_8);
        writer.write("a");
        writer.write((Object) new SafeUtf8(body));
        writer.write("ư");
        body[1] = 'b';
        assertThat(writer.toUtf8()).isEqualTo("a<b>Hà</p>ư".getBytes(StandardCharsets.UTF_8));
        assertThat(writer.toString()).isEqualTo("a<b>Hà</p>ư");
    }

    /** A model object with a body, as a theme sees an article ({@code html} and {@code body}). */
    public record Holder(ArticleBody body) {
        public String html() {
            return body.html();
        }
    }

    /** A body whose text may not be read: only its UTF-8. */
    private record BytesOnly(ArticleBody body) implements ArticleBody {
        @Override
        public String html() {
            throw new AssertionError("the body's text was read");
        }

        @Override
        public byte[] htmlUtf8() {
            return body.htmlUtf8();
        }

        @Override
        public String plainText() {
            return body.plainText();
        }

        @Override
        public int wordCount() {
            return body.wordCount();
        }

        @Override
        public String summaryText() {
            return body.summaryText();
        }
    }

    /** {@code article} with another body. */
    private static Article withBody(Article article, ArticleBody body) throws Exception {
        RecordComponent[] components = Article.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("body") ? body : components[i].getAccessor().invoke(article);
        }
        return Article.class.getDeclaredConstructor(types).newInstance(values);
    }
}
