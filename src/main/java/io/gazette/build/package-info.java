/**
 * The pipeline that runs the steps for one build, in {@code SiteBuild}'s order:
 * config → content (with markdown and media) → site model → search (related articles, then the
 * Lucene and static index work beside the rest) → render → output; and keeps their state between
 * builds for incremental work ({@code BuildCache}).
 *
 * <p>May use: config, content, files, hash, json, markdown, media, output, problems, render,
 * search, site, threads.
 */
package io.gazette.build;
