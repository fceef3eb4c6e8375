package io.gazette.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** HTTP helpers for the preview tests: java.net.http where it will do, raw sockets where it refuses. */
final class TestHttp {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {
    }

    static HttpResponse<String> get(URI base, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(URI base, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    record RawResponse(int status, String head, String body) {
    }

    /** Sends the request target exactly as given, which HttpClient and URI would normalise or refuse. */
    static RawResponse raw(int port, String method, String target, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, body);
        }
    }

    static RawResponse raw(int port, String target) throws IOException {
        return raw(port, "GET", target, "127.0.0.1:" + port);
    }

    record Event(String name, String data) {
    }

    /**
     * A live-reload event stream over a raw HTTP/1.0 socket: no chunking to undo, and closing the
     * socket is a real client disconnect.
     */
    static final class SseClient implements AutoCloseable {
        private final Socket socket;
        private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        private final Thread reader;
        volatile int status;

        SseClient(int port, String pagePath, String shownToken) throws IOException {
            socket = new Socket("127.0.0.1", port);
            String target = LiveReload.EVENTS_PATH + "?path=" + URLEncoder.encode(pagePath, StandardCharsets.UTF_8)
                    + "&page=" + URLEncoder.encode(shownToken, StandardCharsets.UTF_8);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            reader = new Thread(this::read, "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String statusLine = in.readLine();
                status = Integer.parseInt(statusLine.substring(9, 12));
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // headers
                }
                String name = "message";
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0 || !name.equals("message")) {
                            events.add(new Event(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        events.add(new Event("comment", line.substring(1).trim()));
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
                events.add("EOF");
            } catch (IOException e) {
                events.add(e);
            }
        }

        /** The next event other than comments and {@code retry}, or null if none came in time. */
        Event next(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Object item = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (item == null || item instanceof String) {
                    return null;
                }
                if (item instanceof IOException e) {
                    throw new UncheckedIOException(e);
                }
                Event event = (Event) item;
                if (!event.name().equals("comment") && !event.name().equals("message")) {
                    return event;
                }
            }
        }

        /** The next event of any kind, comments included. */
        Object nextRaw(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
