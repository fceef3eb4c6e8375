package io.gazette.markdown;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Flexmark on threads with a large stack. Its parser and renderer recurse: nested elements
 * one frame each, and the regular expressions of thematic breaks and emphasis one frame per
 * character of a run, so a 2,000-character line of {@code *} overflowed a default 1 MB stack.
 * With 128 MB, every input within {@link io.gazette.problems.Limits} fits (the stack is only
 * reserved address space until used). One thread per core, as many as the build runs at once.
 */
final class DeepStack {
    static final long STACK_BYTES = 128L * 1024 * 1024;
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
                Thread thread = new Thread(null, task, "gazette-markdown-" + COUNT.incrementAndGet(), STACK_BYTES);
                thread.setDaemon(true);
                return thread;
            });

    private DeepStack() {
    }

    /** {@code work} on a large-stack thread; a stack overflow there becomes {@link MarkdownTooDeep}. */
    static <T> T call(Callable<T> work) {
        Future<T> result = THREADS.submit(() -> {
            try {
                return work.call();
            } catch (StackOverflowError e) {
                throw new MarkdownTooDeep("Markdown too deeply nested to render", 1);
            }
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    // The work cannot be stopped halfway; finish it, then keep the interruption.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
