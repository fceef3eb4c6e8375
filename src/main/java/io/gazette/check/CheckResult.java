package io.gazette.check;

import io.gazette.problems.Problem;
import java.util.List;

/**
 * What a check found, problems sorted by file and line (files relative to the site root), and
 * how much it looked at, so that "0 problems" can be told apart from "checked nothing".
 */
public record CheckResult(List<Problem> problems, int pages, int feeds, int sitemaps, int stylesheets, long links) {

    public CheckResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** {@code checked 12 pages, 2 feeds, 1 sitemap, 1 stylesheet and 340 links}. */
    public String describeScope() {
        return "checked " + count(pages, "page") + ", " + count(feeds, "feed") + ", " + count(sitemaps, "sitemap")
                + ", " + count(stylesheets, "stylesheet") + " and " + count(links, "link");
    }

    static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
