/**
 * Markdown to HTML with Flexmark and Gazette's extensions (ASCII heading ids, figures,
 * base-path links, embeds, sanitized raw HTML), plus the plain text of a body and the input limits
 * that keep rendering linear.
 *
 * <p>May use: media, problems, text.
 */
package io.gazette.markdown;
