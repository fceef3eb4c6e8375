package io.gazette.site;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What changed since the last build of a session (one build for {@code gazette build}, every
 * rebuild of the preview), which every stage asks instead of keeping its own count of builds:
 * whether a stage may start from what it remembers of the last build or must look at everything,
 * which content files changed, which articles left and joined the model, and which articles'
 * related lists changed. {@code build.SiteBuild} starts each build and says how it ended; the
 * {@link SiteAssembler} records the articles' changes, and the related links theirs.
 *
 * <p>What a stage remembers from one build to the next (a planned list page, a feed, an output
 * path, a file's fingerprint, what was worked out from an input) is a {@link Kept}: marked by
 * each build that uses it, so that what the last build did not use can be dropped or released.
 * One build at a time: not thread-safe (a mark may be read on another thread of the same build).
 */
public final class SinceLastBuild {
    /** Something a stage keeps between builds; it knows the last build that used it. */
    public abstract static class Kept {
        private int usedBy;
    }

    /** The number of the build under way; 0 before the first. */
    private int build;
    /** Whether the last build finished without errors: what the stages remember of it is usable. */
    private boolean lastSucceeded;
    private boolean startsFromLast;
    private Set<Path> changedFiles;
    private ArticleChanges articles = ArticleChanges.EVERYTHING;
    private boolean articlesRecorded;
    private Collection<Article> relatedChanged;

    /**
     * How the articles of this build's model differ from the last build's: the {@link Article}
     * instances that left the model and those that joined it (an edited article is both).
     * {@code everything} means "do not rely on the difference": the first build, or one after URL
     * conflicts.
     */
    public record ArticleChanges(boolean everything, Set<Article> removed, List<Article> added) {
        public static final ArticleChanges EVERYTHING = new ArticleChanges(true, Set.of(), List.of());
    }

    /**
     * Starts the next build.
     *
     * @param changedFiles the project files known to have changed since the last build, or null
     *                     when they are not known (every file is read again)
     */
    public void start(Set<Path> changedFiles) {
        build++;
        // A build that ended without saying how (it threw) counts as failed.
        startsFromLast = lastSucceeded;
        lastSucceeded = false;
        this.changedFiles = changedFiles;
        articles = ArticleChanges.EVERYTHING;
        articlesRecorded = false;
        relatedChanged = null;
    }

    /** Says how the build ended: only after a build without errors may the next start from it. */
    public void finish(boolean succeeded) {
        lastSucceeded = succeeded;
    }

    /** The project files known to have changed since the last build, or null when not known. */
    public Set<Path> changedFiles() {
        return changedFiles;
    }

    /** Recorded by the {@link SiteAssembler}, once per build. */
    void recordArticles(ArticleChanges changes) {
        if (articlesRecorded) {
            throw new IllegalStateException("the site was assembled twice in build " + build
                    + ": start a build (SinceLastBuild.start) before each assembly");
        }
        articlesRecorded = true;
        articles = changes;
    }

    /** How the model's articles differ from the last build's (everything before the model is assembled). */
    public ArticleChanges articles() {
        return articles;
    }

    /** Records the articles whose related list was made anew in this build; null when all were. */
    public void recordRelatedChanged(Collection<Article> changed) {
        relatedChanged = changed;
    }

    /**
     * The articles whose related list this build made anew (the lists of the others are the same
     * objects as last time), or null when any may have changed.
     */
    public Collection<Article> relatedChanged() {
        return relatedChanged;
    }

    /**
     * Whether the stages must look at everything and forget what they remember: there was no
     * build before, the last one failed, the changed files are not known, or the model could not
     * say which articles changed.
     */
    public boolean everything() {
        return !startsFromLast || changedFiles == null || articles.everything();
    }

    /** Marks {@code kept} as used by this build; false when this build had marked it already. */
    public boolean markUsed(Kept kept) {
        if (kept.usedBy == build) {
            return false;
        }
        kept.usedBy = build;
        return true;
    }

    /** Whether this build marked {@code kept}. */
    public boolean usedNow(Kept kept) {
        return kept.usedBy == build;
    }

    /** Removes the entries this build did not use, telling {@code dropped} about each. */
    public <K, V extends Kept> void dropUnused(Map<K, V> kept, BiConsumer<K, V> dropped) {
        kept.entrySet().removeIf(entry -> {
            if (usedNow(entry.getValue())) {
                return false;
            }
            dropped.accept(entry.getKey(), entry.getValue());
            return true;
        });
    }
}
