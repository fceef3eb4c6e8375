/**
 * Lucene search: Vietnamese analysis, the index of record, ranking and snippets, related
 * articles, and the static index the search page queries in the browser.
 *
 * <p>May use: files, hash, json, text, threads.
 */
package io.gazette.search;
