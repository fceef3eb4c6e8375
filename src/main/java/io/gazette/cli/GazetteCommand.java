package io.gazette.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gazette}: the command-line entry point. Exit codes: 0 success, 1 content errors (the
 * site has problems to fix), 2 usage errors (the command was mistyped).
 */
@Command(name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Builds a Vietnamese news archive from Markdown into a static site.",
        subcommands = {
                BuildCommand.class,
                ServeCommand.class,
                NewCommand.class,
                SearchCommand.class,
                ImportCommand.class,
                CheckCommand.class,
                CommandLine.HelpCommand.class
        })
public final class GazetteCommand implements Runnable {
    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command, e.g. `gazette build`");
    }

    public static void main(String[] args) {
        System.exit(run(args));
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
        return commandLine;
    }
}
