package io.gazette.serve;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server of {@code gazette serve}: the current {@link PreviewSite} snapshot with pretty
 * URLs, ETags and gzip, live reload and the error overlay ({@link #liveReload()}), and optionally
 * search. Binds to 127.0.0.1:1313 unless told otherwise; port 0 picks a free port.
 */
public final class PreviewServer implements AutoCloseable {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 1313;

    private final Server server;
    private final ServerConnector connector;
    private final LiveReload liveReload;
    private final PreviewHandler handler;
    private final String bind;

    private PreviewServer(Builder builder) throws UnknownHostException {
        this.bind = builder.bind;
        boolean loopback = InetAddress.getByName(builder.bind).isLoopbackAddress();
        this.liveReload = new LiveReload(builder.site, builder.keepAliveInterval);

        QueuedThreadPool threads = new QueuedThreadPool(builder.maxThreads, 4);
        threads.setName("gazette-preview");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(0); // Ctrl-C should not wait for idle keep-alive connections

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(builder.bind);
        connector.setPort(builder.port);
        connector.setIdleTimeout(builder.keepAliveInterval.multipliedBy(3).toMillis());
        server.addConnector(connector);

        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        handler = new PreviewHandler(builder.site, liveReload, builder.search, loopback);
        server.setHandler(limiting(rangesUncompressed(compressing(handler), handler), builder.maxConcurrentRequests));
    }

    /**
     * A request for byte ranges goes straight to the handler: the ranges are of the file as it
     * is, and Jetty's compression would otherwise gzip a 206 answer's bytes.
     */
    private static Handler rangesUncompressed(CompressionHandler compressed, PreviewHandler plain) {
        return new Handler.Wrapper(compressed) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (request.getHeaders().contains(HttpHeader.RANGE)) {
                    return plain.handle(request, response, callback);
                }
                return super.handle(request, response, callback);
            }
        };
    }

    /**
     * At most {@code maxConcurrent} requests are worked on at once; the others wait, holding no
     * thread, and are resumed in arrival order. Without the limit, 200 clients kept 200 request
     * threads runnable on a 2-core machine, and the rebuild thread, one thread among them, got
     * about 1/200 of the CPU: every request succeeded, but a save took up to 34 s to show. With
     * the limit, the rebuild competes with a few request threads only. The live-reload event
     * streams stay open for hours and hold no CPU, so they are not counted.
     */
    private static Handler limiting(Handler next, int maxConcurrent) {
        QoSHandler qos = new QoSHandler(next);
        qos.setMaxRequestCount(maxConcurrent);
        qos.setMaxSuspendedRequestCount(10_000); // a local preview: queue rather than refuse
        qos.excludePath(LiveReload.EVENTS_PATH);
        return qos;
    }

    /**
     * Jetty compresses what the handler answers (gzip for text, never images or the live-reload
     * event stream, which must not be buffered); it also gives a compressed answer the ETag with
     * {@code --gzip} and strips that suffix from {@code If-None-Match}, so the handler only ever
     * deals in identity tags.
     */
    private static CompressionHandler compressing(PreviewHandler handler) {
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(256); // smaller answers gain nothing from gzip's header and dictionary
        CompressionHandler compression = new CompressionHandler(handler);
        compression.putCompression(gzip);
        compression.putConfiguration("/", CompressionConfig.builder().defaults()
                .compressExcludeMimeType("text/event-stream")
                .build());
        return compression;
    }

    public static Builder builder(PreviewSite site) {
        return new Builder(site);
    }

    /** Binds and starts serving; throws if the port is taken. */
    public PreviewServer start() throws Exception {
        server.start();
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Where to open the preview, e.g. {@code http://127.0.0.1:1313/}. */
    public URI url() {
        String host = bind;
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Sets (or, with null, removes) the search endpoint; may be called while serving. */
    public void search(SearchEndpoint search) {
        handler.setSearch(search);
    }

    public LiveReload liveReload() {
        return liveReload;
    }

    @Override
    public void close() {
        liveReload.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the preview server", e);
        }
    }

    public static final class Builder {
        private final PreviewSite site;
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private SearchEndpoint search;
        private Duration keepAliveInterval = Duration.ofSeconds(15);
        private int maxThreads = 200;
        private int maxConcurrentRequests = defaultConcurrentRequests();

        private Builder(PreviewSite site) {
            this.site = Objects.requireNonNull(site);
        }

        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address);
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Serves {@value SearchEndpoint#PATH}; without one that path is an ordinary 404. */
        public Builder search(SearchEndpoint search) {
            this.search = search;
            return this;
        }

        /** How often idle event streams get a comment so that nothing between times them out. */
        public Builder keepAliveInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("keep-alive interval must be positive");
            }
            this.keepAliveInterval = interval;
            return this;
        }

        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        /** How many requests are handled at once; more wait in a queue (see {@link #limiting}). */
        public Builder maxConcurrentRequests(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one request must be allowed at a time");
            }
            this.maxConcurrentRequests = count;
            return this;
        }

        /**
         * One per core: a request is a few hundred microseconds of CPU from memory or the page
         * cache, so more at once would not finish sooner, only take the CPU from the rebuild.
         * At least two, so that one slow client (a large file) does not hold up everyone.
         */
        static int defaultConcurrentRequests() {
            return Math.max(2, Runtime.getRuntime().availableProcessors());
        }

        public PreviewServer build() throws UnknownHostException {
            return new PreviewServer(this);
        }
    }
}
