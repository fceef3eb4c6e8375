package io.gazette.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * One open Server-Sent Events response. Jetty allows one pending write per response, so frames
 * queue here and go out one after another; a client that stops reading (queue full) or whose
 * connection fails is dropped, and {@code onClosed} tells the hub to forget it.
 */
final class EventStream {
    private static final int MAX_QUEUED_FRAMES = 64;

    private final Response response;
    private final Callback done;
    private final Runnable onClosed;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean writing; // guarded by this
    private boolean ending; // guarded by this
    private boolean closed; // guarded by this

    EventStream(Response response, Callback done, Runnable onClosed) {
        this.response = response;
        this.done = done;
        this.onClosed = onClosed;
    }

    void send(String frame) {
        synchronized (this) {
            if (closed || ending) {
                return;
            }
            if (writing) {
                if (queue.size() >= MAX_QUEUED_FRAMES) {
                    fail(new IOException("event stream client is not reading"));
                } else {
                    queue.add(frame);
                }
                return;
            }
            writing = true;
        }
        write(frame);
    }

    /** Ends the response cleanly once the frames already queued are written. */
    void end() {
        synchronized (this) {
            if (closed || ending) {
                return;
            }
            ending = true;
            if (writing) {
                return;
            }
            writing = true;
        }
        writeLast();
    }

    void fail(Throwable cause) {
        if (markClosed()) {
            done.failed(cause);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void write(String frame) {
        ByteBuffer bytes = ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8));
        response.write(false, bytes, Callback.from(this::written, this::fail));
    }

    private void written() {
        String next;
        synchronized (this) {
            if (closed) {
                return;
            }
            next = queue.poll();
            if (next == null) {
                if (!ending) {
                    writing = false;
                    return;
                }
            }
        }
        if (next != null) {
            write(next);
        } else {
            writeLast();
        }
    }

    private void writeLast() {
        response.write(true, BufferUtil.EMPTY_BUFFER, Callback.from(() -> {
            if (markClosed()) {
                done.succeeded();
            }
        }, this::fail));
    }

    private boolean markClosed() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            queue.clear();
        }
        onClosed.run();
        return true;
    }
}
