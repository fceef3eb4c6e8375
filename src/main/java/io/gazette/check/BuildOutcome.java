package io.gazette.check;

import io.gazette.problems.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * A build that succeeded: the base URL it built for, its warnings (front matter and content
 * problems that did not stop it), and the directory its output normally goes to ({@code public}),
 * used only to print site paths as the editor will find them after {@code gazette build}.
 */
public record BuildOutcome(String baseUrl, List<Problem> problems, Path outputLabel) {

    public BuildOutcome {
        problems = List.copyOf(problems);
    }
}
