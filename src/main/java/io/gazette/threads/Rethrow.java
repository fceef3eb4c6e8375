package io.gazette.threads;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A failure caught on another thread, thrown again on the waiting one as it was thrown: an
 * {@link IOException} (also when a lambda wrapped it in an {@link UncheckedIOException}), a
 * runtime exception or an error as they are. One place for the rule every waiting step follows
 * ({@link BackgroundWork}, {@link EachPart}, the search index's writing threads).
 */
public final class Rethrow {
    private Rethrow() {
    }

    /**
     * Throws {@code failure} as it was thrown; returns one of no such kind in an
     * {@link IllegalStateException}, for the caller to throw ({@code throw Rethrow.asThrown(e)}:
     * the compiler then knows the caller ends there).
     */
    public static RuntimeException asThrown(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
