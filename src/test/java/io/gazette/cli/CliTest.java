package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void useRepositoryThemes() {
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("gazette.home");
    }

    private int run(String... args) {
        return GazetteCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void buildPrintsASummaryAndExitsZero() {
        int code = run("build", "-s", TestSites.site("basic").toString(), "-o", temp.resolve("out").toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Articles", "Tags", "Built in").containsPattern("Articles\\)?\\s+2");
        assertThat(temp.resolve("out/index.html")).exists();
    }

    @Test
    void quietBuildPrintsNothing() {
        assertThat(run("build", "-q", "-s", TestSites.site("basic").toString(), "-o", temp.resolve("o").toString()))
                .isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void contentErrorsExitOneWithPathLineMessages() {
        int code = run("build", "-s", TestSites.site("invalid").toString(), "-o", temp.resolve("out").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
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
        assertThat(out.toString()).contains("Usage: gazette " + command);
    }

    @Test
    void newWritesAnArticleThatBuilds() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        assertThat(run("new", "-s", project.toString(), "--date", "2016-03-08", "Ngày Quốc tế Phụ nữ 8/3")).isZero();
        Path file = project.resolve("content/2016/ngay-quoc-te-phu-nu-8-3.md");
        assertThat(Files.readString(file)).isEqualTo("---\ntitle: Ngày Quốc tế Phụ nữ 8/3\ndate: 2016-03-08\nauthor: ''\n"
                + "tags: []\ndraft: true\n---\n\n");
        assertThat(run("new", "-s", project.toString(), "--date", "2016-03-08", "Ngày Quốc tế Phụ nữ 8/3")).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
        assertThat(run("build", "-q", "-s", project.toString(), "-o", temp.resolve("out").toString())).isZero();
        assertThat(temp.resolve("out/2016/03/ngay-quoc-te-phu-nu-8-3/index.html")).doesNotExist();
        assertThat(run("build", "-q", "--drafts", "-s", project.toString(), "-o", temp.resolve("drafts").toString())).isZero();
        assertThat(temp.resolve("drafts/2016/03/ngay-quoc-te-phu-nu-8-3/index.html")).exists();
    }

    @Test
    void newWritesEveryValueSoThatItRoundTrips() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        String title = "Trích dẫn: \"Thi đua\" \\ là #1 — @Bộ";
        assertThat(run("new", "-s", project.toString(), "--date", "2016-03-09", "--author", "A\\B \"C\": D", title))
                .isZero();
        Path file = project.resolve("content/2016/trich-dan-thi-dua-la-1-bo.md");
        assertThat(file).exists();
        Path output = temp.resolve("out");
        assertThat(run("build", "-q", "--drafts", "-s", project.toString(), "-o", output.toString()))
                .as(err.toString()).isZero();
        String page = Files.readString(output.resolve("2016/03/trich-dan-thi-dua-la-1-bo/index.html"));
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        assertThat(html.select("h1").text()).isEqualTo(title);
        assertThat(page).contains("A\\B &quot;C&quot;: D");
    }

    @Test
    void newWithBundleMakesAnArticleFolder() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        assertThat(run("new", "-s", project.toString(), "--date", "2016-03-10", "--bundle", "Ảnh hội nghị")).isZero();
        assertThat(project.resolve("content/2016/anh-hoi-nghi/index.md")).exists();
        assertThat(out.toString()).contains("content/2016/anh-hoi-nghi/index.md");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAnIoErrorWithExitThree() {
        int code = run("build", "-s", TestSites.site("basic").toString(), "-o", "/proc/gazette-nope/public");
        assertThat(code).isEqualTo(GazetteCommand.INTERNAL);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("gazette: error: /proc/gazette-nope").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void problemsAreAlsoGitHubAnnotationsWhenAsked() {
        int code = run("build", "--annotations", "-s", TestSites.site("invalid").toString(), "-o",
                temp.resolve("out").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("::error file=")
                .containsPattern("::error file=[^,]*content/a-missing-title\\.md,line=1::missing `title`");
        assertThat(out.toString()).doesNotContain("::error");
    }

    @Test
    void versionNamesTheVersionAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Gazette ").contains("on Java ");
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        assertThat(run("completion")).isZero();
        assertThat(out.toString()).contains("complete -F", "gazette").contains("init", "build", "serve", "check");
    }

    @Test
    void initMakesASiteThatBuildsAtOnce() throws Exception {
        Path site = temp.resolve("new-site");
        assertThat(run("init", site.toString())).as(err.toString()).isZero();
        assertThat(site.resolve("site.yml")).exists();
        assertThat(Files.readString(site.resolve(".gitignore"))).contains("/public/", "/.gazette/");
        assertThat(site.resolve(".github/workflows/publish.yml")).exists();
        assertThat(site.resolve(".github/workflows/pull-request.yml")).exists();
        assertThat(site.resolve("themes")).doesNotExist();
        assertThat(run("build", "-q", "-s", site.toString())).as(err.toString()).isZero();
        assertThat(site.resolve("public/index.html")).exists();
        assertThat(site.resolve("public/feed.xml")).exists();
        try (var articles = Files.walk(site.resolve("public"))) {
            assertThat(articles.filter(p -> p.toString().endsWith("chao-mung-den-voi-trang-tin/index.html"))).hasSize(1);
        }
        // A second init leaves the site alone.
        assertThat(run("init", site.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("a site already exists");
    }

    @Test
    void initCanCopyTheThemeToCustomiseIt() throws Exception {
        Path site = temp.resolve("themed");
        assertThat(run("init", "--copy-theme", site.toString())).isZero();
        assertThat(site.resolve("themes/default/templates/base.peb")).exists();
        assertThat(run("build", "-q", "-s", site.toString())).as(err.toString()).isZero();
    }

    @Test
    void initWorkflowsAreValidYaml() throws Exception {
        Path site = temp.resolve("yaml");
        assertThat(run("init", site.toString())).isZero();
        for (String name : new String[] {"publish.yml", "pull-request.yml"}) {
            Object parsed = new org.yaml.snakeyaml.Yaml().load(Files.readString(site.resolve(".github/workflows/" + name)));
            assertThat(parsed).as(name).isInstanceOf(java.util.Map.class);
        }
        assertThat(Files.readString(site.resolve(".github/workflows/publish.yml")))
                .contains("check --site public").contains("cron").doesNotContain("@VERSION@");
    }

    @Test
    void checkReportsABrokenLinkAtTheMarkdownLineWhereItWasWritten() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        Files.writeString(project.resolve("content/2014/lien-ket-hong.md"), String.join("\n",
                "---", "title: \"Liên kết hỏng\"", "date: 2014-08-21", "---", "", "Đoạn đầu.", "",
                "Xem [bài không tồn tại](/2014/08/khong-co-bai-nay/) để biết thêm.", ""));
        Path output = project.resolve("public");
        assertThat(run("build", "-q", "-s", project.toString(), "--base-url", "https://example.org/archive/"))
                .as(err.toString()).isZero();
        assertThat(project.resolve(".gazette/source-maps")).isDirectoryContaining("glob:**.json");
        assertThat(output.resolve(".gazette")).doesNotExist();

        int code = run("check", "-s", project.toString(), "--site", output.toString(),
                "--base-url", "https://example.org/archive/");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("content/2014/lien-ket-hong.md:8: error: link \"/archive/2014/08/khong-co-bai-nay/\"")
                .contains("(in " + output + "/2014/08/lien-ket-hong/index.html:");
    }

    @Test
    void checkWithoutASourceMapStillReportsTheHtmlLocation() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        Files.writeString(project.resolve("content/2014/lien-ket-hong.md"), String.join("\n",
                "---", "title: \"Liên kết hỏng\"", "date: 2014-08-21", "---", "",
                "Xem [bài không tồn tại](/2014/08/khong-co-bai-nay/).", ""));
        Path output = project.resolve("public");
        assertThat(run("build", "-q", "-s", project.toString(), "--base-url", "https://example.org/")).isZero();
        io.gazette.output.TreeDeletion.delete(project.resolve(".gazette/source-maps"));
        assertThat(run("check", "-s", project.toString(), "--site", output.toString(), "--base-url", "https://example.org/"))
                .isEqualTo(1);
        assertThat(err.toString()).contains(output + "/2014/08/lien-ket-hong/index.html:")
                .doesNotContain("lien-ket-hong.md:");
    }
}
