package io.gazette.check;

import java.net.URI;
import java.util.Set;

/**
 * The document links are read from: its report, the URL relative links resolve against, its own
 * ids (for {@code #fragment} links within it; empty for non-HTML) and whether it is served at
 * arbitrary URLs (the 404 page), where relative links break.
 */
record Source(FileReport report, URI url, Set<String> ids, boolean servedAtAnyUrl) {
}
