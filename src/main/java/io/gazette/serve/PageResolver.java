package io.gazette.serve;

/**
 * Maps a decoded request path to what the snapshot holds, with pretty URLs: {@code /a/b/} is
 * {@code a/b/index.html}; {@code /a/b} redirects to {@code /a/b/} when only the directory index
 * exists; anything else missing is the site's own {@code 404.html} (or nothing).
 * Shared by the file handler and live reload, so both agree on what a tab shows.
 */
final class PageResolver {
    static final String NOT_FOUND_PAGE = "404.html";

    private PageResolver() {
    }

    sealed interface Resolution permits Found, Redirect, NotFound {
    }

    /** {@code key} exists in the snapshot; {@code status} is 200, or 404 for the site's 404 page. */
    record Found(String key, SiteEntry entry, int status) implements Resolution {
    }

    /** A directory asked for without its trailing slash. {@code location} is decoded. */
    record Redirect(String location) implements Resolution {
    }

    /** Nothing to show, not even a 404 page. */
    record NotFound() implements Resolution {
    }

    /** {@code path} must have passed {@link SitePaths#isSafeRequestPath(String)}. */
    static Resolution resolve(SiteSnapshot snapshot, String path) {
        String relative = path.substring(1);
        if (relative.isEmpty() || relative.endsWith("/")) {
            String key = relative + "index.html";
            if (snapshot.contains(key)) {
                return found(snapshot, key, 200);
            }
            return notFound(snapshot);
        }
        if (snapshot.contains(relative)) {
            return found(snapshot, relative, 200);
        }
        if (snapshot.contains(relative + "/index.html")) {
            return new Redirect(path + "/");
        }
        return notFound(snapshot);
    }

    /**
     * What a tab showing {@code path} displays, as one comparable token: the key and content
     * hash of the page served, or the redirect target. Equal tokens mean the tab is up to date.
     */
    static String identity(SiteSnapshot snapshot, String path) {
        Resolution resolution = resolve(snapshot, path);
        if (resolution instanceof Found found) {
            return identity(found);
        }
        if (resolution instanceof Redirect redirect) {
            return "->" + redirect.location();
        }
        return "";
    }

    static String identity(Found found) {
        return found.key() + "@" + found.entry().blob().sha256().substring(0, 16);
    }

    private static Resolution found(SiteSnapshot snapshot, String key, int status) {
        return new Found(key, snapshot.get(key).orElseThrow(), status);
    }

    private static Resolution notFound(SiteSnapshot snapshot) {
        if (snapshot.contains(NOT_FOUND_PAGE)) {
            return found(snapshot, NOT_FOUND_PAGE, 404);
        }
        return new NotFound();
    }
}
