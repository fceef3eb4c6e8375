package io.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path project;

    private final Problems problems = new Problems();

    private Optional<ArticleSource> parse(String text) {
        return new ContentLoader(project, project.resolve("content"), HANOI).parse(Path.of("content/a.md"), text,
                problems);
    }

    @Test
    void bareDateIsMidnightInTheSiteZoneNotUtc() {
        ArticleSource source = parse("---\ntitle: A\ndate: 2014-08-18\n---\nBody\n").orElseThrow();
        assertThat(source.frontMatter().date().toLocalDate()).hasToString("2014-08-18");
        assertThat(source.frontMatter().date().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    }

    @Test
    void acceptsTimesOffsetsAndVietnameseDayFirstDates() {
        assertThat(parse("---\ntitle: A\ndate: 2014-08-18 09:30\n---\n").orElseThrow().frontMatter().date().getHour())
                .isEqualTo(9);
        assertThat(parse("---\ntitle: A\ndate: 2014-08-18T02:00:00Z\n---\n").orElseThrow().frontMatter().date()
                .getHour()).isEqualTo(9);
        assertThat(parse("---\ntitle: A\ndate: 18/08/2014\n---\n").orElseThrow().frontMatter().date().getDayOfMonth())
                .isEqualTo(18);
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        Optional<ArticleSource> result = parse("---\nauthor: X\ndate: tomorrow\ntags: [ok, '']\n---\nBody\n");
        assertThat(result).isEmpty();
        assertThat(problems.sorted()).extracting(Problem::format).containsExactly(
                "content/a.md:1: error: missing `title`\n    hint: add `title: \"Tiêu đề bài viết\"` to the front matter",
                "content/a.md:3: error: cannot read `date: tomorrow` as a date\n    hint: write it as "
                        + DateParser.ACCEPTED_FORMS,
                "content/a.md:4: error: empty tag\n    hint: remove the empty item from `tags:` or give it a name");
    }

    @Test
    void warnsAboutKeysThatLookLikeTypos() {
        ArticleSource source = parse("---\ntitle: A\ndate: 2014-08-18\ntag: [x]\nsource_url: http://old\n---\n")
                .orElseThrow();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("`tag`").contains("`tags`");
        });
        assertThat(source.frontMatter().params()).containsKeys("tag", "source_url");
    }

    @Test
    void refusesGlobalTagsAndAliasBombs() {
        assertThat(parse("---\ntitle: A\ndate: 2014-08-18\nx: !!java.io.File [/etc/passwd]\n---\n")).isEmpty();
        StringBuilder bomb = new StringBuilder("---\ntitle: A\ndate: 2014-08-18\na: &a [x, x, x, x, x, x, x, x]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'h'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append("]\n");
            previous = String.valueOf(c);
        }
        assertThat(parse(bomb + "---\n")).isEmpty();
        assertThat(problems.sorted()).allSatisfy(p -> assertThat(p.isError()).isTrue()).hasSize(2);
    }

    @Test
    void refusesDuplicateKeys() {
        assertThat(parse("---\ntitle: A\ntitle: B\ndate: 2014-08-18\n---\n")).isEmpty();
        assertThat(problems.sorted().get(0).line()).isEqualTo(3);
    }

    @Test
    void refusesAliasesAndSlugsThatEscape() {
        assertThat(parse("---\ntitle: A\ndate: 2014-08-18\naliases: [/ok/, ../../x, '/a/%2e%2e/%2e%2e/b', 'C:\\\\x']\n---\n"))
                .isEmpty();
        assertThat(problems.sorted()).hasSize(3);
        assertThat(parse("---\ntitle: A\ndate: 2014-08-18\nslug: ../x\n---\n")).isEmpty();
    }

    @Test
    void yamlOneOneBooleansStayStrings() {
        ArticleSource source = parse("---\ntitle: Yes\ndate: 2014-08-18\ntags: [no, on]\n---\n").orElseThrow();
        assertThat(source.frontMatter().title()).isEqualTo("Yes");
        assertThat(source.frontMatter().tags()).containsExactly("no", "on");
    }

    @Test
    void readsBomCrlfAndNfdFiles() throws Exception {
        Path file = project.resolve("content/b.md");
        Files.createDirectories(file.getParent());
        String text = "---\r\ntitle: \"Khen thưởng\"\r\ndate: 2014-08-18\r\n---\r\nNội dung\r\n";
        byte[] nfd = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[nfd.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(nfd, 0, withBom, 3, nfd.length);
        Files.write(file, withBom);
        ArticleSource source = new ContentLoader(project, project.resolve("content"), HANOI).read(file, problems)
                .orElseThrow();
        assertThat(source.frontMatter().title()).isEqualTo("Khen thưởng");
        assertThat(source.markdown()).isEqualTo("Nội dung\n");
        assertThat(source.path()).isEqualTo(Path.of("content/b.md"));
    }

    @Test
    void reportsTheLineOfBytesThatAreNotUtf8() throws Exception {
        Path file = project.resolve("content/c.md");
        Files.createDirectories(file.getParent());
        Files.write(file, "---\ntitle: A\ndate: 2014-08-18\n---\nok\nbad \u00ea\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(new ContentLoader(project, project.resolve("content"), HANOI).read(file, problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("not valid UTF-8");
        });
    }

    @Test
    void reportsUnclosedFrontMatter() {
        assertThat(parse("---\ntitle: A\n")).isEmpty();
        assertThat(problems.sorted().get(0).message()).contains("never closed");
    }

    @Test
    void skipsSymlinksThatLeaveContent() throws Exception {
        Path content = Files.createDirectories(project.resolve("content"));
        Path outside = Files.writeString(project.resolve("secret.md"), "---\ntitle: S\ndate: 2014-08-18\n---\n");
        Files.createSymbolicLink(content.resolve("link.md"), outside);
        Files.writeString(content.resolve("ok.md"), "---\ntitle: A\ndate: 2014-08-18\n---\n");
        var files = new ContentLoader(project, content, HANOI).listMarkdownFiles(problems);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("ok.md");
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message()).contains("outside"));
    }

    @Test
    void skipsFilesBelowALinkedFolderThatLeavesContentAndKeepsThoseOfOneInside() throws Exception {
        Path content = Files.createDirectories(project.resolve("content"));
        Path outside = Files.createDirectories(project.resolve("elsewhere/deep"));
        Files.writeString(outside.resolve("secret.md"), "---\ntitle: S\ndate: 2014-08-18\n---\n");
        Files.createSymbolicLink(content.resolve("2014"), project.resolve("elsewhere"));
        Path inside = Files.createDirectories(content.resolve("2015"));
        Files.writeString(inside.resolve("ok.md"), "---\ntitle: A\ndate: 2015-08-18\n---\n");
        Files.createSymbolicLink(content.resolve("cung"), inside);
        var files = new ContentLoader(project, content, HANOI).listMarkdownFiles(problems);
        assertThat(files).extracting(p -> content.relativize(p).toString().replace('\\', '/'))
                .containsExactly("2015/ok.md", "cung/ok.md");
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("outside");
            assertThat(p.file().toString().replace('\\', '/')).endsWith("2014/deep/secret.md");
        });
    }

    @Test
    void aLinkBackToAFolderItLiesInIsALoopReportedOnceAndTheFilesAreListedOnce() throws Exception {
        Path content = Files.createDirectories(project.resolve("content/2014/thang-8"));
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\ndate: 2014-08-18\n---\n");
        Files.writeString(project.resolve("content/b.md"), "---\ntitle: B\ndate: 2014-08-18\n---\n");
        Files.createSymbolicLink(content.resolve("len"), project.resolve("content/2014"));
        Files.createSymbolicLink(project.resolve("content/2014/hong.md"), project.resolve("content/khong-co.md"));
        var files = new ContentLoader(project, project.resolve("content"), HANOI).listMarkdownFiles(problems);
        assertThat(files).extracting(p -> project.resolve("content").relativize(p).toString().replace('\\', '/'))
                .containsExactly("2014/thang-8/a.md", "b.md"); // a broken link is no file, and says nothing
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("cannot read folder: symbolic link loop");
            assertThat(p.file().toString().replace('\\', '/')).isEqualTo("content/2014/thang-8/len");
        });
    }

    @Test
    void aFolderNamedLikeAnArticleIsWalkedAndAHiddenFileIsNot() throws Exception {
        Path folder = Files.createDirectories(project.resolve("content/bai.md"));
        Files.writeString(folder.resolve("index.md"), "---\ntitle: A\ndate: 2014-08-18\n---\n");
        Files.writeString(folder.resolve(".nhap.md"), "---\ntitle: B\ndate: 2014-08-18\n---\n");
        Files.writeString(folder.resolve("anh.jpg"), "jpeg");
        var files = new ContentLoader(project, project.resolve("content"), HANOI).listMarkdownFiles(problems);
        assertThat(files).extracting(p -> project.resolve("content").relativize(p).toString().replace('\\', '/'))
                .containsExactly("bai.md/index.md");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void theWalkGivesAFilesOwnAttributesAndNoneForALinkedFileWhichItStillChecks() throws Exception {
        Path content = Files.createDirectories(project.resolve("content/2014"));
        Path outside = Files.writeString(project.resolve("secret.md"), "---\ntitle: S\ndate: 2014-08-18\n---\n");
        Path ok = Files.writeString(content.resolve("ok.md"), "---\ntitle: A\ndate: 2014-08-18\n---\n");
        Files.createSymbolicLink(content.resolve("out.md"), outside);
        Files.createSymbolicLink(content.resolve("in.md"), ok);
        java.util.Map<String, java.nio.file.attribute.BasicFileAttributes> found = new java.util.TreeMap<>();
        java.util.Set<String> linkedFiles = new java.util.TreeSet<>();
        new ContentLoader(project, project.resolve("content"), HANOI).walkMarkdownFiles(problems, (file, attributes) -> {
            if (attributes == null) {
                linkedFiles.add(file.getFileName().toString());
            } else {
                found.put(file.getFileName().toString(), attributes);
            }
        });
        assertThat(linkedFiles).containsExactly("in.md"); // the link leading out is reported, as before
        assertThat(found).containsOnlyKeys("ok.md");
        var attributes = found.get("ok.md");
        assertThat(attributes.isRegularFile()).isTrue();
        assertThat(attributes.size()).isEqualTo(Files.size(ok));
        assertThat(attributes.lastModifiedTime()).isEqualTo(Files.getLastModifiedTime(ok));
        assertThat(attributes.fileKey())
                .isEqualTo(Files.readAttributes(ok, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        if (io.gazette.files.UnixAttributes.AVAILABLE) {
            // The JDK's own object, whose inode and change time the build's stat reads without a map.
            assertThat(io.gazette.files.UnixAttributes.readable(attributes)).isTrue();
            assertThat(io.gazette.files.UnixAttributes.inode(attributes))
                    .isEqualTo(((Number) Files.getAttribute(ok, "unix:ino")).longValue());
            assertThat(io.gazette.files.UnixAttributes.changeNanos(attributes)).isEqualTo(((java.nio.file.attribute.FileTime)
                    Files.getAttribute(ok, "unix:ctime")).to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message()).contains("outside"));
    }

    @Test
    void aFileIsShownRelativeToTheProjectHoweverItIsGiven() {
        ContentLoader loader = new ContentLoader(project, project.resolve("content"), HANOI);
        Path absolute = project.toAbsolutePath().normalize();
        assertThat(loader.shown(absolute.resolve("content/2014/a.md"))).isEqualTo(Path.of("content/2014/a.md"));
        assertThat(loader.shown(absolute.resolve("content/./2014/../2014/a.md"))).isEqualTo(Path.of("content/2014/a.md"));
        assertThat(loader.shown(absolute.resolve("content/.an/a.md"))).isEqualTo(Path.of("content/.an/a.md"));
        assertThat(loader.shown(absolute.resolve("../elsewhere/a.md")))
                .isEqualTo(absolute.resolve("../elsewhere/a.md"));
        assertThat(loader.shown(absolute)).isEqualTo(Path.of(""));
    }
}
