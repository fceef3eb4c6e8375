package io.gazette.serve;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What {@code gazette serve} was asked for.
 *
 * @param clock "now" for the preview: the system clock, or a fixed time ({@code --as-of}) to see
 *              the site as it will be published then
 */
public record PreviewOptions(Path projectDir, String bind, int port, boolean drafts, boolean future, Clock clock) {
    public PreviewOptions(Path projectDir, String bind, int port, boolean drafts, boolean future) {
        this(projectDir, bind, port, drafts, future, Clock.systemUTC());
    }
}
