/**
 * Error reporting shared by every step: a {@link io.gazette.problems.Problem} is
 * {@code file:line: message} with a hint, {@link io.gazette.problems.Problems} collects them from any
 * thread, {@link io.gazette.problems.Quote} puts a value the user wrote into a message safely (one
 * line, no control characters, cut when long), and {@link io.gazette.problems.Limits} declares
 * every input limit in one place.
 *
 * <p>May use: no other Gazette package.
 */
package io.gazette.problems;
