/**
 * The site model: articles assembled from rendered sources, with tags, categories, the archive,
 * pagination and every URL, built and kept up to date between builds; and {@link
 * io.gazette.site.SinceLastBuild}, what changed since the last build, which every stage asks.
 *
 * <p>May use: config, content, markdown, media, problems, text.
 */
package io.gazette.site;
