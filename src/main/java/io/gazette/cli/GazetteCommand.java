package io.gazette.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gazette}: the command-line entry point. Exit codes: 0 success, 1 content errors (the
 * site has problems to fix), 2 usage errors (the command was mistyped), 3 internal or I/O errors
 * (a folder that cannot be written, a bug), printed as one line with the cause.
 */
@Command(name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Builds a Vietnamese news archive from Markdown into a static site.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:content errors (file:line: message, with a hint)",
                "2:usage errors",
                "3:internal or I/O errors (one line with the cause)"},
        subcommands = {
                InitCommand.class,
                BuildCommand.class,
                ServeCommand.class,
                NewCommand.class,
                SearchCommand.class,
                ImportCommand.class,
                CheckCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class
        })
public final class GazetteCommand implements Runnable {
    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command, e.g. `gazette build`");
    }

    public static void main(String[] args) {
        // `java -jar` without the options of jvm.options: run again with them (see SelfLauncher).
        int code = SelfLauncher.relaunchIfNeeded(args).orElseGet(() -> run(args));
        System.exit(code);
    }

    /** Runs a command line without exiting. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command line with its output captured: what the CLI tests use. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    private static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GazetteCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("gazette: error: " + Failures.describe(failure));
            if (Boolean.getBoolean("gazette.debug")) {
                failure.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return INTERNAL;
        });
        return commandLine;
    }
}
