package io.gazette.check;

import io.gazette.problems.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found in one file of the site; one thread fills it, so no locking. */
final class FileReport {
    private final String sitePath;
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    FileReport(String sitePath) {
        this.sitePath = sitePath;
        this.file = sitePath == null ? null : Path.of(sitePath);
    }

    String sitePath() {
        return sitePath;
    }

    void error(int line, String message, String hint) {
        problems.add(Problem.error(file, line, message, hint));
    }

    void warning(int line, String message, String hint) {
        problems.add(Problem.warning(file, line, message, hint));
    }

    List<Problem> problems() {
        return problems;
    }
}
