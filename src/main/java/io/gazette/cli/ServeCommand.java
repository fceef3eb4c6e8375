package io.gazette.cli;

import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.gazette.serve.DirectoryRebuilder;
import io.gazette.serve.PreviewOptions;
import io.gazette.serve.PreviewPipeline;
import io.gazette.serve.PreviewServer;
import io.gazette.serve.PreviewSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette serve}: build, serve a live-reloading preview, rebuild on every save. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the site into memory and serve a live-reloading preview; rebuilds on every save.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "" + PreviewServer.DEFAULT_PORT,
            description = "Port to listen on (0 picks a free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = PreviewServer.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--drafts", description = "Include draft articles.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated in the future.")
    boolean future;

    // TODO(lead): replace with the project option GazetteCommand settles on, if it has one.
    @Option(names = {"-s", "--source"}, defaultValue = ".", description = "Project directory (default: current).")
    Path projectDir;

    private final PreviewPipeline.Factory pipelines;

    public ServeCommand() {
        this(ServeCommand::placeholderPipeline);
    }

    public ServeCommand(PreviewPipeline.Factory pipelines) {
        this.pipelines = pipelines;
    }

    /**
     * TODO(lead): plug the site pipeline in here — return a Rebuilder that renders into the
     * preview transaction (and the search endpoint once the search package has one). Until then the
     * preview mirrors the output of the last `gazette build`.
     */
    private static PreviewPipeline placeholderPipeline(PreviewOptions options, java.net.URI url) {
        return new PreviewPipeline(new DirectoryRebuilder(options.projectDir().resolve("public")));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!Files.isDirectory(projectDir)) {
            System.err.println("error: no project directory at " + projectDir);
            return 2;
        }
        PreviewSession session;
        try {
            session = PreviewSession.start(new PreviewOptions(projectDir, bind, port, drafts, future), pipelines, out);
        } catch (Exception e) {
            if (causedBy(e, BindException.class)) {
                System.err.println("error: cannot listen on " + bind + ":" + port
                        + " (in use by another program?); try --port 0 for any free port");
                return 1;
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.close();
            stopped.countDown();
        }, "gazette-serve-shutdown"));
        stopped.await();
        return 0;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
