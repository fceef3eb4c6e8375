/**
 * The site model: articles assembled from rendered sources, with tags, categories, the archive,
 * pagination and every URL, built and kept up to date between builds.
 */
package io.gazette.site;
