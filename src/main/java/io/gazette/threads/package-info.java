/**
 * Work on a thread of its own beside the caller's, and the waiting for it that gives back the
 * work's own exception ({@link io.gazette.threads.BackgroundWork}); work cut in parts run on every
 * core, each thread taking the next part ({@link io.gazette.threads.EachPart}); a failure thrown
 * again as it was thrown ({@link io.gazette.threads.Rethrow}): one way for the
 * build and the search to start, share out and fail such work alike.
 *
 * <p>May use: no other Gazette package.
 */
package io.gazette.threads;
