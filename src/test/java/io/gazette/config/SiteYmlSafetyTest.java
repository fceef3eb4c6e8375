package io.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings in site.yml that would make a build write outside its output, or delete the project,
 * are located errors (exit 1), not failures of the build's file writing (long fuzz run, seed 12).
 */
class SiteYmlSafetyTest {
    @TempDir
    Path temp;

    private List<Problem> load(String yml) throws Exception {
        Path project = Files.createDirectories(temp.resolve("a/b/project"));
        Files.writeString(project.resolve("site.yml"), yml);
        Problems problems = new Problems();
        ConfigLoader.load(project, BuildOverrides.NONE, null, problems);
        return problems.sorted();
    }

    @Test
    void anOutputThatHoldsTheProjectOrItsSourcesIsAnErrorOnItsLine() throws Exception {
        for (String output : List.of("/", "..", "../..", ".", "./", "content", "content/public", "themes/x", ".git")) {
            List<Problem> problems = load("title: T\noutput: " + output + "\n");
            assertThat(problems).as(output).singleElement().satisfies(p -> {
                assertThat(p.isError()).isTrue();
                assertThat(p.format()).startsWith("site.yml:2: error: output `" + output + "`");
            });
        }
    }

    @Test
    void anOutputOfItsOwnIsFine() throws Exception {
        for (String output : List.of("public", "dist/site", "../site-out")) {
            assertThat(load("title: T\noutput: " + output + "\n")).as(output).isEmpty();
        }
    }

    @Test
    void aPermalinkWithADotDotSegmentIsAnErrorOnItsLine() throws Exception {
        for (String permalink : List.of("/:year/../../:slug/", "/:year/%2e%2e/:slug/", "/./:slug/", "/tin/:slug/?a")) {
            assertThat(load("title: T\npermalink: \"" + permalink + "\"\n")).as(permalink).singleElement()
                    .satisfies(p -> assertThat(p.format()).startsWith("site.yml:2: error: permalink"));
        }
        assertThat(load("permalink: /tin/:year/:day/:slug.html\n")).isEmpty();
    }

    @Test
    void aYamlEscapeOfANoncharacterDoesNotReachThePages() throws Exception {
        Path project = Files.createDirectories(temp.resolve("p"));
        Files.writeString(project.resolve("site.yml"), "title: \"A\\uFFFFB\"\ndescription: \"\\uFFFE\"\n");
        SiteConfig config = ConfigLoader.load(project, BuildOverrides.NONE, null, new Problems());
        assertThat(config.title()).isEqualTo("A\uFFFDB");
        assertThat(config.description()).isEqualTo("\uFFFD");
    }
}
