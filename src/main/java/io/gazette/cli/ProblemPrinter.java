package io.gazette.cli;

import io.gazette.problems.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems the way editors and CI logs read them, and the count at the end. */
final class ProblemPrinter {
    private ProblemPrinter() {
    }

    static void print(List<Problem> problems, PrintWriter out) {
        print(problems, out, null);
    }

    /** The problems, and also as annotations when {@code annotations} is not null. */
    static void print(List<Problem> problems, PrintWriter out, GitHubAnnotations annotations) {
        for (Problem problem : problems) {
            out.println(problem.format());
        }
        if (annotations != null) {
            annotations.print(problems, out);
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (errors > 0) {
            out.println(errors + " error" + (errors == 1 ? "" : "s") + (warnings > 0 ? ", " + warnings + " warning"
                    + (warnings == 1 ? "" : "s") : "") + ": nothing was written; the previous output is unchanged.");
        }
        out.flush();
    }
}
