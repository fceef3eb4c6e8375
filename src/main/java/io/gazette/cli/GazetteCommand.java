package io.gazette.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
                "3:internal or I/O errors (one line with the cause)"})
public final class GazetteCommand implements Runnable {
    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The commands, in the order the help lists them. Picocli makes each one's model by reflection
     * when it is added (at every start, 9 commands took ~50 ms of the ~170 ms before a build began,
     * most of it loading picocli's classes, which the class-data archive cannot hold), so a command
     * line naming one gets only that one (see {@link #commandLine(String...)}).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("init", InitCommand::new);
        commands.put("build", BuildCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("new", NewCommand::new);
        commands.put("search", SearchCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("completion", CompletionCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command, e.g. `gazette build`");
    }

    public static void main(String[] args) {
        // `java -jar` without the options of jvm.options: run again with them (see SelfLauncher).
        Optional<Integer> relaunched = SelfLauncher.relaunchIfNeeded(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        // Started by ./gazette from a record: whether content/ still has the size its options were
        // chosen for is found beside picocli's model, which takes as long (LaunchRecord).
        CompletableFuture<Boolean> optionsFit = LaunchRecord.contentCheck(args);
        CommandLine commandLine = commandLine(args);
        Optional<Integer> code = optionsFit.join() ? Optional.empty() : SelfLauncher.relaunchForContent(args);
        System.exit(code.orElseGet(() -> commandLine.execute(args)));
    }

    /** Runs a command line without exiting. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** Runs a command line with its output captured: what the CLI tests use. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * The command line for {@code args}: with only the command they name first, when they name
     * one that needs no other (not {@code help} or {@code completion}, which describe them all);
     * otherwise with every command, so that the usage lists them and a mistyped one gets picocli's
     * suggestions. Settings below are given after the commands: picocli passes them only to the
     * commands already added.
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new GazetteCommand());
        String named = args.length > 0 ? args[0] : "";
        boolean alone = COMMANDS.containsKey(named) && !named.equals("help") && !named.equals("completion");
        COMMANDS.forEach((name, command) -> {
            if (!alone || name.equals(named)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
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
