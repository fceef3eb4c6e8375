package io.gazette.check;

import io.gazette.build.SourceMap;
import io.gazette.problems.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a problem found in an article page to the Markdown line where its link or image was
 * written, using the build's {@link SourceMap}: the editor fixes the source, not the HTML. The
 * HTML location stays in the message. A problem whose link cannot be found in the source (it came
 * from the theme, or the text was changed since the build) keeps its HTML location.
 */
public final class MarkdownLocations {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final SourceMap map;
    private final Path projectDir;
    private final String basePath;
    private final Map<Path, List<String>> sources = new HashMap<>();

    /**
     * @param basePath the path of the base URL, {@code /} or e.g. {@code /archive/}: Markdown writes
     *                 {@code /2014/08/x/}, the page has {@code /archive/2014/08/x/}
     */
    public MarkdownLocations(SourceMap map, Path projectDir, String basePath) {
        this.map = map;
        this.projectDir = projectDir;
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    }

    /**
     * @param problems problems with paths relative to the site folder
     * @param siteLabel how the site folder is shown, e.g. {@code public}
     * @return the problems, located under {@code siteLabel} or at their Markdown line
     */
    public List<Problem> relocate(List<Problem> problems, Path siteLabel) {
        List<Problem> out = new ArrayList<>(problems.size());
        for (Problem problem : problems) {
            out.add(relocate(problem, siteLabel).orElseGet(() -> ProblemReport.under(siteLabel, List.of(problem)).get(0)));
        }
        return out;
    }

    private Optional<Problem> relocate(Problem problem, Path siteLabel) {
        if (problem.file() == null) {
            return Optional.empty();
        }
        Optional<Path> source = map.sourceOf(problem.file().toString());
        Matcher quoted = QUOTED.matcher(problem.message());
        if (source.isEmpty() || !quoted.find()) {
            return Optional.empty();
        }
        String target = quoted.group(1);
        List<String> lines = lines(source.get());
        int line = find(lines, target);
        if (line < 0 && target.startsWith(basePath) && !basePath.equals("/")) {
            line = find(lines, "/" + target.substring(basePath.length()));
        }
        if (line < 0) {
            return Optional.empty();
        }
        String html = siteLabel.resolve(problem.file()).normalize().toString().replace('\\', '/')
                + (problem.line() > 0 ? ":" + problem.line() : "");
        return Optional.of(new Problem(problem.severity(), source.get(), line + 1,
                problem.message() + " (in " + html + ")", problem.hint()));
    }

    private static int find(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> lines(Path source) {
        return sources.computeIfAbsent(source, s -> {
            try {
                return Files.readAllLines(projectDir.resolve(s), StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                return List.of();
            }
        });
    }
}
