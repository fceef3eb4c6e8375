/**
 * The one JSON writer (Jackson's streaming generator), with strings escaped so the output is
 * also safe inside {@code <script>}.
 */
package io.gazette.json;
