package io.gazette.check;

import io.gazette.check.Link.Usage;
import io.gazette.problems.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Checks a built site, a directory of static files, against the URL it will be published at.
 * Files are checked in parallel; links to {@code page#fragment} in other pages are checked once
 * every page has been read; problems come back sorted by file and line.
 *
 * <pre>{@code
 * CheckResult result = new SiteChecker(CheckOptions.defaults())
 *         .check(Path.of("public"), BaseUrl.parse("https://example.org/archive/"));
 * }</pre>
 */
public final class SiteChecker {
    private static final int EXTERNAL_CONCURRENCY = 8;

    private final CheckOptions options;

    public SiteChecker(CheckOptions options) {
        this.options = options;
    }

    public CheckResult check(Path siteDir, BaseUrl base) throws IOException {
        if (!Files.isDirectory(siteDir)) {
            throw new IOException("not a directory: " + siteDir);
        }
        SiteFiles files = SiteFiles.scan(siteDir);
        CheckContext context = new CheckContext(base, files, options.external());
        LinkChecker links = new LinkChecker(context);
        HtmlPageChecker pages = new HtmlPageChecker(context, links);
        XmlFileChecker xml = new XmlFileChecker(context, links);
        CssChecker css = new CssChecker(links);

        List<FileOutcome> outcomes;
        try {
            outcomes = files.files().parallelStream()
                    .map(sitePath -> checkFile(siteDir, sitePath, context, links, pages, xml, css))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }

        List<Problem> problems = new ArrayList<>(siteWideProblems(files));
        Map<String, Set<String>> idsByPage = new HashMap<>();
        int pageCount = 0;
        int feedCount = 0;
        int sitemapCount = 0;
        int stylesheetCount = 0;
        for (FileOutcome outcome : outcomes) {
            problems.addAll(outcome.report().problems());
            if (outcome.ids() != null) {
                idsByPage.put(outcome.report().sitePath(), outcome.ids());
                pageCount++;
            }
            switch (outcome.kind()) {
                case ATOM, RSS -> feedCount++;
                case SITEMAP, SITEMAP_INDEX -> sitemapCount++;
                default -> {
                }
            }
            if (outcome.stylesheet()) {
                stylesheetCount++;
            }
        }
        problems.addAll(fragmentProblems(context.pendingFragments, idsByPage));
        if (options.external()) {
            problems.addAll(externalProblems(context));
        }
        problems.sort(Problem.ORDER);
        return new CheckResult(problems, pageCount, feedCount, sitemapCount, stylesheetCount, context.linksChecked.sum());
    }

    /** One file's report; {@code ids} is non-null for HTML pages. */
    private record FileOutcome(FileReport report, Set<String> ids, XmlFileChecker.Kind kind, boolean stylesheet) {
    }

    private static FileOutcome checkFile(Path siteDir, String sitePath, CheckContext context, LinkChecker links,
            HtmlPageChecker pages, XmlFileChecker xml, CssChecker css) {
        String lower = sitePath.toLowerCase(Locale.ROOT);
        boolean html = LinkChecker.isHtml(lower);
        boolean isXml = lower.endsWith(".xml") || lower.endsWith(".rss") || lower.endsWith(".atom");
        boolean stylesheet = lower.endsWith(".css");
        boolean robots = sitePath.equals("robots.txt");
        if (!html && !isXml && !stylesheet && !robots) {
            if (DocumentChecker.isDocument(lower)) {
                try {
                    return new FileOutcome(DocumentChecker.check(sitePath, siteDir.resolve(sitePath)), null,
                            XmlFileChecker.Kind.OTHER, false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new FileOutcome(new FileReport(sitePath), null, XmlFileChecker.Kind.OTHER, false);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(siteDir.resolve(sitePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (html) {
            HtmlPageChecker.Result result = pages.check(sitePath, bytes);
            return new FileOutcome(result.report(), result.ids(), XmlFileChecker.Kind.OTHER, false);
        }
        if (isXml) {
            XmlFileChecker.Result result = xml.check(sitePath, bytes);
            return new FileOutcome(result.report(), null, result.kind(), false);
        }
        FileReport report = new FileReport(sitePath);
        SiteText text = SiteText.decode(bytes, report);
        Source source = new Source(report, context.base.urlOf(sitePath), Set.of(), false);
        if (stylesheet) {
            css.check(source, text.text(), 1);
        } else {
            checkRobots(source, text, links);
        }
        return new FileOutcome(report, null, XmlFileChecker.Kind.OTHER, stylesheet);
    }

    /** {@code Sitemap:} lines of robots.txt must be absolute and exist. */
    private static void checkRobots(Source source, SiteText text, LinkChecker links) {
        String[] lines = text.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.regionMatches(true, 0, "sitemap:", 0, "sitemap:".length())) {
                links.check(source, new Link(line.substring("sitemap:".length()).strip(), i + 1, Usage.ABSOLUTE, "robots.txt Sitemap"));
            }
        }
    }

    private static List<Problem> siteWideProblems(SiteFiles files) {
        List<Problem> problems = new ArrayList<>();
        if (files.files().isEmpty()) {
            problems.add(Problem.error(null, 0, "the site directory is empty", "build the site first"));
            return problems;
        }
        if (!files.isFile("index.html")) {
            problems.add(Problem.error(null, 0, "the site has no index.html: its home page would be missing",
                    "the build writes one; check that the right directory was given"));
        }
        if (!files.isFile(HtmlPageChecker.ERROR_PAGE)) {
            problems.add(Problem.warning(null, 0, "the site has no " + HtmlPageChecker.ERROR_PAGE,
                    "GitHub Pages, GitLab Pages, Netlify and the nginx setup in the README serve it for missing pages"));
        }
        return problems;
    }

    private static List<Problem> fragmentProblems(Queue<PendingFragment> pending, Map<String, Set<String>> idsByPage) {
        List<Problem> problems = new ArrayList<>();
        for (PendingFragment link : pending) {
            Set<String> ids = idsByPage.getOrDefault(link.targetFile(), Set.of());
            if (!ids.contains(link.fragment())) {
                problems.add(Problem.warning(Path.of(link.sourceFile()), link.line(),
                        "link \"" + link.written() + "\": no element with id \"" + link.fragment() + "\" in " + link.targetFile(),
                        "the page opens at the top instead of the intended section; fix the id or the link"));
            }
        }
        return problems;
    }

    private List<Problem> externalProblems(CheckContext context) throws IOException {
        Map<URI, String> failures;
        try {
            failures = new ExternalLinkChecker(options.externalTimeout(), EXTERNAL_CONCURRENCY)
                    .failures(context.externalLinks.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking external links", e);
        }
        List<Problem> problems = new ArrayList<>();
        failures.forEach((url, reason) -> {
            for (ExternalLinkChecker.Location location : context.externalLinks.get(url)) {
                problems.add(Problem.warning(Path.of(location.sitePath()), location.line(),
                        "external " + location.what() + " " + url + " failed: " + reason,
                        "the other site moved or removed the page, or is down; update or remove the link"));
            }
        });
        return problems;
    }
}
