package io.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.config.SiteConfig;
import io.gazette.content.ArticleSource;
import io.gazette.content.FrontMatter;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.problems.Problems;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One assembler kept across many calls builds exactly the model a fresh assembler builds from the
 * same inputs at the same time, whatever happened in between: edits, files coming and going, tags
 * renamed by their most used spelling, drafts, articles coming due and expiring as the clock moves, URL clashes.
 */
class SiteAssemblerIncrementalTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] TAGS = {"Thi đua", "thi đua", "Hội nghị", "hội nghị", "Khen thưởng", "Đổi mới"};
    private static final String[] CATEGORIES = {"Tin tức", "tin tức", "Sự kiện"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aKeptAssemblerBuildsWhatAFreshOneBuilds(long seed) {
        Random random = new Random(seed);
        SiteConfig config = config();
        SinceLastBuild keptBuilds = new SinceLastBuild();
        SiteAssembler kept = new SiteAssembler(config, keptBuilds);
        ZonedDateTime now = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZONE);
        List<ArticleInput> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(input(random, "content/a" + i + ".md", now, true));
        }
        int next = 40;
        int clashes = 0;
        boolean clashed = false;
        for (int step = 0; step < 150; step++) {
            if (clashed) {
                // the editor fixes the clash: every article that may clash gets a title of its own
                for (int i = 0; i < inputs.size(); i++) {
                    FrontMatter fm = inputs.get(i).source().frontMatter();
                    if (fm.title().equals("Bài trùng") || !fm.aliases().isEmpty()) {
                        inputs.set(i, input(random, inputs.get(i).source().path().toString(), now, false));
                    }
                }
            }
            int kind = random.nextInt(10);
            if (kind < 6 && !inputs.isEmpty()) {
                int at = random.nextInt(inputs.size());
                inputs.set(at, input(random, inputs.get(at).source().path().toString(), now, true));
            } else if (kind == 6) {
                inputs.add(random.nextInt(inputs.size() + 1), input(random, "content/a" + next++ + ".md", now, true));
            } else if (kind == 7 && !inputs.isEmpty()) {
                inputs.remove(random.nextInt(inputs.size()));
            } else if (kind == 8) {
                now = now.plusHours(random.nextInt(48));
            }
            Problems keptProblems = new Problems();
            Problems freshProblems = new Problems();
            keptBuilds.start(Set.of());
            Site incremental = kept.assemble(List.copyOf(inputs), now, keptProblems);
            SinceLastBuild freshBuilds = new SinceLastBuild();
            freshBuilds.start(Set.of());
            Site fresh = new SiteAssembler(config, freshBuilds).assemble(List.copyOf(inputs), now, freshProblems);
            String what = "seed " + seed + " step " + step + " kind " + kind;
            assertThat(incremental.articles()).as(what).isEqualTo(fresh.articles());
            assertThat(incremental.tags()).as(what).isEqualTo(fresh.tags());
            assertThat(incremental.categories()).as(what).isEqualTo(fresh.categories());
            assertThat(incremental.archive()).as(what).isEqualTo(fresh.archive());
            assertThat(keptProblems.sorted()).as(what).isEqualTo(freshProblems.sorted());
            clashed = keptProblems.hasErrors();
            clashes += clashed ? 1 : 0;
        }
        assertThat(clashes).as("calls with clashing URLs").isBetween(1, 100);
    }

    /**
     * Joining articles already newest first are merged into a group, not sorted: the same list as
     * the sort gives, into an empty group (a process's first model) and into one that lost some.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void joiningArticlesNewestFirstAreMergedAsTheSortPutsThem(long seed) {
        Random random = new Random(seed);
        ZonedDateTime now = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZONE);
        List<ArticleInput> inputs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            inputs.add(input(random, "content/b" + i + ".md", now, false));
        }
        SinceLastBuild builds = new SinceLastBuild();
        builds.start(Set.of());
        List<Article> newestFirst = new SiteAssembler(config(), builds).assemble(inputs, now, new Problems()).articles();
        assertThat(newestFirst.size()).isGreaterThan(20);
        List<Article> before = new ArrayList<>();
        List<Article> joined = new ArrayList<>();
        for (Article article : newestFirst) {
            (random.nextBoolean() ? before : joined).add(article);
        }
        Set<Article> removed = Set.of(before.get(0), before.get(before.size() / 2));
        for (List<Article> group : List.of(List.<Article>of(), List.copyOf(before))) {
            assertThat(TermIndex.regroup(group, removed, joined, true))
                    .isEqualTo(TermIndex.regroup(group, removed, joined, false));
        }
        assertThat(TermIndex.regroup(List.of(), Set.of(), newestFirst, true)).isEqualTo(newestFirst);
    }

    /**
     * One article in five expires, a few hours after its date; drawn without using {@code random}
     * and never for articles that may clash, so the clashes the test needs still happen.
     */
    private static ZonedDateTime expiry(String path, String title, ZonedDateTime date) {
        int hash = (path + "|" + title + "|" + date).hashCode();
        return Math.floorMod(hash, 5) == 0 ? date.plusHours(1 + Math.floorMod(hash / 5, 30)) : null;
    }

    private static ArticleInput input(Random random, String path, ZonedDateTime now, boolean mayClash) {
        // dates around "now", so that the clock moving on publishes articles; few distinct
        // minutes, so that equal dates (ordered by URL) are common
        ZonedDateTime date = now.plusHours(random.nextInt(60) - 40).withMinute(random.nextInt(2) * 30);
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        // titles (hence URLs) and aliases clash now and then, not all the time
        String title = mayClash && random.nextInt(25) == 0 ? "Bài trùng" : "Bài " + random.nextInt(1_000_000);
        List<String> aliases = mayClash && random.nextInt(40) == 0 ? List.of("cu/" + random.nextInt(2) + ".html")
                : List.of();
        FrontMatter fm = new FrontMatter(title, date, random.nextInt(4) == 0 ? date.plusDays(1) : null, "Tác giả",
                tags, random.nextInt(3) == 0 ? "" : CATEGORIES[random.nextInt(CATEGORIES.length)],
                random.nextBoolean() ? "" : "Tóm tắt " + random.nextInt(5), "", "", "", aliases,
                random.nextInt(6) == 0,
                title.equals("Bài trùng") || !aliases.isEmpty() ? null : expiry(path, title, date),
                Map.of());
        String body = "Nội dung " + random.nextInt(1000);
        ArticleSource source = new ArticleSource(Path.of(path), fm, body, 5);
        return new ArticleInput(source, new RenderedMarkdown("<p>" + body + "</p>", body, body, 2),
                random.nextLong());
    }

    private static SiteConfig config() {
        Path project = Path.of("/nonexistent");
        return new SiteConfig(project, "Bản tin", "", "https://example.org/", "vi", ZONE, "default",
                "/:year/:month/:slug/", 3, 5, 2, "", project.resolve("content"), project.resolve("static"),
                project.resolve("themes"), project.resolve("public"), project.resolve(".gazette"), false, false, Map.of());
    }
}
