package io.gazette.serve;

/** A stored content blob: its SHA-256 (hex) and its length in bytes. */
public record BlobRef(String sha256, long size) {
}
