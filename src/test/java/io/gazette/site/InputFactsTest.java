package io.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.config.SiteConfig;
import io.gazette.content.ArticleSource;
import io.gazette.content.FrontMatter;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.media.ArticleMedia;
import io.gazette.problems.Problems;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Facts the content cache kept for an article are what the model uses for it, but only for the
 * front matter they were read with and the permalink they were made for: a stale entry's facts
 * (an older title, another permalink) are never used, and the model is then a fresh one's.
 */
class InputFactsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZONE);
    private static final Path SOURCE = Path.of("content/2015/bai.md");
    private static final String BODY = "Hội nghị sơ kết công tác thi đua khen thưởng";
    private static final SiteConfig CONFIG = config();
    private static final SiteUrls URLS = SiteUrls.of(CONFIG);

    @Test
    void keptFactsThatFitAreWhatTheModelUses() {
        FrontMatter fm = frontMatter("Tiêu đề", List.of("Thi đua"));
        InputFacts kept = InputFacts.kept(fm, URLS.permalink(), "giu-lai", "2015/01/giu-lai/", 42L, 7L);
        Article article = only(input(fm, kept));
        assertThat(article.slug()).isEqualTo("giu-lai");
        assertThat(article.url()).isEqualTo("2015/01/giu-lai/");
        assertThat(article.sitemapHash()).isEqualTo(7L);
    }

    @Test
    void factsKeptForAnotherFrontMatterAreNeverUsed() {
        FrontMatter before = frontMatter("Tiêu đề cũ", List.of("Thi đua"));
        FrontMatter now = frontMatter("Tiêu đề mới", List.of("Thi đua"));
        Article article = only(input(now, facts(before, URLS)));
        assertThat(article.slug()).isEqualTo("tieu-de-moi");
        assertThat(article).isEqualTo(only(input(now, null)));
        // the same values in another instance (an entry read again) are not taken on trust either
        FrontMatter equal = frontMatter("Tiêu đề mới", List.of("Thi đua"));
        InputFacts forged = InputFacts.kept(equal, URLS.permalink(), "khac", "2015/01/khac/", 1L, 2L);
        assertThat(only(input(now, forged))).isEqualTo(only(input(now, null)));
    }

    @Test
    void factsMadeForAnotherPermalinkAreNeverUsed() {
        FrontMatter fm = frontMatter("Tiêu đề", List.of());
        InputFacts elsewhere = facts(fm, new SiteUrls("https://example.org/", "/", "/bai/:slug/"));
        assertThat(elsewhere.url()).isEqualTo("bai/tieu-de/");
        Article article = only(input(fm, elsewhere));
        assertThat(article.url()).isEqualTo("2015/01/tieu-de/");
        assertThat(article).isEqualTo(only(input(fm, null)));
    }

    @Test
    void anArticleFromKeptFactsIsTheOneMadeWithout() {
        for (FrontMatter fm : List.of(frontMatter("Tiêu đề", List.of("Thi đua", "Hội nghị")),
                frontMatter("Một tiêu đề rất dài về hội nghị sơ kết công tác thi đua khen thưởng năm nay", List.of()))) {
            Article fromKept = only(input(fm, facts(fm, URLS)));
            Article made = only(input(fm, null));
            assertThat(fromKept).isEqualTo(made);
            assertThat(fromKept.cardHash()).isEqualTo(made.cardHash());
        }
        // and the card hash still tells one tag's name from another's
        assertThat(only(input(frontMatter("Tiêu đề", List.of("Thi đua")), null)).cardHash())
                .isNotEqualTo(only(input(frontMatter("Tiêu đề", List.of("Đổi mới")), null)).cardHash());
    }

    private static InputFacts facts(FrontMatter fm, SiteUrls urls) {
        ArticleBody body = body();
        return InputFacts.make(SOURCE, fm, body.summary(), body.wordCount(), ArticleMedia.NONE.hash(), urls);
    }

    private static Article only(ArticleInput input) {
        SinceLastBuild builds = new SinceLastBuild();
        builds.start(Set.of());
        return new SiteAssembler(CONFIG, builds).assemble(List.of(input), NOW, new Problems()).articles().get(0);
    }

    private static final ArticleBody SHARED_BODY = ArticleBody.of(new RenderedMarkdown("<p>" + BODY + "</p>", BODY, BODY, 9));

    private static ArticleBody body() {
        return SHARED_BODY;
    }

    private static ArticleInput input(FrontMatter fm, InputFacts facts) {
        return new ArticleInput(new ArticleSource(SOURCE, fm, "", 5), body(), 11L, ArticleMedia.NONE, facts);
    }

    private static FrontMatter frontMatter(String title, List<String> tags) {
        ZonedDateTime date = ZonedDateTime.of(2015, 1, 10, 8, 0, 0, 0, ZONE);
        return new FrontMatter(title, date, null, "Tác giả", tags, "Thời sự", "", "", "", "", List.of(), false, null,
                Map.of());
    }

    private static SiteConfig config() {
        Path project = Path.of("/nonexistent");
        return new SiteConfig(project, "Bản tin", "", "https://example.org/", "vi", ZONE, "default",
                "/:year/:month/:slug/", 3, 5, 2, "", project.resolve("content"), project.resolve("static"),
                project.resolve("themes"), project.resolve("public"), project.resolve(".gazette"), false, false, Map.of());
    }
}
