package io.gazette.markdown;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Flexmark on threads with a large stack. Its parser and renderer recurse: nested elements
 * one frame each, and the regular expressions of thematic breaks and emphasis one frame per
 * character of a run, so a 2,000-character line of {@code *} overflowed a default 1 MB stack.
 * With 128 MB, every input within {@link io.gazette.problems.Limits} fits (the stack is only
 * reserved address space until used). One thread per core, as many as the build runs at once.
 *
 * <p>A build's content stage runs its whole per-file work here ({@link #map}): Flexmark then runs
 * on the thread that reads the file, instead of being handed to another thread and waited for,
 * 10,000 times at 10,000 articles.
 */
public final class DeepStack {
    static final long STACK_BYTES = 128L * 1024 * 1024;
    /** Marks this class's threads: work they call runs where it is. */
    private static final ThreadLocal<Boolean> DEEP = ThreadLocal.withInitial(() -> false);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final int THREAD_COUNT = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(THREAD_COUNT, task -> {
                Thread thread = new Thread(null, () -> {
                    DEEP.set(true);
                    task.run();
                }, "gazette-markdown-" + COUNT.incrementAndGet(), STACK_BYTES);
                thread.setDaemon(true);
                return thread;
            });

    private DeepStack() {
    }

    /** {@code work} on a large-stack thread; a stack overflow there becomes {@link MarkdownTooDeep}. */
    static <T> T call(Callable<T> work) {
        if (DEEP.get()) {
            try {
                return work.call();
            } catch (StackOverflowError e) {
                throw new MarkdownTooDeep("Markdown too deeply nested to render", 1);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> result = THREADS.submit(() -> {
            try {
                return work.call();
            } catch (StackOverflowError e) {
                throw new MarkdownTooDeep("Markdown too deeply nested to render", 1);
            }
        });
        return outcome(result);
    }

    /**
     * {@code work} applied to each item on every large-stack thread at once, the results in the
     * items' order. {@code work} must not throw: it is a file's whole processing, which reports
     * its own failures. Called from one of these threads, it runs there, one item after another.
     */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        @SuppressWarnings("unchecked")
        R[] results = (R[]) new Object[items.size()];
        if (DEEP.get() || items.size() < 2) {
            for (int i = 0; i < results.length; i++) {
                results[i] = work.apply(items.get(i));
            }
            return Arrays.asList(results);
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(THREAD_COUNT, items.size()); t++) {
            workers.add(THREADS.submit(() -> {
                for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                    results[i] = work.apply(items.get(i));
                }
            }));
        }
        for (Future<?> worker : workers) {
            outcome(worker);
        }
        return Arrays.asList(results);
    }

    /** Gives items one at a time, on the caller's thread, until it returns (a walk of a folder). */
    @FunctionalInterface
    public interface Source<T> {
        void giveEach(Consumer<T> take) throws IOException;
    }

    /** Ends a worker of {@link #forEachAsGiven}. */
    private static final Object END = new Object();

    /**
     * {@code work} applied on every large-stack thread at once to each item {@code source} gives,
     * as it gives them: the work starts with the first item instead of after the last. The content
     * stage lists {@code content/} with one {@code lstat} per file, and at 10,000 articles that
     * walk took as long as reading the 10,000 unchanged files after it. Returns once every item is
     * done; {@code work} must not throw (see {@link #map}). Called from one of these threads, it
     * runs there, each item as it is given. What {@code source} throws is thrown once the items it
     * gave are done.
     */
    @SuppressWarnings("unchecked")
    public static <T> void forEachAsGiven(Source<T> source, Consumer<T> work)
            throws IOException {
        if (DEEP.get()) {
            source.giveEach(work);
            return;
        }
        LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREAD_COUNT; t++) {
            workers.add(THREADS.submit(() -> {
                boolean interrupted = false;
                try {
                    while (true) {
                        Object item;
                        try {
                            item = queue.take();
                        } catch (InterruptedException e) {
                            interrupted = true; // the caller ends the queue; nothing else stops a worker
                            continue;
                        }
                        if (item == END) {
                            return;
                        }
                        work.accept((T) item);
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
        }
        try {
            source.giveEach(queue::add);
        } finally {
            for (int t = 0; t < workers.size(); t++) {
                queue.add(END);
            }
            for (Future<?> worker : workers) {
                outcome(worker);
            }
        }
    }

    /**
     * What {@code pending} gives, waited for through interruptions (the work cannot be stopped
     * halfway: it finishes, and the interruption is kept for the caller), its exception thrown as
     * it was thrown.
     */
    private static <V> V outcome(Future<V> pending) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.get();
                } catch (InterruptedException e) {
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
