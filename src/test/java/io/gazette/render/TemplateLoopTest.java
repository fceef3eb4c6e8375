package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A theme whose templates extend themselves makes Pebble look blocks up without end: the build
 * names the template instead of dying of a stack overflow (long fuzz run, seed 12).
 */
class TemplateLoopTest {
    @TempDir
    Path temp;

    private Path siteWithTheme(String template, String from, String to) throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        Path theme = project.resolve("themes/loop");
        Path source = TestSites.themes().resolve("default");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = theme.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path file = theme.resolve("templates").resolve(template);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        Files.writeString(project.resolve("site.yml"), Files.readString(project.resolve("site.yml")) + "\ntheme: loop\n");
        return project;
    }

    @Test
    void aTemplateExtendingItselfIsAnErrorOnTheLineOfItsExtends() throws Exception {
        Path project = siteWithTheme("base.peb", "<head>", "<head>{% extends 'base.peb' %}");
        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(project, temp.resolve("out"))).buildToDirectory())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(line -> assertThat(line).matches(
                                "themes/loop/templates/base\\.peb:\\d+: error: template extends itself: base\\.peb → base\\.peb(?s).*")));
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void aLoopThroughAnotherTemplateNamesBoth() throws Exception {
        Path project = siteWithTheme("base.peb", "<head>", "<head>{% extends \"search.peb\" %}");
        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(project, temp.resolve("out"))).buildToDirectory())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message)
                        .contains("template extends itself: base.peb → search.peb → base.peb",
                                "template extends itself: search.peb → base.peb → search.peb"));
    }

    @Test
    void aLoopPebbleOnlyFindsWhenRenderingIsAnErrorNamingTheTemplate() throws Exception {
        // a second extends inside a block: not a literal loop, but Pebble recurses without end
        Path project = siteWithTheme("search.peb", "<ol class=\"search-results\"",
                "<ol class=\"search{% extends 'base.peb' %}-results\"");
        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(project, temp.resolve("out"))).buildToDirectory())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(line -> assertThat(line).startsWith("themes/loop/templates/search.peb")
                                .contains("error: rendering never ends")));
    }
}
