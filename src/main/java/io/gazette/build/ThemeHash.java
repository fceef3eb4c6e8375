package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hash of everything every page depends on (templates, language files, settings): when it
 * changes, every page must be rendered again.
 */
final class ThemeHash {
    private ThemeHash() {
    }

    static long of(Theme theme, SiteConfig config) throws IOException {
        long hash = config.toString().hashCode();
        for (Path dir : List.of(theme.templates(), theme.i18n())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    hash = hash * 31 + dir.relativize(file).toString().hashCode();
                    hash = hash * 31 + java.util.Arrays.hashCode(Files.readAllBytes(file));
                }
            }
        }
        return hash;
    }

    /** Whether any template of the theme contains {@code text}, e.g. a variable it uses. */
    static boolean mentions(Theme theme, String text) throws IOException {
        if (!Files.isDirectory(theme.templates())) {
            return false;
        }
        try (Stream<Path> files = Files.walk(theme.templates())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
