package io.gazette.build;

import io.gazette.config.BuildOverrides;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run a build.
 *
 * @param themeFallbackDir themes shipped with Gazette, used when the project has none of its own
 * @param clock            decides which articles are "in the future"; fixed in tests
 */
public record BuildOptions(Path projectDir, BuildOverrides overrides, Path themeFallbackDir, Clock clock) {
}
