/**
 * The Pebble theme: templates, language strings, date formats, and the list of pages to render
 * with the data each one shows.
 *
 * <p>May use: config, content, json, markdown, media, problems, site, text.
 */
package io.gazette.render;
