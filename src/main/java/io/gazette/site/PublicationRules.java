package io.gazette.site;

import io.gazette.config.SiteConfig;

/**
 * Which inputs are published at an instant: drafts only with {@code --drafts}, articles dated
 * later only with {@code --future}, expired ones never. Remembers, over one pass through the
 * inputs, when the site next changes by the clock alone (an article's date or its expiry), so
 * the preview knows when to rebuild with no file saved.
 */
final class PublicationRules {
    private final SiteConfig config;
    /** When the earliest article not yet published because of its date comes due (epoch second). */
    private long nextDue = Long.MAX_VALUE;

    PublicationRules(SiteConfig config) {
        this.config = config;
    }

    /** Starts a pass through every input: what comes due is found again. */
    void startPass() {
        nextDue = Long.MAX_VALUE;
    }

    /**
     * Whether an input is published at the given instant; records why not in
     * {@link ArticleFacts#leftOut}, and remembers when the next change comes due.
     */
    boolean isPublished(ArticleFacts d, long nowSecond, int nowNano) {
        if (!config.drafts() && d.draft) {
            d.leftOut = LeftOut.Reason.DRAFT;
            return false;
        }
        if (!config.future() && !reached(d.dateSecond, d.dateNano, nowSecond, nowNano)) {
            nextDue = Math.min(nextDue, d.dateSecond);
            d.leftOut = LeftOut.Reason.SCHEDULED;
            return false;
        }
        if (d.expirySecond != Long.MAX_VALUE) {
            if (reached(d.expirySecond, d.expiryNano, nowSecond, nowNano)) {
                d.leftOut = LeftOut.Reason.EXPIRED;
                return false;
            }
            nextDue = Math.min(nextDue, d.expirySecond);
        }
        d.leftOut = null;
        return true;
    }

    private static boolean reached(long second, int nano, long nowSecond, int nowNano) {
        return second < nowSecond || second == nowSecond && nano <= nowNano;
    }

    /** The epoch second at which the published set next changes by the clock; {@link Long#MAX_VALUE} if never. */
    long nextDue() {
        return nextDue;
    }

    /** How many of these inputs were left out, by reason. */
    static LeftOut leftOut(ArticleFacts[] inputs) {
        int drafts = 0;
        int scheduled = 0;
        int expired = 0;
        for (ArticleFacts d : inputs) {
            if (d.published || d.leftOut == null) {
                continue;
            }
            switch (d.leftOut) {
                case DRAFT -> drafts++;
                case SCHEDULED -> scheduled++;
                case EXPIRED -> expired++;
            }
        }
        return new LeftOut(drafts, scheduled, expired);
    }
}
