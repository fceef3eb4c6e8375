package io.gazette.cli;

import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.gazette.build.BuildOptions;
import io.gazette.config.BuildOverrides;
import io.gazette.serve.SiteRebuilder;
import java.time.Clock;
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

    @Option(names = "--open", description = "Open the preview in the browser once it is ready.")
    boolean open;

    @Option(names = "--drafts", description = "Include draft articles.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated in the future.")
    boolean future;

    @Option(names = "--as-of", paramLabel = "TIME", converter = AsOf.Converter.class,
            description = "Preview the site as it is at this time (default: now, or GAZETTE_AS_OF). " + AsOf.FORM + ".")
    java.time.Instant asOf;

    @Option(names = "--timings", description = "Also print how long each stage of every rebuild took.")
    boolean timings;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, defaultValue = ".", description = "Project folder with site.yml and content/ (default: current folder).")
    Path projectDir;

    private final PreviewPipeline.Factory pipelines;

    public ServeCommand() {
        this(ServeCommand::sitePipeline);
    }

    public ServeCommand(PreviewPipeline.Factory pipelines) {
        this.pipelines = pipelines;
    }

    /** The real pipeline: the site built for the preview's own URL, search from the cache's Lucene index. */
    public static PreviewPipeline sitePipeline(PreviewOptions options, java.net.URI url) {
        Path project = options.projectDir().toAbsolutePath().normalize();
        BuildOverrides overrides = new BuildOverrides(url.toString(), null, options.drafts() ? Boolean.TRUE : null,
                options.future() ? Boolean.TRUE : null);
        BuildOptions build = new BuildOptions(project, overrides, ProjectOptions.themeFallback(), options.clock());
        return new PreviewPipeline(new SiteRebuilder(build), SiteRebuilder.searchEndpoint(project));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!Files.isDirectory(projectDir)) {
            System.err.println("error: no project directory at " + projectDir);
            return 2;
        }
        Clock clock;
        try {
            clock = AsOf.clock(asOf, System::getenv);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PreviewSession session;
        try {
            PreviewPipeline.Factory factory = !timings ? pipelines : (options, url) -> {
                PreviewPipeline pipeline = pipelines.create(options, url);
                if (pipeline.rebuilder() instanceof io.gazette.serve.SiteRebuilder site) {
                    site.printTimings(out);
                }
                return pipeline;
            };
            session = PreviewSession.start(new PreviewOptions(projectDir, bind, port, drafts, future, clock), factory,
                    out);
        } catch (Exception e) {
            if (causedBy(e, BindException.class)) {
                System.err.println("gazette: error: cannot listen on " + bind + ":" + port
                        + " (in use by another program?); try --port 0 for any free port");
                return GazetteCommand.INTERNAL;
            }
            throw e;
        }
        if (open) {
            String failure = BrowserOpener.open(session.url());
            if (failure != null) {
                System.err.println("gazette: " + failure + "; open " + session.url() + " yourself");
            }
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
