package io.gazette.threads;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A step of a build run on a daemon thread of its own while the build goes on (the cache's
 * restore, the static index export, the source map, half of a renumbered export), its outcome in a future; and the waiting
 * for it, which gives back the step's own exception. One place for both, so that every such step
 * starts and fails alike.
 */
public final class BackgroundWork {
    private BackgroundWork() {
    }

    /** Starts {@code work} on a daemon thread named {@code threadName}. */
    public static <T> CompletableFuture<T> start(String threadName, Callable<T> work) {
        CompletableFuture<T> pending = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                pending.complete(work.call());
            } catch (Throwable e) {
                pending.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return pending;
    }

    /**
     * Waits for {@code pending} and returns its value, or throws what the work threw: an
     * {@link IOException} (also when wrapped in an {@link java.io.UncheckedIOException}), a runtime
     * exception or an error as they are.
     */
    public static <T> T await(CompletableFuture<T> pending) throws IOException {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw Rethrow.asThrown(e.getCause());
        }
    }
}
