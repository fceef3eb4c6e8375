package io.gazette.serve;

/**
 * Where a {@link Rebuilder} queues work that can wait (bringing search up to date after a page
 * was published, a scheduled article coming due). The controller runs it only when no edit is
 * waiting and the editor has paused: a follow-up never stands between a save and its page.
 */
@FunctionalInterface
public interface FollowUpQueue {
    void later(ChangeSet changes);
}
