package io.gazette.problems;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong with the input, located as precisely as we can: {@code file} may be null for
 * site-wide problems, {@code line} is 1-based and 0 when unknown. {@code hint} says how to fix it.
 */
public record Problem(Severity severity, Path file, int line, String message, String hint) {

    /**
     * Values in a message should be quoted with {@link Quote}; this keeps a message one line even
     * where one was not: a line break in it would print a line that names no file.
     */
    public Problem {
        message = Quote.oneLine(message);
        hint = Quote.oneLine(hint);
    }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file().toString())
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public static Problem error(Path file, int line, String message, String hint) {
        return new Problem(Severity.ERROR, file, line, message, hint);
    }

    public static Problem warning(Path file, int line, String message, String hint) {
        return new Problem(Severity.WARNING, file, line, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code content/2014/a.md:3: error: message (hint: ...)} — the form editors and CI logs read. */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file.toString().replace('\\', '/'));
            if (line > 0) {
                out.append(':').append(line);
            }
            out.append(": ");
        }
        out.append(severity.label()).append(": ").append(message);
        if (hint != null && !hint.isBlank()) {
            out.append("\n    hint: ").append(hint);
        }
        return out.toString();
    }
}
