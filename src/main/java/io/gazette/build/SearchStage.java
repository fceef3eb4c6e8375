package io.gazette.build;

import io.gazette.search.RelatedKeeper;
import io.gazette.search.SearchDocument;
import io.gazette.search.SearchIndexer;
import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.site.Term;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The site as search sees it: one document an article, made when the index asks for it. */
final class SearchStage {

    private SearchStage() {
    }

    /** The search document of one article; its text is read now (never all texts at once). */
    static SearchDocument document(Article article) {
        return new SearchDocument(article.url(), article.title(), article.summary(), searchableText(article),
                article.tags().stream().map(Term::name).toList(),
                article.category() == null ? "" : article.category().name(), article.author(),
                article.date().toLocalDate(), article.source().toString().replace('\\', '/'));
    }

    /** The article's text and, after it, the text of its attached PDFs: a search finds the article. */
    static String searchableText(Article article) {
        String documents = article.media().documentText();
        return documents.isEmpty() ? article.plainText() : article.plainText() + "\n\n" + documents;
    }

    /**
     * Brings the Lucene index in the cache up to date: each article is hashed as it is read, and
     * only new or changed ones are analyzed and written; articles gone are deleted.
     */
    static void index(Path indexDir, Site site) throws IOException {
        index(indexDir, site, (io.gazette.search.IndexChanges) null);
    }

    /** Same, telling {@code changes} (when not null) what it changed. */
    static void index(Path indexDir, Site site, io.gazette.search.IndexChanges changes) throws IOException {
        SearchIndexer.sync(indexDir, site.articles().parallelStream().map(SearchStage::document), changes);
    }

    /**
     * What a sync left in the index: the articles it was given (by identity: the site model keeps
     * an unchanged article's object from one generation to the next) and the index's commit; and
     * the related articles of that commit, kept for the next search (null until computed).
     */
    record Synced(Set<Article> articles, long version, RelatedKeeper.Kept related, int documentsRead) {
        Synced withRelated(RelatedKeeper.Kept kept) {
            return new Synced(articles, version, kept, documentsRead);
        }
    }

    /**
     * Brings the index up to date after {@code last}: when the index is still the one that sync
     * left, only the articles that are not the same objects as then are analyzed and written and
     * the URLs gone since are deleted (at 100,000 articles a sync that reads and hashes every text
     * took seconds for one saved article); otherwise, or with no {@code last}, as {@link #index}.
     */
    static Synced index(Path indexDir, Site site, Synced last) throws IOException {
        return index(indexDir, site, last, null);
    }

    /** Same, telling {@code changes} (when not null) what it changed, for the static index export. */
    static Synced index(Path indexDir, Site site, Synced last, io.gazette.search.IndexChanges changes)
            throws IOException {
        return index(indexDir, site, last, changes, null);
    }

    /**
     * Same; with {@code keysSalt} (from the {@link CacheKey}: the Gazette, theme and settings the
     * site is built under), a sync without {@code last} takes the {@link SearchKeys} the last one
     * kept beside the index and reads and compares only the articles whose key moved, and a sync
     * that looked at every article keeps them for the next.
     */
    static Synced index(Path indexDir, Site site, Synced last, io.gazette.search.IndexChanges changes, Long keysSalt)
            throws IOException {
        return index(indexDir, site, last, changes, keysSalt, Runnable::run);
    }

    /**
     * Same, with the keys for the next build written by {@code keysWriter} (at 10,000 articles ~30 ms
     * of the main thread, sorted and encoded after a one-article edit): {@link SearchWork} hands them to a
     * thread of its own and waits for it before the build ends. Keys half written are none (the file is
     * replaced whole): the next build then compares every article.
     */
    static Synced index(Path indexDir, Site site, Synced last, io.gazette.search.IndexChanges changes, Long keysSalt,
            java.util.concurrent.Executor keysWriter) throws IOException {
        return index(indexDir, site, last, changes, keysSalt, keysWriter, null, null);
    }

    /**
     * Same, the old versions of the documents it replaces read from the commit {@code keeper} holds
     * open when that is the index's last commit (null: opened for the sync, see {@link RelatedKeeper#commitOpen}),
     * and {@code keysRead} the keys kept beside the index, read already (whatever their salt; null: read here).
     */
    static Synced index(Path indexDir, Site site, Synced last, io.gazette.search.IndexChanges changes, Long keysSalt,
            java.util.concurrent.Executor keysWriter, RelatedKeeper keeper, SearchKeys keysRead) throws IOException {
        Set<Article> now = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(site.articles().size() * 2));
        now.addAll(site.articles());
        long version = SearchIndexer.commitVersion(indexDir);
        if (last != null && last.version() >= 0 && last.version() == version) {
            List<Article> changed = site.articles().stream().filter(a -> !last.articles().contains(a)).toList();
            Set<String> written = new HashSet<>();
            changed.forEach(a -> written.add(a.url()));
            List<String> gone = last.articles().stream()
                    .filter(a -> !now.contains(a) && !written.contains(a.url()))
                    .map(Article::url).sorted().toList();
            SearchIndexer.apply(indexDir, changed.parallelStream().map(SearchStage::document), gone, changes,
                    keeper == null ? null : keeper.commitOpen(version));
            return new Synced(now, SearchIndexer.commitVersion(indexDir), null, changed.size());
        }
        Path keysFile = indexDir.resolveSibling(SearchKeys.FILE_NAME);
        SearchKeys kept = keysSalt == null || version < 0 ? null
                : keysRead != null ? keysRead.under(keysSalt) : SearchKeys.read(keysFile, keysSalt);
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<Article, SearchDocument> reading = article -> {
            read.incrementAndGet();
            return document(article);
        };
        // Whether the keys kept name exactly the articles, each with its key now: then they are not written again.
        boolean keysStand = false;
        if (kept != null && kept.version() == version) {
            KeyComparison compared = new KeyComparison(kept, site.articles().size());
            for (Article article : site.articles()) {
                compared.add(article);
            }
            keysStand = compared.keysStand();
            SearchIndexer.update(indexDir, compared.changed.parallelStream().map(reading), compared.gone(), changes,
                    keeper == null ? null : keeper.commitOpen(version));
        } else {
            SearchIndexer.sync(indexDir, site.articles().parallelStream().map(reading), changes);
        }
        long synced = SearchIndexer.commitVersion(indexDir);
        if (keysSalt != null && (kept == null || kept.version() != synced || !keysStand)) {
            SearchKeys keys = SearchKeys.of(keysSalt, synced, site.articles());
            keysWriter.execute(() -> keep(keys, keysFile));
        }
        return new Synced(now, synced, null, read.get());
    }

    /**
     * The articles compared with the keys the last sync kept, one at a time: those whose document the
     * index may not hold as it is, and the urls kept that no article has now. One method a call, not
     * one loop: the loop runs once a process, in the interpreter, and this is compiled after a few
     * hundred articles (three passes over 10,000 articles took 30-60 ms of an added article's build).
     * One look-up of the kept key an article answers all three questions: whether it must be read,
     * whether its url is kept, and whether the keys stay exactly as they are (no second pass over the
     * archive to know that the keys need not be written again: 100,000 look-ups and keys made again).
     */
    private static final class KeyComparison {
        private final SearchKeys kept;
        private final Set<String> urls;
        final List<Article> changed = new java.util.ArrayList<>();
        /** How many of the articles have a url the keys name: all of them, and nothing is gone. */
        private int named;
        /** How many of the articles have exactly the key kept at their url ({@link SearchKeys#NONE} too). */
        private int same;

        KeyComparison(SearchKeys kept, int articles) {
            this.kept = kept;
            this.urls = new HashSet<>(articles * 2);
        }

        void add(Article article) {
            String url = article.url();
            if (!urls.add(url)) {
                throw new IllegalArgumentException("two search documents have the url " + url);
            }
            SearchKeys.Key key = SearchKeys.of(article);
            SearchKeys.Key keptKey = kept.keys().get(url);
            if (keptKey != null) {
                named++;
            }
            boolean equal = key.equals(keptKey);
            if (equal) {
                same++;
            }
            if (key == SearchKeys.NONE || !equal) {
                changed.add(article); // an article without a key (NONE) is always compared
            }
        }

        /** The urls the keys name that no article has now, sorted. */
        List<String> gone() {
            if (named == kept.keys().size()) {
                return List.of();
            }
            return kept.keys().keySet().stream().filter(url -> !urls.contains(url)).sorted().toList();
        }

        /** Whether the keys name exactly the articles compared, each with its key now. */
        boolean keysStand() {
            return same == urls.size() && same == kept.keys().size();
        }
    }

    /** Keeps the keys for the next build; keys that cannot be kept cost that build time, never correctness. */
    private static void keep(SearchKeys keys, Path file) {
        try {
            keys.write(file);
        } catch (IOException e) {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Keys of another commit are not used: the next build compares every article.
            }
        }
    }
}
