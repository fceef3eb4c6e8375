package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.hash.Hashes;
import io.gazette.render.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a saved build state is valid for: the Gazette that made it, the theme's files and the
 * site's settings. The files a build keeps (page fingerprints, rendered pages, rendered bodies)
 * are reused only under the same key; under any other, the build starts afresh and
 * {@link #differenceFrom} says why in one line.
 *
 * @param gazette  the version, the commit and the jar's size and time: a development build
 *                 changes with every package, so a cache never outlives the code that made it
 * @param theme    SHA-256 of every file of the theme folder (templates, strings, static files)
 * @param settings SHA-256 of the settings (site.yml with the command line's and the environment's
 *                 overrides), the output folder left out: where the site goes does not change it
 */
record CacheKey(String gazette, String theme, String settings) {

    static CacheKey of(Theme theme, SiteConfig config) throws IOException {
        return new CacheKey(gazetteVersion(), themeHash(theme.dir()), Hashes.sha256Hex(
                config.withOutputDir(null).toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** One line: why a state saved under {@code saved} cannot serve a build under this key; null when it can. */
    String differenceFrom(CacheKey saved) {
        if (!gazette.equals(saved.gazette)) {
            return "the build cache was made by another Gazette (" + saved.gazette + "; this is " + gazette + ")";
        }
        if (!theme.equals(saved.theme)) {
            return "the theme changed since the last build";
        }
        if (!settings.equals(saved.settings)) {
            return "site.yml or the build's options changed since the last build";
        }
        return null;
    }

    /** The version and commit this Gazette was built from, and the size and time of its jar. */
    static String gazetteVersion() {
        String version = SiteBuild.class.getPackage().getImplementationVersion();
        StringBuilder text = new StringBuilder(version == null ? "development" : version);
        try (InputStream in = SiteBuild.class.getResourceAsStream("/gazette/git.properties")) {
            if (in != null) {
                Properties git = new Properties();
                git.load(in);
                text.append(' ').append(git.getProperty("git.commit.id.describe", "").strip());
            }
        } catch (IOException e) {
            // no commit: the jar's size and time still tell builds apart
        }
        try {
            CodeSource source = SiteBuild.class.getProtectionDomain().getCodeSource();
            Path code = source == null ? null : Path.of(source.getLocation().toURI());
            if (code != null && Files.isRegularFile(code)) {
                text.append(" jar ").append(Files.size(code)).append('@')
                        .append(Files.getLastModifiedTime(code).toMillis());
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // an unusual class loader: the version and commit must do
        }
        return text.toString().strip();
    }

    private static String themeHash(Path dir) throws IOException {
        MessageDigest sha = Hashes.sha256();
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                byte[] name = dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8);
                byte[] content = Files.readAllBytes(file);
                sha.update(name);
                sha.update((byte) 0);
                sha.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content);
            }
        }
        return Hashes.hex(sha.digest());
    }
}
