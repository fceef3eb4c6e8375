/**
 * Writing the site: the staging folder and its atomic swap into place, feeds, sitemaps,
 * alias pages and static files.
 */
package io.gazette.output;
