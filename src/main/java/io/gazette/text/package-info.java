/**
 * Text helpers with no knowledge of sites: strict UTF-8 decoding, NFC, Vietnamese folding and
 * slugs, legacy Vietnamese encodings, HTML escaping, and the "did you mean" suggestion for keys.
 *
 * <p>May use: problems.
 */
package io.gazette.text;
