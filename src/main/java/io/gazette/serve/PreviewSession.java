package io.gazette.serve;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * One running {@code gazette serve}: preview site, server, rebuild loop and watcher, started in
 * the right order (server first, to print its URL; watcher before the first build, so edits made
 * during it are not lost) and stopped in reverse by {@link #close()}, which is safe to call twice
 * (from a shutdown hook and a finally block).
 */
public final class PreviewSession implements AutoCloseable {
    public static final String CACHE_DIR = ".gazette/preview";

    private final PreviewSite site;
    private final PreviewServer server;
    private final PreviewController controller;
    private final ProjectWatcher watcher;
    private boolean closed;

    private PreviewSession(PreviewSite site, PreviewServer server, PreviewController controller,
                           ProjectWatcher watcher) {
        this.site = site;
        this.server = server;
        this.controller = controller;
        this.watcher = watcher;
    }

    public static PreviewSession start(PreviewOptions options, PreviewPipeline.Factory pipelines,
                                       PrintStream console) throws Exception {
        Path project = options.projectDir().toAbsolutePath().normalize();
        PreviewSite site = PreviewSite.onDisk(project.resolve(CACHE_DIR));
        PreviewServer server = null;
        PreviewController controller = null;
        try {
            server = PreviewServer.builder(site).bind(options.bind()).port(options.port()).build().start();
            URI url = server.url();
            console.println("Serving " + url + " (Ctrl-C to stop)");
            if (!PreviewHandler.isLocalHostName(options.bind())) {
                console.println("warning: listening on " + options.bind()
                        + ", so other machines on the network can see the preview");
            }
            PreviewPipeline pipeline = pipelines.create(options, url);
            server.search(pipeline.search());
            controller = new PreviewController(site, server.liveReload(), pipeline.rebuilder(), console).start();
            pipeline.rebuilder().followUps(controller);
            ProjectWatcher watcher = ProjectWatcher.start(project, controller);
            controller.rebuildEverything();
            return new PreviewSession(site, server, controller, watcher);
        } catch (Exception e) {
            if (controller != null) {
                controller.close();
            }
            if (server != null) {
                server.close();
            }
            site.close();
            throw e;
        }
    }

    public URI url() {
        return server.url();
    }

    public PreviewSite site() {
        return site;
    }

    public PreviewServer server() {
        return server;
    }

    public PreviewController controller() {
        return controller;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.close();
        controller.close();
        server.close();
        site.close();
    }
}
