/**
 * The one JSON writer (Jackson's streaming generator), with strings escaped so the output is
 * also safe inside {@code <script>}.
 *
 * <p>May use: no other Gazette package.
 */
package io.gazette.json;
