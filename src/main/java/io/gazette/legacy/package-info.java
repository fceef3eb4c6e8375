/**
 * Importing the old website's pages ({@code gazette import}): text exports and saved HTML
 * turned into Markdown articles with suggested tags.
 */
package io.gazette.legacy;
