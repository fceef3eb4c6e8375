package io.gazette.serve;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A preview server on a free port of 127.0.0.1 serving files held in memory, with no build
 * behind it: the fixture of the tests of the server itself (routes, headers, limits).
 *
 * <pre>{@code
 * served = ServedPages.start(Map.of("index.html", "<html>…</html>"), server -> server.maxConcurrentRequests(1));
 * TestHttp.get(served.server.url(), "/");
 * served.close();
 * }</pre>
 */
public final class ServedPages implements AutoCloseable {
    public final PreviewSite site;
    public final PreviewServer server;

    private ServedPages(PreviewSite site, PreviewServer server) {
        this.site = site;
        this.server = server;
    }

    /**
     * Serves {@code files}, site-relative path → content (a {@code String}, written as UTF-8, or a
     * {@code byte[]}); {@code options} finishes the server's setup (search, limits, intervals).
     */
    public static ServedPages start(Map<String, ?> files, UnaryOperator<PreviewServer.Builder> options) throws Exception {
        PreviewSite site = PreviewSite.inMemory();
        try {
            try (PreviewSite.Transaction tx = site.begin()) {
                for (Map.Entry<String, ?> file : files.entrySet()) {
                    Object content = file.getValue();
                    tx.write(file.getKey(), content instanceof byte[] bytes ? bytes
                            : content.toString().getBytes(StandardCharsets.UTF_8));
                }
                tx.commit();
            }
            return new ServedPages(site, options.apply(PreviewServer.builder(site).port(0)).build().start());
        } catch (Exception | Error e) {
            site.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            site.close();
        }
    }
}
