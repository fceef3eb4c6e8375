/**
 * Reading the content folder: finding article files, decoding them, splitting and validating
 * front matter; the result is an article's source, not yet rendered.
 *
 * <p>May use: config, problems, text.
 */
package io.gazette.content;
