package io.gazette.serve;

/**
 * One file of a snapshot: its content and when that path last changed content (epoch millis; the
 * server's Last-Modified). Rewriting a page with identical bytes keeps the old time.
 */
public record SiteEntry(BlobRef blob, long lastModifiedMillis) {
}
