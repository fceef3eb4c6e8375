package io.gazette.legacy;

import java.util.List;

/**
 * What happened to one source page.
 *
 * @param target   where the article goes, as the user would type it; null when the page failed
 * @param reason   why it failed, {@code line: message} when a line is known; null otherwise
 * @param markdown the article (for {@code --dry-run}); null when the page failed
 */
public record ImportOutcome(Status status, String source, String target, String reason, List<String> warnings,
                            List<TagSuggestion> tags, String markdown) {

    public enum Status {
        IMPORTED, SKIPPED, FAILED, WOULD_IMPORT, WOULD_SKIP
    }

    public ImportOutcome {
        warnings = List.copyOf(warnings);
        tags = List.copyOf(tags);
    }

    static ImportOutcome failed(String source, String reason) {
        return new ImportOutcome(Status.FAILED, source, null, reason, List.of(), List.of(), null);
    }

    /** The report line: {@code imported a.txt → content/2014/x.md}, {@code failed a.txt:12: reason}. */
    public String reportLine() {
        return switch (status) {
            case IMPORTED -> "imported " + source + " → " + target;
            case WOULD_IMPORT -> "would import " + source + " → " + target;
            case SKIPPED -> "skipped " + source + " → " + target + " (exists; use --force)";
            case WOULD_SKIP -> "would skip " + source + " → " + target + " (exists; use --force)";
            case FAILED -> "failed " + source + (reason.matches("\\d+: .*") ? ":" : ": ") + reason;
        };
    }
}
