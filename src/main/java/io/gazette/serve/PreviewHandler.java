package io.gazette.serve;

import io.gazette.json.Json;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The preview's one Jetty handler: routes to live reload, search, or the site's files. */
final class PreviewHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewHandler.class);
    private static final int MAX_QUERY_CHARS = 500;

    private final SiteResponder files;
    private final LiveReload liveReload;
    private volatile SearchEndpoint search;
    private final boolean loopbackOnly;
    private final byte[] script = LiveReload.script().getBytes(StandardCharsets.UTF_8);

    PreviewHandler(PreviewSite site, LiveReload liveReload, SearchEndpoint search, boolean loopbackOnly) {
        this.files = new SiteResponder(site);
        this.liveReload = liveReload;
        this.search = search;
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (loopbackOnly && !isLocalHostName(Request.getServerName(request))) {
            // A page on another site could point its own name at 127.0.0.1 (DNS rebinding) and
            // read the preview; a local server only answers to local names.
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "unexpected Host");
            return true;
        }
        String path = Request.getPathInContext(request);
        if (!SitePaths.isSafeRequestPath(path)) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
            return true;
        }
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (path.equals(LiveReload.EVENTS_PATH)) {
            return liveReload.handleEvents(request, response, callback);
        }
        if (path.equals(LiveReload.SCRIPT_PATH)) {
            sendText(request, response, callback, HttpStatus.OK_200, "text/javascript; charset=utf-8", script);
            return true;
        }
        if (path.startsWith("/_gazette/")) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        SearchEndpoint searchNow = search;
        if (searchNow != null && path.equals(SearchEndpoint.PATH)) {
            search(searchNow, request, response, callback);
            return true;
        }
        files.respond(request, response, callback, path);
        return true;
    }

    void setSearch(SearchEndpoint search) {
        this.search = search;
    }

    private static void search(SearchEndpoint search, Request request, Response response, Callback callback) {
        String query = Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("q");
        if (query == null) {
            query = "";
        }
        if (query.length() > MAX_QUERY_CHARS) {
            sendJson(request, response, callback, HttpStatus.BAD_REQUEST_400, "{\"error\":\"query too long\"}");
            return;
        }
        String json;
        try {
            json = search.searchJson(query);
        } catch (Exception e) {
            LOG.warn("search for {} failed", Json.quote(query), e);
            sendJson(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "{\"error\":\"search failed\"}");
            return;
        }
        sendJson(request, response, callback, HttpStatus.OK_200, json);
    }

    private static void sendJson(Request request, Response response, Callback callback, int status, String json) {
        sendText(request, response, callback, status, "application/json; charset=utf-8",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendText(Request request, Response response, Callback callback, int status,
                                 String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }

    static boolean isLocalHostName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|[0-9a-f:]+")) {
            return false; // a DNS name: never resolved here, so never rebound
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
