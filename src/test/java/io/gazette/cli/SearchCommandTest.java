package io.gazette.cli;

import io.gazette.search.SearchDocument;
import io.gazette.search.SearchIndexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SearchCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsRankedResultsWithMarkedMatches() throws Exception {
        SearchIndexer.rebuild(dir, List.of(
                new SearchDocument("2014/08/hoi-nghi-so-ket/", "Hội nghị Sơ kết", "",
                        "Công tác thi đua, khen thưởng đã đổi mới.", List.of("Hội nghị"), "Tin", "Quỳnh Anh",
                        LocalDate.of(2014, 8, 18)),
                new SearchDocument("2015/01/khac/", "Bài khác", "", "Không liên quan.", List.of(), "Tin", null,
                        LocalDate.of(2015, 1, 1))));
        assertThat(run("--index", dir.toString(), "thi", "dua", "khen", "thuong")).isZero();
        assertThat(out.toString())
                .contains("1 result for «thi dua khen thuong»")
                .contains("1. Hội nghị Sơ kết — 18/08/2014")
                .contains("/2014/08/hoi-nghi-so-ket/")
                .contains("Công tác «thi» «đua», «khen» «thưởng» đã đổi mới.");
    }

    @Test
    void saysSoWhenNothingMatches() throws Exception {
        SearchIndexer.rebuild(dir, List.of(new SearchDocument("a/", "Tin", "", "Nội dung.", List.of(), null, null, null)));
        assertThat(run("--index", dir.toString(), "không có")).isZero();
        assertThat(out.toString()).contains("No results");
    }

    @Test
    void exitsTwoWithoutAnIndex() {
        assertThat(run("--index", dir.resolve("missing").toString(), "thi đua")).isEqualTo(2);
        assertThat(err.toString()).contains("gazette build");
    }
}
