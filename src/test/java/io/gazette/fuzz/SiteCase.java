package io.gazette.fuzz;

import io.gazette.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole-site fuzz case: the files of a project ({@code site.yml}, articles, a mutated theme
 * template, a legacy page to import), kept as one text file so that a failing case can be saved and
 * replayed as a regression fixture. The text is each file after a {@code === path} line; articles
 * and legacy pages are followed by one extra line break.
 */
final class SiteCase {
    /** The marker before each file; only the paths the generator writes, so content rarely looks like one. */
    private static final Pattern MARKER = Pattern.compile(
            "=== (site\\.yml|themes/fuzz/templates/[^/\\n]+\\.peb|content/\\d{4}/bai-\\d+\\.md|old/trang-\\d+\\.(?:html|txt))\\n");

    /** Project-relative path → content, in the order written. */
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    void add(String path, byte[] content) {
        files.put(path, content);
    }

    /** A mutated template means the theme may write any markup, so only the default theme's HTML is judged. */
    boolean mutatedTheme() {
        return files.keySet().stream().anyMatch(p -> p.startsWith("themes/fuzz/"));
    }

    /** The legacy page to run {@code gazette import} on before building, if any. */
    Optional<String> legacyPage() {
        return files.keySet().stream().filter(p -> p.startsWith("old/")).findFirst();
    }

    /** Writes the project: the default theme copied to {@code themes/fuzz} first when a template is mutated. */
    void writeInto(Path project) throws IOException {
        Files.createDirectories(project.resolve("content"));
        if (mutatedTheme()) {
            TestSites.copyTree(TestSites.themes().resolve("default"), project.resolve("themes/fuzz"));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = project.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    byte[] describe() {
        StringBuilder out = new StringBuilder();
        files.forEach((path, content) -> {
            out.append("=== ").append(path).append('\n').append(new String(content, StandardCharsets.UTF_8));
            if (path.startsWith("content/") || path.startsWith("old/")) {
                out.append('\n');
            }
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a case written by {@link #describe()} (a file's content may end without a line break). */
    static SiteCase parse(String text) {
        SiteCase site = new SiteCase();
        Matcher marker = MARKER.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        while (marker.find()) {
            starts.add(new int[] {marker.start(), marker.end()});
            paths.add(marker.group(1));
        }
        for (int i = 0; i < paths.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String content = text.substring(starts.get(i)[1], end);
            String path = paths.get(i);
            if ((path.startsWith("content/") || path.startsWith("old/")) && content.endsWith("\n")) {
                content = content.substring(0, content.length() - 1);
            }
            site.add(path, content.getBytes(StandardCharsets.UTF_8));
        }
        if (!site.files.containsKey("site.yml")) {
            throw new IllegalArgumentException("not a site case: no site.yml");
        }
        return site;
    }
}
