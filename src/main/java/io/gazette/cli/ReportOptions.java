package io.gazette.cli;

import picocli.CommandLine.Option;

/** How problems are reported, for the commands that report them. */
final class ReportOptions {
    @Option(names = "--annotations", description = "Also print each problem as a GitHub Actions annotation"
            + " (::error file=…,line=…::…); on by itself when GITHUB_ACTIONS=true.")
    boolean annotations;

    GitHubAnnotations annotations() {
        return GitHubAnnotations.forEnvironment(annotations, System.getenv());
    }
}
