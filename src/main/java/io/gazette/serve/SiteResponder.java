package io.gazette.serve;

import io.gazette.text.HtmlEscape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;

import org.eclipse.jetty.http.ByteRange;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.EtagUtils;
import org.eclipse.jetty.http.HttpDateTime;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * Serves files of the current snapshot. Each request takes one snapshot and answers wholly from
 * it. Requests are only ever looked up as snapshot keys, never as file names, so no request path
 * can reach a file the pipeline did not publish.
 *
 * <p>Files other than pages answer byte ranges ({@code Range}, {@code If-Range}; single ranges and
 * {@code multipart/byteranges}; {@link RangeAnswers}), so that a client can fetch parts of a
 * packed file. Pages are not ranged: the live-reload script is injected into them.
 * Ranged answers are never compressed ({@link PreviewServer} routes them past the compression).
 */
final class SiteResponder {
    /** Larger files that need no rewriting are streamed rather than loaded. */
    private static final int STREAM_ABOVE_BYTES = 1 << 20;
    private static final int ATTEMPTS = 5;

    private final PreviewSite site;

    SiteResponder(PreviewSite site) {
        this.site = site;
    }

    void respond(Request request, Response response, Callback callback, String path) throws IOException {
        for (int attempt = 1; ; attempt++) {
            SiteSnapshot snapshot = site.current();
            try {
                respond(request, response, callback, path, snapshot);
                return;
            } catch (NoSuchFileException e) {
                // Content of an old snapshot was swept while we held it: answer from the newer one.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void respond(Request request, Response response, Callback callback, String path,
                         SiteSnapshot snapshot) throws IOException {
        PageResolver.Resolution resolution = PageResolver.resolve(snapshot, path);
        if (resolution instanceof PageResolver.Redirect redirect) {
            String location = URIUtil.encodePath(redirect.location());
            String query = request.getHttpURI().getQuery();
            if (query != null) {
                location += "?" + query;
            }
            Response.sendRedirect(request, response, callback, HttpStatus.MOVED_PERMANENTLY_301, location, false);
        } else if (resolution instanceof PageResolver.Found found) {
            sendFound(request, response, callback, snapshot, found);
        } else {
            sendBuiltInNotFound(request, response, callback, path, snapshot.generation() == 0);
        }
    }

    private void sendFound(Request request, Response response, Callback callback, SiteSnapshot snapshot,
                           PageResolver.Found found) throws IOException {
        String key = found.key();
        SiteEntry entry = found.entry();
        boolean html = ContentTypes.isHtml(key);
        boolean compressible = ContentTypes.isCompressible(key);
        // Always the identity tag: Jetty's CompressionHandler (PreviewServer) adds "--gzip" to a
        // compressed answer's tag and strips it from If-None-Match before we see it.
        String etag = "\"" + entry.blob().sha256().substring(0, 32) + (html ? "-live" : "") + "\"";

        boolean ok = found.status() == HttpStatus.OK_200;
        HttpFields.Mutable headers = response.getHeaders();
        if (ok && notModified(request, etag, entry.lastModifiedMillis())) {
            entityHeaders(headers, compressible, etag, entry);
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        List<ByteRange> ranges = ok && !html ? RangeAnswers.requested(request, etag, entry) : null;
        if (ranges != null) {
            RangeAnswers.send(request, response, callback, snapshot, key, entry, etag, ranges);
            return;
        }
        // Read before touching the response: if the blob was swept, the retry starts clean.
        boolean streamed = !html && entry.blob().size() > STREAM_ABOVE_BYTES;
        InputStream largeBody = streamed ? snapshot.open(key) : null;
        byte[] body = streamed ? null : snapshot.read(key);

        if (ok) {
            entityHeaders(headers, compressible, etag, entry);
            if (!html) {
                headers.put(HttpHeader.ACCEPT_RANGES, "bytes");
            }
        } else {
            commonHeaders(headers);
        }
        headers.put(HttpHeader.CONTENT_TYPE, ContentTypes.of(key));
        response.setStatus(found.status());
        if (streamed) {
            stream(request, response, callback, largeBody, entry.blob().size());
            return;
        }
        if (html) {
            body = HtmlInjection.inject(body, PageResolver.identity(found));
        }
        send(request, response, callback, body);
    }

    static void entityHeaders(HttpFields.Mutable headers, boolean compressible, String etag, SiteEntry entry) {
        commonHeaders(headers);
        if (compressible) {
            headers.put(HttpHeader.VARY, "Accept-Encoding");
        }
        headers.put(HttpHeader.ETAG, etag);
        headers.put(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(entry.lastModifiedMillis()));
    }

    private void sendBuiltInNotFound(Request request, Response response, Callback callback, String path,
                                     boolean building) {
        String title = building ? "Building the site…" : "Not found";
        String message = building
                ? "The first build is still running; this page reloads when it is done."
                : "Nothing is published at " + HtmlEscape.escape(path) + " in this build.";
        String page = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1><p>" + message + "</p></body></html>\n";
        byte[] body = HtmlInjection.inject(page.getBytes(StandardCharsets.UTF_8), "");
        commonHeaders(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ContentTypes.of("index.html"));
        response.setStatus(building ? HttpStatus.SERVICE_UNAVAILABLE_503 : HttpStatus.NOT_FOUND_404);
        send(request, response, callback, body);
    }

    static void commonHeaders(HttpFields.Mutable headers) {
        // The preview changes under the browser: always revalidate (cheap, thanks to the ETag).
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put("X-Content-Type-Options", "nosniff");
    }

    private static void send(Request request, Response response, Callback callback, byte[] body) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    static void stream(Request request, Response response, Callback callback, InputStream in, long size)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, size);
        try (in) {
            if (HttpMethod.HEAD.is(request.getMethod())) {
                response.write(true, null, callback);
                return;
            }
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                in.transferTo(out);
            }
            callback.succeeded();
        }
    }

    /**
     * RFC 9110's conditional GET: If-None-Match by weak comparison (Jetty's {@link EtagUtils}
     * matches a tag with or without its {@code --gzip} suffix), else If-Modified-Since (any of
     * HTTP's three date forms, parsed by Jetty's {@link HttpDateTime}).
     */
    private static boolean notModified(Request request, String etag, long lastModifiedMillis) {
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (EtagUtils.isWeak(tag)) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || EtagUtils.matches(etag, tag)) {
                    return true;
                }
            }
            return false; // If-None-Match present: If-Modified-Since is ignored (RFC 9110 13.1.3)
        }
        String ifModifiedSince = request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            long since = HttpDateTime.parseToEpoch(ifModifiedSince);
            return since >= 0 && lastModifiedMillis / 1000 <= since / 1000;
        }
        return false;
    }
}
