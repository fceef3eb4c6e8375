package io.gazette.legacy;

import java.util.List;

/**
 * What happened to one source page.
 *
 * @param target   where the article goes, as the user would type it; null when the page failed
 * @param line     the source line a failure is about, 0 when none
 * @param reason   why it failed; null otherwise
 * @param markdown the article (for {@code --dry-run}); null when the page failed
 */
public record ImportOutcome(Status status, String source, String target, int line, String reason, List<String> warnings,
                            List<TagSuggestion> tags, String markdown) {

    public enum Status {
        IMPORTED, SKIPPED, FAILED, WOULD_IMPORT, WOULD_SKIP
    }

    public ImportOutcome {
        warnings = List.copyOf(warnings);
        tags = List.copyOf(tags);
    }

    static ImportOutcome failed(String source, String reason) {
        return failed(source, 0, reason);
    }

    static ImportOutcome failed(String source, int line, String reason) {
        return new ImportOutcome(Status.FAILED, source, null, line, reason, List.of(), List.of(), null);
    }

    /** The report line: {@code imported a.txt → content/2014/x.md}, {@code failed a.txt:12: reason}. */
    public String reportLine() {
        return switch (status) {
            case IMPORTED -> "imported " + source + " → " + target;
            case WOULD_IMPORT -> "would import " + source + " → " + target;
            case SKIPPED -> "skipped " + source + " → " + target + " (exists; use --force)";
            case WOULD_SKIP -> "would skip " + source + " → " + target + " (exists; use --force)";
            case FAILED -> "failed " + source + (line > 0 ? ":" + line : "") + ": " + reason;
        };
    }
}
