package io.gazette.serve;

/**
 * The site pipeline as the preview drives it; implemented by {@link SiteRebuilder} over the build.
 *
 * <p>Called on one thread, one rebuild at a time, with every source change since the last
 * successful rebuild (changes that arrive meanwhile are merged into the next call; those of a
 * failed rebuild are handed over again). Write and delete pages in {@code site}; do not commit it —
 * the controller commits on success and aborts on failure, so a failed build never shows. When
 * {@code changes.full()} is set (the first build, or the watcher lost track), call
 * {@link PreviewSite.Transaction#clear()} first and write every page; writing unchanged pages again
 * is cheap and does not count as a change.
 */
@FunctionalInterface
public interface Rebuilder {

    /**
     * @return {@link RebuildResult#ok(java.util.List)} or {@link RebuildResult#failed(java.util.List)};
     *     throwing {@link io.gazette.problems.BuildFailedException} is the same as failing with its
     *     problems, any other exception is reported as an internal error
     */
    RebuildResult rebuild(ChangeSet changes, PreviewSite.Transaction site) throws Exception;

    /**
     * Receives the controller's queue, so that a rebuilder can ask for a follow-up rebuild of its
     * own (the pipeline renders the saved page first and brings search up to date after it). The
     * follow-up is called like any rebuild, with the changes it was queued with, once no edit is
     * waiting and none has come for a while; follow-ups queued meanwhile are merged into one.
     */
    default void followUps(FollowUpQueue queue) {
        // most rebuilders do everything in one go
    }
}
