package io.gazette.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line or the environment (CI) says on top of site.yml. Null fields mean
 * "not given". Command-line values win over environment values, which win over site.yml.
 */
public record BuildOverrides(String baseUrl, Path outputDir, Boolean drafts, Boolean future) {
    public static final BuildOverrides NONE = new BuildOverrides(null, null, null, null);

    /** Reads {@code GAZETTE_BASE_URL}, {@code GAZETTE_OUTPUT}, {@code GAZETTE_DRAFTS}, {@code GAZETTE_FUTURE}. */
    public static BuildOverrides fromEnvironment(Map<String, String> env) {
        return new BuildOverrides(
                blankToNull(env.get("GAZETTE_BASE_URL")),
                blankToNull(env.get("GAZETTE_OUTPUT")) == null ? null : Path.of(env.get("GAZETTE_OUTPUT")),
                flag(env.get("GAZETTE_DRAFTS")),
                flag(env.get("GAZETTE_FUTURE")));
    }

    /** {@code this} on top of {@code lower}: each field set here replaces the one below. */
    public BuildOverrides over(BuildOverrides lower) {
        return new BuildOverrides(
                baseUrl != null ? baseUrl : lower.baseUrl,
                outputDir != null ? outputDir : lower.outputDir,
                drafts != null ? drafts : lower.drafts,
                future != null ? future : lower.future);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            default -> Boolean.FALSE;
        };
    }
}
