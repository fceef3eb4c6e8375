package io.gazette.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The absolute URL a site is published at, e.g. {@code https://example.org/archive/}. It decides
 * which URLs belong to the site: same host and port (http or https alike, so a stray {@code http://}
 * link to our own pages is still checked) and a path under the base path.
 */
public final class BaseUrl {
    private final URI uri;

    private BaseUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * Parses and normalises a base URL: lower-case scheme and host, a path that ends with {@code /}
     * (GitHub's Pages URL comes without one).
     *
     * @throws IllegalArgumentException with a message fit for the user when it is not an absolute
     *     http(s) URL without query or fragment
     */
    public static BaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the base URL is empty");
        }
        URI parsed;
        try {
            parsed = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the base URL '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
            throw new IllegalArgumentException(
                    "the base URL '" + text + "' must be absolute, like https://example.org/ or https://example.org/archive/");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw new IllegalArgumentException("the base URL '" + text + "' must not have a query or a fragment");
        }
        String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        try {
            return new BaseUrl(new URI(scheme + "://" + parsed.getRawAuthority().toLowerCase(Locale.ROOT) + path));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the base URL '" + text + "' is not a URL: " + e.getReason());
        }
    }

    public URI uri() {
        return uri;
    }

    /** The decoded path prefix of every page, {@code /} or e.g. {@code /archive/}. */
    public String path() {
        return uri.getPath();
    }

    /** The absolute URL a file of the site is served at; {@code sitePath} uses {@code /} separators. */
    public URI urlOf(String sitePath) {
        try {
            // The multi-argument constructor quotes spaces and the like; toASCIIString also encodes
            // "ư"; "./" keeps a colon in the first segment from reading as a scheme.
            String path = new URI(null, null, sitePath, null).toASCIIString();
            return uri.resolve(URI.create("./" + (path.startsWith("/") ? path.substring(1) : path)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("file name cannot be part of a URL: " + sitePath, e);
        }
    }

    /** Whether {@code url} is served by the same host and port as the site (any path). */
    public boolean sameHost(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return false;
        }
        return url.getHost().equalsIgnoreCase(uri.getHost()) && explicitPort(url) == explicitPort(uri);
    }

    /**
     * The decoded path of {@code url} relative to the site root ({@code ""} for the home page), or
     * empty when the URL is not the site's: another host, or a path outside the base path.
     */
    public Optional<String> sitePath(URI url) {
        if (!sameHost(url)) {
            return Optional.empty();
        }
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        String base = path();
        if (path.equals(base.substring(0, base.length() - 1))) {
            return Optional.of("");
        }
        if (!path.startsWith(base)) {
            return Optional.empty();
        }
        return Optional.of(path.substring(base.length()));
    }

    /** The port written in the URL, or -1 when it is the default of its scheme (80, 443). */
    private static int explicitPort(URI url) {
        int port = url.getPort();
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            return -1;
        }
        return port;
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BaseUrl that && uri.equals(that.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }
}
