/**
 * Writing the site: the staging folder and its atomic swap into place, feeds, sitemaps,
 * alias pages and static files.
 *
 * <p>May use: media, problems, render, site, text.
 */
package io.gazette.output;
