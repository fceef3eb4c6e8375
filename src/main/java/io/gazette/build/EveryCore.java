package io.gazette.build;

import io.gazette.threads.EachPart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Work on every item of a list on every core (this thread and the common pool's), for the
 * build's steps that handle each file of a site: writing the planned files, restoring the kept
 * ones. Each thread takes the next item until none is left, and a failure (a full disk, a broken
 * link) is thrown only once every thread stopped ({@link EachPart} says why both matter).
 */
final class EveryCore {
    private EveryCore() {
    }

    /** One item's work; {@code index} is its place in the list. */
    interface Work<T> {
        void on(T item, int index) throws IOException;
    }

    /**
     * Runs {@code work} on every item and returns when no thread works any more.
     *
     * @return the processor time the threads spent, in nanoseconds (0 when the JVM cannot tell)
     * @throws UncheckedIOException for the first {@link IOException} (runtime exceptions and
     *         errors as they are), after every thread stopped
     */
    static <T> long each(List<T> items, Work<T> work) {
        try {
            return EachPart.run(items.size(), i -> work.on(items.get(i), i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
