package io.gazette.cli;

import io.gazette.build.BuildProgress;
import java.io.PrintStream;
import java.util.Map;

/**
 * A one-line progress display on stderr, rewritten in place ({@code \r}): the stage, and the count
 * of files while pages are written. Only on a terminal: CI logs (no console, or {@code CI} set)
 * get nothing but the summary. At most ten updates a second.
 */
final class TerminalProgress implements BuildProgress, AutoCloseable {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintStream err;
    private String stage = "";
    private long lastShown;
    private int width;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** Progress for this process: shown on a terminal outside CI, else {@link BuildProgress#NONE}. */
    static BuildProgress forTerminal(boolean quiet) {
        return wanted(quiet, System.console() != null, System.getenv()) ? new TerminalProgress(System.err) : NONE;
    }

    static boolean wanted(boolean quiet, boolean terminal, Map<String, String> environment) {
        return !quiet && terminal && environment.get("CI") == null && !"true".equals(environment.get("GITHUB_ACTIONS"))
                && !"dumb".equals(environment.get("TERM"));
    }

    @Override
    public synchronized void stage(String name) {
        stage = name;
        show(name + "…", true);
    }

    @Override
    public synchronized void files(int done, int total) {
        show(stage + " " + done + "/" + total, done == total);
    }

    private void show(String text, boolean always) {
        long now = System.nanoTime();
        if (!always && now - lastShown < MIN_INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        String line = "gazette: " + text;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        err.flush();
    }

    /** Clears the line, so that the summary and problems start at its beginning. */
    @Override
    public synchronized void close() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    static void close(BuildProgress progress) {
        if (progress instanceof TerminalProgress terminal) {
            terminal.close();
        }
    }
}
