package io.gazette.check;

import io.gazette.problems.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prints problems grouped by file (a blank line between files), sorted by file and line, each in
 * the {@code path:line: severity: message} form editors and CI logs link to, then a summary line.
 */
public final class ProblemReport {

    private ProblemReport() {
    }

    /** Counts behind the summary line. */
    public record Summary(int errors, int warnings, int files) {
        /** {@code 2 errors, 1 warning in 2 files}. */
        public String line() {
            return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(files, "file");
        }

        private static String plural(int n, String noun) {
            return n + " " + (n == 1 ? noun : noun + "s");
        }
    }

    public static Summary summarize(List<Problem> problems) {
        int errors = (int) problems.stream().filter(Problem::isError).count();
        int files = (int) problems.stream().map(Problem::file).filter(Objects::nonNull).distinct().count();
        return new Summary(errors, problems.size() - errors, files);
    }

    /** Prints the problems (any order in, sorted out) without the summary line; returns the summary. */
    public static Summary print(List<Problem> problems, PrintWriter out) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.ORDER);
        Path previous = null;
        boolean first = true;
        for (Problem problem : sorted) {
            if (!first && !Objects.equals(previous, problem.file())) {
                out.println();
            }
            out.println(problem.format());
            previous = problem.file();
            first = false;
        }
        if (!sorted.isEmpty()) {
            out.println();
        }
        out.flush();
        return summarize(sorted);
    }

    /** The same problem located under {@code root}: site paths become e.g. {@code public/index.html}. */
    public static List<Problem> under(Path root, List<Problem> problems) {
        if (root == null) {
            return problems;
        }
        return problems.stream()
                .map(p -> p.file() == null ? p : new Problem(p.severity(), root.resolve(p.file()).normalize(), p.line(), p.message(), p.hint()))
                .toList();
    }
}
