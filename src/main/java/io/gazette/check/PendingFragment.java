package io.gazette.check;

/** A link to {@code page#fragment} in another page, checked once every page's ids are known. */
record PendingFragment(String sourceFile, int line, String written, String targetFile, String fragment) {
}
