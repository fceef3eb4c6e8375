package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteCommandTest {
    private static final String[] ALL = {"init", "build", "serve", "new", "search", "import", "check", "completion", "help"};

    @Test
    void aCommandLineNamingACommandMakesOnlyThatOne() {
        assertThat(GazetteCommand.commandLine("build", "--quiet", "--timings").getSubcommands()).containsOnlyKeys("build");
        assertThat(GazetteCommand.commandLine("check", "--site", "public").getSubcommands()).containsOnlyKeys("check");
    }

    @Test
    void helpCompletionAndAnythingElseGetEveryCommandInOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "build"}, {"completion"}, {"biuld"}, {"--version"}}) {
            assertThat(GazetteCommand.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactly(ALL);
        }
    }

    @Test
    void settingsReachTheCommandMadeAlone() {
        picocli.CommandLine build = GazetteCommand.commandLine("build").getSubcommands().get("build");
        assertThat(build.isCaseInsensitiveEnumValuesAllowed()).isTrue();
    }
}
