package io.gazette.serve;

import java.nio.file.Path;

/** What {@code gazette serve} was asked for. */
public record PreviewOptions(Path projectDir, String bind, int port, boolean drafts, boolean future) {
}
