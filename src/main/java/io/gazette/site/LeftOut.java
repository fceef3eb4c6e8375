package io.gazette.site;

/**
 * How many articles a build left out of the site, and why: the build summary prints them so that
 * an editor sees at once that tomorrow's article is waiting rather than lost.
 *
 * @param scheduled dated after the build's time ("as of"); they appear by themselves when due
 * @param expired   past their {@code expiryDate}
 */
public record LeftOut(int drafts, int scheduled, int expired) {
    /** Why one article was left out. */
    public enum Reason {
        DRAFT, SCHEDULED, EXPIRED
    }
}
