package io.gazette.serve;

import io.gazette.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Live reload and the error overlay, over Server-Sent Events at {@value #EVENTS_PATH}.
 *
 * <p>The script injected into every HTML response connects with the path of the tab and a token
 * of what it shows ({@code key@hash}, see {@link PageResolver#identity}). After each commit the
 * hub works out, per tab, what that path shows now; only tabs whose page changed are told to
 * reload — plus every tab when a stylesheet, script, image or font changed, since any page may use
 * them. Because the token is about content, a tab that connects late, or reconnects after a
 * server restart, reloads exactly when what it shows is stale.
 *
 * <p>Events: {@code reload}; {@code problems} with {@code {"problems":[text…]}} while the last
 * rebuild failed; {@code ok} when it is fixed. Each new connection first gets the current state.
 */
public final class LiveReload implements AutoCloseable {
    public static final String EVENTS_PATH = "/_gazette/events";
    public static final String SCRIPT_PATH = "/_gazette/live.js";
    private static final int MAX_PATHS_PER_EVENT = 100;

    private final PreviewSite site;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive;
    private final java.util.function.Consumer<Commit> onCommit = this::published;
    private volatile List<String> problems = List.of();

    public LiveReload(PreviewSite site, Duration keepAliveInterval) {
        this.site = site;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gazette-live-reload-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        long millis = keepAliveInterval.toMillis();
        keepAlive.scheduleWithFixedDelay(this::sendKeepAlive, millis, millis, TimeUnit.MILLISECONDS);
        site.onCommit(onCommit);
    }

    /** Shows the overlay in every open tab (and in tabs opened later) until {@link #clearProblems()}. */
    public void showProblems(List<String> formattedProblems) {
        problems = List.copyOf(formattedProblems);
        broadcast(stateFrame());
    }

    public void clearProblems() {
        boolean wasShowing = !problems.isEmpty();
        problems = List.of();
        if (wasShowing) {
            broadcast(stateFrame());
        }
    }

    public List<String> problems() {
        return problems;
    }

    /** Open event streams; closed ones are forgotten as soon as a write to them fails. */
    public int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        site.removeCommitListener(onCommit);
        keepAlive.shutdownNow();
        for (Client client : List.copyOf(clients)) {
            client.stream.end();
        }
    }

    boolean handleEvents(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        String path = query.getValue("path");
        String shown = query.getValue("page");
        if (path == null || !SitePaths.isSafeRequestPath(path)) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "path required");
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");

        Client client = new Client(path, shown == null ? "" : shown);
        client.stream = new EventStream(response, callback, () -> clients.remove(client));
        request.addFailureListener(client.stream::fail);
        clients.add(client);
        // Registered before looking at the current snapshot: a commit racing with this either
        // sees the client or has already published the snapshot we compare against.
        client.stream.send("retry: 1000\n\n" + stateFrame());
        String now = PageResolver.identity(site.current(), path);
        if (!now.equals(client.shown)) {
            client.shown = now;
            client.stream.send(reloadFrame(List.of(path)));
        }
        return true;
    }

    private void published(Commit commit) {
        boolean assetsChanged = commit.changedPaths().stream().anyMatch(ContentTypes::isPageAsset);
        String reload = reloadFrame(commit.changedPaths());
        for (Client client : clients) {
            String now = PageResolver.identity(commit.snapshot(), client.path);
            boolean stale = !now.equals(client.shown);
            if (stale || assetsChanged) {
                client.shown = now;
                client.stream.send(reload);
            }
        }
    }

    private void sendKeepAlive() {
        broadcast(": keep-alive\n\n");
    }

    private void broadcast(String frame) {
        for (Client client : clients) {
            client.stream.send(frame);
        }
    }

    private String stateFrame() {
        List<String> now = problems;
        if (now.isEmpty()) {
            return "event: ok\ndata: {}\n\n";
        }
        return "event: problems\ndata: {\"problems\":" + Json.array(now) + "}\n\n";
    }

    private static String reloadFrame(Iterable<String> changedPaths) {
        List<String> some = new java.util.ArrayList<>();
        for (String path : changedPaths) {
            if (some.size() == MAX_PATHS_PER_EVENT) {
                break;
            }
            some.add(path);
        }
        return "event: reload\ndata: {\"paths\":" + Json.array(some) + "}\n\n";
    }

    private static final class Client {
        final String path;
        volatile String shown;
        EventStream stream;

        Client(String path, String shown) {
            this.path = path;
            this.shown = shown;
        }
    }

    static String script() {
        try (var in = LiveReload.class.getResourceAsStream("live-reload.js")) {
            if (in == null) {
                throw new IllegalStateException("live-reload.js missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
