/**
 * An article's own files: resolving relative references, photo copies (probe, resize, cache),
 * attachments and the text of attached PDFs.
 *
 * <p>May use: files, hash, problems, text.
 */
package io.gazette.media;
