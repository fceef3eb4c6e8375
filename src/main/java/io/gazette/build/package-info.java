/**
 * The pipeline that runs the steps (config, content, site, render, output, search) for one
 * build, and keeps their state between builds for incremental work.
 *
 * <p>May use: config, content, files, hash, json, markdown, media, output, problems, render,
 * search, site.
 */
package io.gazette.build;
