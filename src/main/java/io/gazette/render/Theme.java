package io.gazette.render;

import java.nio.file.Path;

/**
 * A theme folder: {@code templates/} (Pebble), {@code static/} (copied to the site as is) and
 * {@code i18n/} (one YAML file of strings per language).
 */
public record Theme(Path dir) {
    public Path templates() {
        return dir.resolve("templates");
    }

    public Path staticFiles() {
        return dir.resolve("static");
    }

    public Path i18n() {
        return dir.resolve("i18n");
    }
}
