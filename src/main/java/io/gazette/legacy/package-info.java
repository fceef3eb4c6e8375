/**
 * Importing the old website's pages ({@code gazette import}): text exports and saved HTML
 * turned into Markdown articles with suggested tags.
 *
 * <p>May use: text.
 */
package io.gazette.legacy;
