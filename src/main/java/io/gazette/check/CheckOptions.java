package io.gazette.check;

import java.time.Duration;

/**
 * How thoroughly to check: {@code external} also asks other sites whether linked pages exist
 * (slow, needs the network, off by default), each request bounded by {@code externalTimeout}.
 */
public record CheckOptions(boolean external, Duration externalTimeout) {
    public static final Duration DEFAULT_EXTERNAL_TIMEOUT = Duration.ofSeconds(10);

    public CheckOptions {
        if (externalTimeout == null || externalTimeout.isNegative() || externalTimeout.isZero()) {
            throw new IllegalArgumentException("the external link timeout must be positive");
        }
    }

    public static CheckOptions defaults() {
        return new CheckOptions(false, DEFAULT_EXTERNAL_TIMEOUT);
    }
}
