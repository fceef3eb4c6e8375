package io.gazette.browser;

import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.config.BuildOverrides;
import io.gazette.serve.ServedPages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A project built as it is published and served under {@code /archive/} from 127.0.0.1 by the
 * preview server, which here only serves files (with Range, as every static host does): the
 * browser tests' stand-in for GitHub Pages or nginx, the site living below a subpath.
 *
 * <pre>{@code
 * try (StaticHost host = StaticHost.serve(project, temp)) {
 *     assertThat(BrowserSupport.node(90, "search.browser.mjs", host.base())).contains("all passed");
 * }
 * }</pre>
 */
final class StaticHost implements AutoCloseable {
    private final ServedPages served;

    private StaticHost(ServedPages served) {
        this.served = served;
    }

    /** Builds {@code project} into {@code temp} with the host's address as its base URL, and serves it. */
    static StaticHost serve(Path project, Path temp) throws Exception {
        StaticHost host = new StaticHost(ServedPages.start(Map.of(), server -> server));
        try {
            Path output = temp.resolve("public");
            SiteBuild.open(TestSites.options(project, new BuildOverrides(host.base(), output, null, null)))
                    .buildToDirectory();
            Path mounted = temp.resolve("root");
            Files.createDirectories(mounted);
            Files.move(output, mounted.resolve("archive"));
            host.served.site.replaceWithDirectory(mounted);
            return host;
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    /** The site's address, {@code http://127.0.0.1:<port>/archive/}. */
    String base() {
        return served.server.url() + "archive/";
    }

    @Override
    public void close() {
        served.close();
    }
}
