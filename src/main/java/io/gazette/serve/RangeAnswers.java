package io.gazette.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.ByteRange;
import org.eclipse.jetty.http.HttpDateTime;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Byte-range answers for {@link SiteResponder}: which ranges a request asks for ({@code Range},
 * {@code If-Range}, parsed by Jetty's {@link ByteRange}), and the 206 answer with one range or a
 * {@code multipart/byteranges} body, or 416 when none can be given. Only the asked bytes are read.
 */
final class RangeAnswers {
    /** Several ranges are assembled in memory; asking for more than this gets the whole file. */
    private static final long MAX_MULTIPART_BYTES = 8 << 20;

    private RangeAnswers() {
    }

    /**
     * The ranges to answer with, or null to answer with the whole file: no {@code Range}, or an
     * {@code If-Range} naming another version (RFC 9110 13.1.5: then the whole new file is due),
     * or several ranges adding up to too much. An empty list: no range is satisfiable (416).
     */
    static List<ByteRange> requested(Request request, String etag, SiteEntry entry) {
        List<String> values = request.getHeaders().getValuesList(HttpHeader.RANGE);
        if (values.isEmpty()) {
            return null;
        }
        String ifRange = request.getHeaders().get(HttpHeader.IF_RANGE);
        if (ifRange != null) {
            boolean current = ifRange.startsWith("\"")
                    ? ifRange.equals(etag) // strong comparison: a weak tag never matches
                    : HttpDateTime.parseToEpoch(ifRange) / 1000 == entry.lastModifiedMillis() / 1000;
            if (!current) {
                return null;
            }
        }
        List<ByteRange> ranges = ByteRange.parse(values, entry.blob().size());
        if (ranges.size() > 1 && ranges.stream().mapToLong(ByteRange::getLength).sum() > MAX_MULTIPART_BYTES) {
            return null;
        }
        return ranges;
    }

    static void send(Request request, Response response, Callback callback, SiteSnapshot snapshot,
                                   String key, SiteEntry entry, String etag, List<ByteRange> ranges)
            throws IOException {
        long size = entry.blob().size();
        HttpFields.Mutable headers = response.getHeaders();
        if (ranges.isEmpty()) {
            SiteResponder.commonHeaders(headers);
            headers.put(HttpHeader.CONTENT_RANGE, ByteRange.toNonSatisfiableHeaderValue(size));
            Response.writeError(request, response, callback, HttpStatus.RANGE_NOT_SATISFIABLE_416);
            return;
        }
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (ranges.size() == 1) {
            ByteRange range = ranges.get(0);
            InputStream in = head ? null : slice(snapshot, key, range);
            SiteResponder.entityHeaders(headers, false, etag, entry);
            headers.put(HttpHeader.CONTENT_TYPE, ContentTypes.of(key));
            headers.put(HttpHeader.CONTENT_RANGE, range.toHeaderValue(size));
            response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
            if (head) {
                headers.put(HttpHeader.CONTENT_LENGTH, range.getLength());
                response.write(true, null, callback);
            } else {
                SiteResponder.stream(request, response, callback, in, range.getLength());
            }
            return;
        }
        // Several ranges: one multipart/byteranges body, each part with its own Content-Range.
        String boundary = MultiPart.generateBoundary(null, 24);
        // Jetty's own multipart writer; its MultiPartByteRanges parts want a file Resource, and a
        // blob may live in memory, so the parts are plain byte buffers with the byteranges headers.
        MultiPart.AbstractContentSource parts = new MultiPart.AbstractContentSource(boundary) { };
        for (ByteRange range : ranges) {
            byte[] bytes;
            try (InputStream in = slice(snapshot, key, range)) {
                bytes = in.readAllBytes();
            }
            HttpFields partHeaders = HttpFields.build()
                    .put(HttpHeader.CONTENT_TYPE, ContentTypes.of(key))
                    .put(HttpHeader.CONTENT_RANGE, range.toHeaderValue(size));
            parts.addPart(new MultiPart.ByteBufferPart(null, null, partHeaders, ByteBuffer.wrap(bytes)));
        }
        parts.close();
        SiteResponder.entityHeaders(headers, false, etag, entry);
        headers.put(HttpHeader.CONTENT_TYPE, "multipart/byteranges; boundary=" + boundary);
        if (parts.getLength() >= 0) {
            headers.put(HttpHeader.CONTENT_LENGTH, parts.getLength());
        }
        response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
        if (head) {
            response.write(true, null, callback);
        } else {
            Content.copy(parts, response, callback);
        }
    }

    /** The bytes of one range of a file: only those are read. */
    private static InputStream slice(SiteSnapshot snapshot, String key, ByteRange range) throws IOException {
        InputStream in = snapshot.open(key);
        try {
            in.skipNBytes(range.first());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new java.io.FilterInputStream(in) {
            private long left = range.getLength();

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
