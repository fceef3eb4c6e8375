package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Limits;
import io.gazette.problems.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs that got through before (issue 12) and every limit of {@link Limits}: each gives a
 * {@code file:line} error naming the limit, or a valid site, and one bad file never hides the
 * problems of the others.
 */
class HostileInputTest {
    @TempDir
    Path temp;

    private Path project() throws Exception {
        Path project = temp.resolve("site");
        Files.createDirectories(project.resolve("content/2014"));
        Files.writeString(project.resolve("site.yml"), "title: Thử\nbaseUrl: https://example.org/\n");
        return project;
    }

    private static void article(Path project, String name, String frontMatter, String body) throws Exception {
        Files.writeString(project.resolve("content/2014").resolve(name),
                "---\n" + frontMatter + "\n---\n" + body, StandardCharsets.UTF_8);
    }

    private static String valid(String title) {
        return "title: \"" + title + "\"\ndate: 2014-08-18";
    }

    private List<Problem> failedBuild(Path project) {
        Path output = temp.resolve("public");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> SiteBuild.open(TestSites.options(project, output)).buildToDirectory());
        assertThat(thrown).isInstanceOf(BuildFailedException.class);
        assertThat(output).doesNotExist();
        return ((BuildFailedException) thrown).problems();
    }

    private static String formatted(List<Problem> problems) {
        return String.join("\n", problems.stream().map(Problem::format).toList());
    }

    @Test
    void aThousandNestedBlockQuotesAreAnErrorAndOtherFilesAreStillChecked() throws Exception {
        Path project = project();
        article(project, "deep.md", valid("Sâu"), "\nMở đầu.\n\n" + ">".repeat(1000) + " trích dẫn\n");
        article(project, "no-date.md", "title: Không ngày", "Nội dung.\n");
        String shown = formatted(failedBuild(project));
        assertThat(shown).contains("content/2014/deep.md:8: error: Markdown elements nested more than "
                + Limits.MAX_NESTING + " deep");
        assertThat(shown).contains("content/2014/no-date.md:1: error: missing `date`");
    }

    @Test
    void deepListsOnOneLineAndLongRunsOfMarkersAreErrorsOrPagesNeverCrashes() throws Exception {
        Path project = project();
        article(project, "lists.md", valid("Danh sách"), "\n" + "- ".repeat(5000) + "mục\n");
        article(project, "stars.md", valid("Sao"), "\n" + "*".repeat(19_000) + "\n\n" + "_ ".repeat(9_000) + "\n");
        List<Problem> problems = failedBuild(project);
        assertThat(formatted(problems)).contains("content/2014/lists.md:6: error: Markdown elements nested more than");
        // A long thematic break used to overflow the regular expression's stack; now it is a page.
        assertThat(problems).noneMatch(p -> p.file().toString().endsWith("stars.md"));
    }

    @Test
    void noncharactersAndControlsAreReplacedWithAWarningAndTheFeedIsWellFormed() throws Exception {
        Path project = project();
        article(project, "bad-chars.md", valid("Tiêu đề \uFFFF có ký tự lạ\u0001"),
                "\nThân bài \uFFFE và \u0008 và \u0085 và \uDBFF\uDFFF hết.\n");
        Path output = temp.resolve("public");
        BuildResult result = SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        List<Problem> problems = result.problems().sorted();
        assertThat(formatted(problems)).contains("content/2014/bad-chars.md:2: warning: invisible character U+FFFF"
                + " replaced with U+FFFD (�); 6 such characters in this file");
        assertThat(problems).noneMatch(Problem::isError);
        byte[] feed = Files.readAllBytes(output.resolve("feed.xml"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(feed));
        String text = new String(feed, StandardCharsets.UTF_8);
        assertThat(text).contains("Tiêu đề \uFFFD có ký tự lạ\uFFFD").doesNotContain("\uFFFF");
    }

    @Test
    void everyLimitIsAnErrorNamingTheFileTheLineAndTheLimit() throws Exception {
        Path project = project();
        article(project, "line.md", valid("Dòng dài"), "\nA.\n\n" + "chữ ".repeat(Limits.MAX_LINE_CHARS / 4 + 1) + "\n");
        article(project, "block.md", valid("Khối dài"), "\n" + "| a | b |\n|---|---|\n"
                + "| ô | ơ |\n".repeat(Limits.MAX_BLOCK_CHARS / 10 + 1));
        article(project, "defs.md", valid("Liên kết"), "\n" + "[a]: /x\n\n".repeat(Limits.MAX_LINK_DEFINITIONS + 1));
        article(project, "title.md", valid("T".repeat(Limits.MAX_TITLE_CHARS + 1)), "\nA.\n");
        StringBuilder tags = new StringBuilder("tags: [");
        for (int i = 0; i <= Limits.MAX_TAGS; i++) {
            tags.append(i == 0 ? "" : ", ").append("thẻ ").append(i);
        }
        article(project, "tags.md", valid("Nhiều thẻ") + "\n" + tags + "]", "\nA.\n");
        article(project, "big.md", valid("Lớn"), ("\n" + "chữ ".repeat(1000) + "\n").repeat(Limits.MAX_FILE_BYTES / 4000));
        String shown = formatted(failedBuild(project));
        assertThat(shown)
                .contains("content/2014/line.md:8: error: line is 40,004 characters long; the limit is 40,000")
                .contains("content/2014/block.md:6: error: the block of lines starting here (no blank line between"
                        + " them) is over 40,000 characters long")
                .contains("content/2014/defs.md:2006: error: more than 1,000 link reference definitions")
                .contains("content/2014/title.md:2: error: `title` is 1,001 characters long; the limit is 1,000")
                .contains("content/2014/tags.md:4: error: an article has 101 tags; the limit is 100")
                .containsPattern("content/2014/big\\.md:1: error: file is [0-9,]+ KB; the limit is 2,048 KB");
    }

    @Test
    void aLongButRealArticleIsWithinEveryLimit() throws Exception {
        Path project = project();
        StringBuilder body = new StringBuilder("\n");
        for (int i = 0; i < 300; i++) {
            body.append("Đoạn ").append(i).append(": ").append("Hội nghị sơ kết công tác thi đua khen thưởng. ".repeat(40))
                    .append("\n\n> trích dẫn\n> > lồng\n\n- một\n  - hai\n    - ba\n\n");
        }
        body.append("| a | b |\n|---|---|\n").append("| ô | ơ |\n".repeat(1500));
        article(project, "long.md", valid("Bài dài"), body.toString());
        BuildResult result = SiteBuild.open(TestSites.options(project, temp.resolve("public"))).buildToDirectory();
        assertThat(result.problems().sorted()).isEmpty();
        assertThat(temp.resolve("public/2014/08")).isDirectory();
    }
}
