package io.gazette.check;

import java.net.URI;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What every file check of one run shares; the collections are safe to fill from many threads. */
final class CheckContext {
    final BaseUrl base;
    final SiteFiles files;
    final boolean collectExternal;
    final Queue<PendingFragment> pendingFragments = new ConcurrentLinkedQueue<>();
    /** External URL (without fragment) to every place that links to it. */
    final Map<URI, Queue<ExternalLinkChecker.Location>> externalLinks = new ConcurrentHashMap<>();
    final LongAdder linksChecked = new LongAdder();

    CheckContext(BaseUrl base, SiteFiles files, boolean collectExternal) {
        this.base = base;
        this.files = files;
        this.collectExternal = collectExternal;
    }
}
