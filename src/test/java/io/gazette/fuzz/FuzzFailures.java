package io.gazette.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Failures found by a fuzz run, each input kept in {@code target/fuzz-failures/} to be turned
 * into a regression fixture under {@code src/test/resources/fuzz/regressions/}.
 */
final class FuzzFailures {
    static final Path DIR = io.gazette.build.TestSites.projectRoot().resolve("target/fuzz-failures");
    private final List<String> found = new ArrayList<>();
    private final String kind;

    FuzzFailures(String kind) {
        this.kind = kind;
    }

    synchronized void add(String what, byte[] input, String extension) {
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(kind + "-" + Integer.toHexString(java.util.Arrays.hashCode(input)) + extension);
            Files.write(file, input);
            found.add(what + "\n    input: " + file);
        } catch (IOException e) {
            found.add(what + "\n    (input not saved: " + e + ")");
        }
    }

    synchronized List<String> all() {
        return List.copyOf(found);
    }

    /** Stack trace lines of an exception, enough to find where it came from. */
    static String trace(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        StackTraceElement[] stack = e.getStackTrace();
        for (int i = 0; i < Math.min(8, stack.length); i++) {
            out.append("\n        at ").append(stack[i]);
        }
        return out.toString();
    }
}
