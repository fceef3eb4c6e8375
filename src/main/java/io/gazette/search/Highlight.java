package io.gazette.search;

/** A highlighted range {@code [start, end)} of a string, in UTF-16 offsets. */
public record Highlight(int start, int end) {
}
