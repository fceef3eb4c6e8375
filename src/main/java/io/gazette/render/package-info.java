/**
 * The Pebble theme: templates, language strings, date formats, and the list of pages to render
 * with the data each one shows.
 */
package io.gazette.render;
