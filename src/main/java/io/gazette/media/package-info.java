/**
 * An article's own files: resolving relative references, photo copies (probe, resize, cache),
 * attachments and the text of attached PDFs.
 */
package io.gazette.media;
