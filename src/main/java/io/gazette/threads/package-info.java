/**
 * Work on a thread of its own beside the caller's, and the waiting for it that gives back the
 * work's own exception ({@link io.gazette.threads.BackgroundWork}): one way for the build and
 * the search export to start and fail such work alike.
 *
 * <p>May use: no other Gazette package.
 */
package io.gazette.threads;
