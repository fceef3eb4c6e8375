package io.gazette.check;

import io.gazette.check.Link.Usage;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Judges one URL found in the site: internal URLs must name a file of the site, URLs on the site's
 * host must stay under its base path, feeds and sitemaps need absolute URLs, and nothing may point
 * at a development server. External URLs are only collected, for {@code --external}.
 */
final class LinkChecker {
    private static final Set<String> DEV_HOSTS = Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1");
    static final String MISSING_PAGE_HINT = "check the spelling; a page that is a draft or dated in the future is not built";
    static final String MISSING_FILE_HINT = "check the file name (web servers are case-sensitive) and that the file is part of the site";

    private final CheckContext context;

    LinkChecker(CheckContext context) {
        this.context = context;
    }

    void check(Source source, Link link) {
        context.linksChecked.increment();
        FileReport report = source.report();
        String written = UrlText.stripAsciiWhitespace(link.written());
        if (written.isEmpty()) {
            if (link.usage() != Usage.NAVIGATION) {
                report.error(link.line(), "empty URL in " + link.what(), "remove the attribute or give it a URL");
            }
            return;
        }
        String scheme = UrlText.scheme(written);
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            return; // mailto:, tel:, data:, javascript: ... nothing a static host serves
        }
        UrlText.Parsed parsed = UrlText.parse(written);
        if (parsed.uri() == null) {
            report.error(link.line(), "malformed URL in " + link.what() + ": \"" + written + "\" (" + parsed.error() + ")",
                    "percent-encode special characters");
            return;
        }
        if (parsed.hadSpaces()) {
            report.warning(link.line(), link.what() + " URL contains whitespace: \"" + written + "\"",
                    "encode spaces as %20, or better, rename the file without spaces");
        }
        if (parsed.hadBackslashes()) {
            report.warning(link.line(), link.what() + " URL contains a backslash: \"" + written + "\"",
                    "use / to separate the parts of a URL");
        }
        URI uri = parsed.uri();
        boolean absolute = uri.getScheme() != null && uri.getHost() != null;
        if (!absolute && !checkRelativeAllowed(source, link, written, uri)) {
            return;
        }
        boolean sameDocument = uri.getScheme() == null && uri.getRawAuthority() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        if (sameDocument) {
            checkOwnFragment(source, link, written, uri.getFragment());
            return;
        }
        URI resolved = source.url().resolve(uri).normalize();
        if (climbsAboveRoot(resolved)) {
            report.warning(link.line(), link.what() + " \"" + written + "\" climbs above the root of the host",
                    "browsers ignore the extra ../, other tools may not; remove it");
            resolved = clampToRoot(resolved);
        }
        Optional<String> sitePath = context.base.sitePath(resolved);
        if (sitePath.isPresent()) {
            checkInternal(source, link, written, resolved, sitePath.get());
        } else if (context.base.sameHost(resolved)) {
            report.error(link.line(), link.what() + " \"" + written + "\" points outside the site: "
                            + resolved.getRawPath() + " is not under the base path " + context.base.path(),
                    "the site is published at " + context.base + "; write links relative to the page, or start them with "
                            + context.base.path());
        } else if (isDevelopmentHost(resolved.getHost())) {
            report.error(link.line(), link.what() + " \"" + written + "\" points at a development server",
                    "the site was built with a local base URL; build with --base-url (or GAZETTE_BASE_URL) set to the published URL");
        } else if (link.usage() == Usage.SITEMAP) {
            report.error(link.line(), "sitemap URL \"" + written + "\" is not under the site's base URL " + context.base,
                    "search engines ignore sitemap entries outside the sitemap's own site");
        } else if (context.collectExternal) {
            URI withoutFragment = stripFragment(resolved);
            context.externalLinks.computeIfAbsent(withoutFragment, u -> new ConcurrentLinkedQueue<>())
                    .add(new ExternalLinkChecker.Location(report.sitePath(), link.line(), link.what()));
        }
    }

    /** Reports relative URLs where they cannot work; returns whether to go on checking the target. */
    private boolean checkRelativeAllowed(Source source, Link link, String written, URI uri) {
        FileReport report = source.report();
        switch (link.usage()) {
            case ABSOLUTE, SITEMAP -> {
                report.error(link.line(), link.what() + " must be an absolute URL, not \"" + written + "\"",
                        "feed readers, crawlers and social sites do not resolve relative URLs; build the URL from the base URL");
                return false;
            }
            case FEED_CONTENT -> {
                if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawAuthority() != null) {
                    report.warning(link.line(), "relative URL in feed content: \"" + written + "\"",
                            "many feed readers show relative links and images broken; make them absolute");
                }
                return false;
            }
            default -> {
                boolean rootRelative = written.startsWith("/") || written.startsWith("#") || written.startsWith("?");
                if (source.servedAtAnyUrl() && !rootRelative) {
                    report.error(link.line(), link.what() + " \"" + written + "\" is relative, but this page is served for every missing URL",
                            "in the 404 page start URLs with the base path " + context.base.path() + " so they work at any depth");
                }
                return true;
            }
        }
    }

    private void checkInternal(Source source, Link link, String written, URI resolved, String sitePath) {
        FileReport report = source.report();
        if ("https".equals(context.base.uri().getScheme()) && "http".equalsIgnoreCase(resolved.getScheme())) {
            report.warning(link.line(), link.what() + " \"" + written + "\" uses http:// for this https site",
                    "use a relative URL or https://");
        }
        SiteFiles.Target target = context.files.lookUp(sitePath);
        switch (target.kind()) {
            case MISSING -> report.error(link.line(),
                    link.what() + " \"" + written + "\" points to a missing file: " + target.file(),
                    link.usage() == Usage.RESOURCE ? MISSING_FILE_HINT : MISSING_PAGE_HINT);
            case DIRECTORY_WITHOUT_SLASH -> report.warning(link.line(),
                    link.what() + " \"" + written + "\" names a directory without the trailing slash",
                    "add a slash at the end; without it every visit costs a redirect, and some hosts answer 404");
            case FOUND -> {
                String fragment = resolved.getFragment();
                if (link.usage() == Usage.NAVIGATION && fragment != null && isHtml(target.file())) {
                    if (target.file().equals(report.sitePath())) {
                        checkOwnFragment(source, link, written, fragment);
                    } else if (!isTopOfPage(fragment)) {
                        context.pendingFragments.add(new PendingFragment(report.sitePath(), link.line(), written, target.file(), fragment));
                    }
                }
            }
            default -> throw new IllegalStateException(target.kind().toString());
        }
    }

    private static void checkOwnFragment(Source source, Link link, String written, String fragment) {
        if (link.usage() != Usage.NAVIGATION || fragment == null || isTopOfPage(fragment) || source.ids().contains(fragment)) {
            return;
        }
        source.report().warning(link.line(), link.what() + " \"" + written + "\": no element with id \"" + fragment + "\" in this page",
                "the link scrolls nowhere; fix the id or the link");
    }

    /** Browsers scroll to the top for an empty fragment and for {@code #top} without such an id. */
    static boolean isTopOfPage(String fragment) {
        return fragment.isEmpty() || fragment.equalsIgnoreCase("top");
    }

    static boolean isHtml(String sitePath) {
        String lower = sitePath.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    static boolean isDevelopmentHost(String host) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return DEV_HOSTS.contains(lower) || lower.endsWith(".localhost") || lower.startsWith("127.");
    }

    private static boolean climbsAboveRoot(URI url) {
        String path = url.getRawPath();
        return path != null && (path.equals("/..") || path.startsWith("/../"));
    }

    /** What browsers do (RFC 3986 remove_dot_segments): {@code /../a} is {@code /a}. */
    private static URI clampToRoot(URI url) {
        String path = url.getRawPath();
        while (path.equals("/..") || path.startsWith("/../")) {
            path = path.length() == 3 ? "/" : path.substring(3);
        }
        String text = url.toString();
        int pathStart = url.getScheme().length() + "://".length() + url.getRawAuthority().length();
        return URI.create(text.substring(0, pathStart) + path + text.substring(pathStart + url.getRawPath().length()));
    }

    private static URI stripFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }
}
