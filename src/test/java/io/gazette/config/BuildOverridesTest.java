package io.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command line over environment (CI) over site.yml, as the README documents. */
class BuildOverridesTest {
    @TempDir
    Path project;

    @Test
    void environmentOverridesSiteYmlAndTheCommandLineOverridesBoth() throws Exception {
        Files.writeString(project.resolve("site.yml"), "title: T\nbaseUrl: https://from-site-yml.example/\n");
        BuildOverrides env = BuildOverrides.fromEnvironment(Map.of(
                "GAZETTE_BASE_URL", "https://from-env.example/archive",
                "GAZETTE_OUTPUT", "dist",
                "GAZETTE_DRAFTS", "true",
                "GAZETTE_FUTURE", "0"));
        SiteConfig fromEnv = ConfigLoader.load(project, BuildOverrides.NONE.over(env), null, new Problems());
        assertThat(fromEnv.baseUrl()).isEqualTo("https://from-env.example/archive/");
        assertThat(fromEnv.basePath()).isEqualTo("/archive/");
        assertThat(fromEnv.outputDir()).isEqualTo(project.resolve("dist"));
        assertThat(fromEnv.drafts()).isTrue();
        assertThat(fromEnv.future()).isFalse();

        BuildOverrides cli = new BuildOverrides("https://from-cli.example/", null, null, null);
        SiteConfig fromCli = ConfigLoader.load(project, cli.over(env), null, new Problems());
        assertThat(fromCli.baseUrl()).isEqualTo("https://from-cli.example/");
        assertThat(fromCli.outputDir()).isEqualTo(project.resolve("dist"));

        SiteConfig plain = ConfigLoader.load(project, BuildOverrides.fromEnvironment(Map.of()), null, new Problems());
        assertThat(plain.baseUrl()).isEqualTo("https://from-site-yml.example/");
        assertThat(plain.outputDir()).isEqualTo(project.resolve("public"));
    }

    @Test
    void badSettingsAreReportedWithTheirLine() throws Exception {
        Files.writeString(project.resolve("site.yml"), "title: T\nbaseUrl: not a url\npageSize: -3\ntimeZone: Mars/Base\n");
        Problems problems = new Problems();
        ConfigLoader.load(project, BuildOverrides.NONE, null, problems);
        assertThat(problems.sorted()).extracting(p -> p.line()).containsExactly(2, 3, 4);
        assertThat(problems.hasErrors()).isTrue();
    }
}
