package io.gazette.cli;

import io.gazette.build.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * The command line counterpart of {@link io.gazette.build.InlineSite}: a {@code gazette} command
 * run in the test's JVM as an editor types it, with this repository's default theme (found
 * through {@code gazette.home}, as the launcher sets it), its exit code and what it printed.
 *
 * <pre>{@code
 * InlineSite site = InlineSite.in(temp).file("site.yml", "title: T\n").file("content/a.md", "...");
 * GazetteCli.Ran build = GazetteCli.run("build", "-s", site.project(), "--as-of", "2026-06-01T10:00:00Z");
 * assertThat(build.code()).as(build.err()).isZero();
 * }</pre>
 */
final class GazetteCli {
    private GazetteCli() {
    }

    /** One run: its exit code, standard output and standard error. */
    record Ran(int code, String out, String err) {
        /** Both streams, for an assertion's description. */
        String printed() {
            return out + "\n" + err;
        }
    }

    /** Runs {@code gazette args…}; each argument is written as {@link String#valueOf} gives it (a path as itself). */
    static Ran run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String home = System.getProperty("gazette.home");
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
        try {
            int code = GazetteCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
            return new Ran(code, out.toString(), err.toString());
        } finally {
            if (home == null) {
                System.clearProperty("gazette.home");
            } else {
                System.setProperty("gazette.home", home);
            }
        }
    }
}
