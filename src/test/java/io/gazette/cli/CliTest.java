package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.InlineSite;
import io.gazette.build.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @TempDir
    Path temp;

    /** What the last command printed. */
    private GazetteCli.Ran last;

    /** Runs {@code gazette args…}; its exit code (what it printed is in {@link #last}). */
    private int run(Object... args) {
        last = GazetteCli.run(args);
        return last.code();
    }

    @Test
    void buildPrintsASummaryAndExitsZero() {
        int code = run("build", "-s", TestSites.fresh("basic", temp), "-o", temp.resolve("out"));
        assertThat(code).isZero();
        assertThat(last.out()).contains("Articles", "Tags", "Built in").containsPattern("Articles\\)?\\s+2");
        assertThat(temp.resolve("out/index.html")).exists();
    }

    @Test
    void quietBuildPrintsNothing() {
        assertThat(run("build", "-q", "-s", TestSites.fresh("basic", temp), "-o", temp.resolve("o")))
                .isZero();
        assertThat(last.out()).isEmpty();
    }

    @Test
    void contentErrorsExitOneWithPathLineMessages() {
        int code = run("build", "-s", TestSites.fresh("invalid", temp), "-o", temp.resolve("out"));
        assertThat(code).isEqualTo(1);
        assertThat(last.err())
                .contains("content/a-missing-title.md:1: error: missing `title`")
                .contains("content/g-not-utf8.md:6: error: file is not valid UTF-8")
                .contains("hint: ")
                .contains("nothing was written");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("build", "--no-such-option")).isEqualTo(2);
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "build", "serve", "new", "search", "import", "check", "completion"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(last.out()).contains("Usage: gazette " + command);
    }

    @Test
    void newWritesAnArticleThatBuilds() throws Exception {
        Path project = InlineSite.copyOf("basic", temp).project();
        assertThat(run("new", "-s", project, "--date", "2016-03-08", "Ngày Quốc tế Phụ nữ 8/3")).isZero();
        Path file = project.resolve("content/2016/ngay-quoc-te-phu-nu-8-3.md");
        assertThat(Files.readString(file)).isEqualTo("---\ntitle: Ngày Quốc tế Phụ nữ 8/3\ndate: 2016-03-08\nauthor: ''\n"
                + "tags: []\ndraft: true\n---\n\n");
        assertThat(run("new", "-s", project, "--date", "2016-03-08", "Ngày Quốc tế Phụ nữ 8/3")).isEqualTo(1);
        assertThat(last.err()).contains("already exists");
        assertThat(run("build", "-q", "-s", project, "-o", temp.resolve("out"))).isZero();
        assertThat(temp.resolve("out/2016/03/ngay-quoc-te-phu-nu-8-3/index.html")).doesNotExist();
        assertThat(run("build", "-q", "--drafts", "-s", project, "-o", temp.resolve("drafts"))).isZero();
        assertThat(temp.resolve("drafts/2016/03/ngay-quoc-te-phu-nu-8-3/index.html")).exists();
    }

    @Test
    void newWritesEveryValueSoThatItRoundTrips() throws Exception {
        Path project = InlineSite.copyOf("basic", temp).project();
        String title = "Trích dẫn: \"Thi đua\" \\ là #1 — @Bộ";
        assertThat(run("new", "-s", project, "--date", "2016-03-09", "--author", "A\\B \"C\": D", title))
                .isZero();
        Path file = project.resolve("content/2016/trich-dan-thi-dua-la-1-bo.md");
        assertThat(file).exists();
        Path output = temp.resolve("out");
        assertThat(run("build", "-q", "--drafts", "-s", project, "-o", output))
                .as(last.err()).isZero();
        String page = Files.readString(output.resolve("2016/03/trich-dan-thi-dua-la-1-bo/index.html"));
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        assertThat(html.select("h1").text()).isEqualTo(title);
        assertThat(page).contains("A\\B &quot;C&quot;: D");
    }

    @Test
    void newWithBundleMakesAnArticleFolder() throws Exception {
        Path project = InlineSite.copyOf("basic", temp).project();
        assertThat(run("new", "-s", project, "--date", "2016-03-10", "--bundle", "Ảnh hội nghị")).isZero();
        assertThat(project.resolve("content/2016/anh-hoi-nghi/index.md")).exists();
        assertThat(last.out()).contains("content/2016/anh-hoi-nghi/index.md");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAnIoErrorWithExitThree() {
        int code = run("build", "-s", TestSites.fresh("basic", temp), "-o", "/proc/gazette-nope/public");
        assertThat(code).isEqualTo(GazetteCommand.INTERNAL);
        assertThat(last.err().lines()).hasSize(1).first().asString()
                .startsWith("gazette: error: /proc/gazette-nope").doesNotContain("Exception");
        assertThat(last.out()).isEmpty();
    }

    @Test
    void problemsAreAlsoGitHubAnnotationsWhenAsked() {
        int code = run("build", "--annotations", "-s", TestSites.fresh("invalid", temp), "-o",
                temp.resolve("out"));
        assertThat(code).isEqualTo(1);
        assertThat(last.err()).contains("::error file=")
                .containsPattern("::error file=[^,]*content/a-missing-title\\.md,line=1::missing `title`");
        assertThat(last.out()).doesNotContain("::error");
    }

    @Test
    void versionNamesTheVersionAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(last.out()).startsWith("Gazette ").contains("on Java ");
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        assertThat(run("completion")).isZero();
        assertThat(last.out()).contains("complete -F", "gazette").contains("init", "build", "serve", "check");
    }

    @Test
    void initMakesASiteThatBuildsAtOnce() throws Exception {
        Path site = temp.resolve("new-site");
        assertThat(run("init", site)).as(last.err()).isZero();
        assertThat(site.resolve("site.yml")).exists();
        assertThat(Files.readString(site.resolve(".gitignore"))).contains("/public/", "/.gazette/");
        assertThat(site.resolve(".github/workflows/publish.yml")).exists();
        assertThat(site.resolve(".github/workflows/pull-request.yml")).exists();
        assertThat(site.resolve("themes")).doesNotExist();
        assertThat(run("build", "-q", "-s", site)).as(last.err()).isZero();
        assertThat(site.resolve("public/index.html")).exists();
        assertThat(site.resolve("public/feed.xml")).exists();
        try (var articles = Files.walk(site.resolve("public"))) {
            assertThat(articles.filter(p -> p.toString().endsWith("chao-mung-den-voi-trang-tin/index.html"))).hasSize(1);
        }
        // A second init leaves the site alone.
        assertThat(run("init", site)).isEqualTo(1);
        assertThat(last.err()).contains("a site already exists");
    }

    @Test
    void initCanCopyTheThemeToCustomiseIt() throws Exception {
        Path site = temp.resolve("themed");
        assertThat(run("init", "--copy-theme", site)).isZero();
        assertThat(site.resolve("themes/default/templates/base.peb")).exists();
        assertThat(run("build", "-q", "-s", site)).as(last.err()).isZero();
    }

    @Test
    void initWorkflowsAreValidYaml() throws Exception {
        Path site = temp.resolve("yaml");
        assertThat(run("init", site)).isZero();
        for (String name : new String[] {"publish.yml", "pull-request.yml"}) {
            Object parsed = new org.yaml.snakeyaml.Yaml().load(Files.readString(site.resolve(".github/workflows/" + name)));
            assertThat(parsed).as(name).isInstanceOf(java.util.Map.class);
        }
        assertThat(Files.readString(site.resolve(".github/workflows/publish.yml")))
                .contains("check --site public").contains("cron").doesNotContain("@VERSION@");
    }

    @Test
    void checkReportsABrokenLinkAtTheMarkdownLineWhereItWasWritten() throws Exception {
        Path project = InlineSite.copyOf("basic", temp).file("content/2014/lien-ket-hong.md", """
                ---
                title: "Liên kết hỏng"
                date: 2014-08-21
                ---

                Đoạn đầu.

                Xem [bài không tồn tại](/2014/08/khong-co-bai-nay/) để biết thêm.
                """).project();
        Path output = project.resolve("public");
        assertThat(run("build", "-q", "-s", project, "--base-url", "https://example.org/archive/"))
                .as(last.err()).isZero();
        assertThat(project.resolve(".gazette/source-maps")).isDirectoryContaining("glob:**.json");
        assertThat(output.resolve(".gazette")).doesNotExist();

        int code = run("check", "-s", project, "--site", output,
                "--base-url", "https://example.org/archive/");

        assertThat(code).isEqualTo(1);
        assertThat(last.err()).contains("content/2014/lien-ket-hong.md:8: error: link \"/archive/2014/08/khong-co-bai-nay/\"")
                .contains("(in " + output + "/2014/08/lien-ket-hong/index.html:");
    }

    @Test
    void checkWithoutASourceMapStillReportsTheHtmlLocation() throws Exception {
        Path project = InlineSite.copyOf("basic", temp).file("content/2014/lien-ket-hong.md", """
                ---
                title: "Liên kết hỏng"
                date: 2014-08-21
                ---

                Xem [bài không tồn tại](/2014/08/khong-co-bai-nay/).
                """).project();
        Path output = project.resolve("public");
        assertThat(run("build", "-q", "-s", project, "--base-url", "https://example.org/")).isZero();
        io.gazette.output.TreeDeletion.delete(project.resolve(".gazette/source-maps"));
        assertThat(run("check", "-s", project, "--site", output, "--base-url", "https://example.org/"))
                .isEqualTo(1);
        assertThat(last.err()).contains(output + "/2014/08/lien-ket-hong/index.html:")
                .doesNotContain("lien-ket-hong.md:");
    }
}
