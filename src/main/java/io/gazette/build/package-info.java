/**
 * The pipeline that runs the steps (config, content, site, render, output, search) for one
 * build, and keeps their state between builds for incremental work.
 */
package io.gazette.build;
