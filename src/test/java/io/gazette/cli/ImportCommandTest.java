package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
    private static final String TARGET = "2014/hoi-nghi-so-ket-cong-tac-06-thang-dau-nam.md";

    @TempDir
    Path dir;
    Path legacy;
    Path content;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void pages() throws IOException {
        legacy = Files.createDirectories(dir.resolve("legacy"));
        content = dir.resolve("content");
        Files.write(legacy.resolve("seed.txt"), resource("legacy-article-2014-08-18.txt"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/legacy/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String handMigrated() throws IOException {
        Path project = Path.of(System.getProperty("gazette.projectDir", System.getProperty("user.dir")));
        return Files.readString(project.resolve("content").resolve(TARGET));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine command = new CommandLine(new ImportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void importsTheSeedToTheCommittedArticle() throws IOException {
        int exit = run("--into", content.toString(), "--category", "Hoạt động của Khối", legacy.resolve("seed.txt").toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(content.resolve(TARGET))).isEqualTo(handMigrated());
        assertThat(out.toString()).isEqualTo("imported " + legacy.resolve("seed.txt") + " → " + content.resolve(TARGET) + "\n");
        assertThat(filesUnder(content)).containsExactly(Path.of(TARGET));
    }

    @Test
    void theRepositorysSiteYmlGivesTheSeedItsCategoryWithoutFlags() throws IOException {
        Path project = Path.of(System.getProperty("gazette.projectDir", System.getProperty("user.dir")));
        Files.copy(project.resolve("site.yml"), dir.resolve("site.yml"));
        int exit = run("--into", content.toString(), legacy.resolve("seed.txt").toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(content.resolve(TARGET))).isEqualTo(handMigrated());
    }

    @Test
    void importingAgainSkipsAndForceRewritesIdenticalBytes() throws IOException {
        run("--into", content.toString(), legacy.toString());
        byte[] first = Files.readAllBytes(content.resolve(TARGET));

        assertThat(run("--into", content.toString(), legacy.toString())).isZero();
        assertThat(out.toString()).startsWith("skipped ").endsWith("(exists; use --force)\n");
        assertThat(Files.readAllBytes(content.resolve(TARGET))).isEqualTo(first);

        Files.writeString(content.resolve(TARGET), "edited by hand\n");
        assertThat(run("--into", content.toString(), legacy.toString())).isZero();
        assertThat(Files.readString(content.resolve(TARGET))).isEqualTo("edited by hand\n");

        assertThat(run("--into", content.toString(), "--force", legacy.toString())).isZero();
        assertThat(out.toString()).startsWith("imported ");
        assertThat(Files.readAllBytes(content.resolve(TARGET))).isEqualTo(first);
        assertThat(filesUnder(content)).containsExactly(Path.of(TARGET));
    }

    @Test
    void dryRunPrintsTheMarkdownAndWritesNothing() throws IOException {
        int exit = run("--dry-run", "--into", content.toString(), "--category", "Hoạt động của Khối",
                legacy.resolve("seed.txt").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(handMigrated());
        assertThat(err.toString()).startsWith("would import ");
        assertThat(content).doesNotExist();
    }

    @Test
    void aFailingPageIsReportedWithItsLineAndNothingIsWrittenForIt() throws IOException {
        Files.writeString(legacy.resolve("broken.txt"), "Tiêu đề\n\nThứ hai, 31/02/2014\n\nMột đoạn.\n");
        Files.write(legacy.resolve("latin1.txt"), "Ti\u00EAu \u0111\u1EC1\n".getBytes(StandardCharsets.ISO_8859_1));

        int exit = run("--into", content.toString(), legacy.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(
                "failed " + legacy.resolve("broken.txt") + ":3: the date line 'Thứ hai, 31/02/2014' names no real date or time\n",
                "failed " + legacy.resolve("latin1.txt") + ":1: not UTF-8");
        assertThat(out.toString()).contains("imported " + legacy.resolve("seed.txt"));
        assertThat(filesUnder(content)).containsExactly(Path.of(TARGET));
    }

    @Test
    void foldersAreWalkedInOrderSkippingHiddenAndOtherFiles() throws IOException {
        Files.createDirectories(legacy.resolve(".git"));
        Files.writeString(legacy.resolve(".git/x.txt"), "not a page");
        Files.writeString(legacy.resolve("notes.md"), "not a page");
        Files.createDirectories(legacy.resolve("2014"));
        Files.write(legacy.resolve("2014/trang.html"), resource("hoi-nghi-so-ket-2014-08-18.html"));

        int exit = run("--into", content.toString(), "--dry-run", legacy.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("would import " + legacy.resolve("2014/trang.html"),
                "failed " + legacy.resolve("seed.txt") + ": its title gives the same file as " + legacy.resolve("2014/trang.html"));
        assertThat(err.toString()).doesNotContain(".git", "notes.md");
    }

    @Test
    void aliasBaseRecordsTheOldAddress() throws IOException {
        Files.createDirectories(legacy.resolve("tin tuc"));
        Files.move(legacy.resolve("seed.txt"), legacy.resolve("tin tuc/bài 245.txt"));

        int exit = run("--into", content.toString(), "--alias-base", "http://khoi.example.vn/Uploads", legacy.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(content.resolve(TARGET)))
                .contains("\naliases:\n  - \"http://khoi.example.vn/Uploads/tin%20tuc/b%C3%A0i%20245.txt\"\n---\n");
    }

    @Test
    void missingPathIsAFailureOfThatPath() {
        assertThat(run("--into", content.toString(), dir.resolve("nope.txt").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("failed " + dir.resolve("nope.txt") + ": no such file or folder\n");
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--alias-base", "ftp://x", legacy.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--alias-base must be an http(s) URL");
        Files.writeString(dir.resolve("file"), "");
        assertThat(run("--into", dir.resolve("file").toString(), legacy.toString())).isEqualTo(2);
        assertThat(run("--tag-rules", dir.resolve("missing.yml").toString(), legacy.toString())).isEqualTo(2);
        assertThat(run("--bogus", legacy.toString())).isEqualTo(2);
        assertThat(filesUnder(dir.resolve("content"))).isEmpty();
    }

    @Test
    void neverWritesThroughASymlinkOutOfTheContentFolder() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(content);
        Files.createSymbolicLink(content.resolve("2014"), outside);

        int exit = run("--into", content.toString(), legacy.resolve("seed.txt").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("leads outside");
        assertThat(filesUnder(outside)).isEmpty();
    }

    @Test
    void explainTagsSaysWhyEachTagWasSuggested() {
        run("--into", content.toString(), "--explain-tags", legacy.toString());

        assertThat(out.toString()).contains("  tags: Hội nghị (in the title), Sơ kết (in the title),"
                + " Thi đua khen thưởng (28 times in the text), Bộ Xây dựng (named 3 times), Bộ Nội vụ (named 3 times)\n");
    }

    @Test
    void helpIsAvailable() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: import", "--dry-run", "--alias-base", "--force", "--into");
    }
}
