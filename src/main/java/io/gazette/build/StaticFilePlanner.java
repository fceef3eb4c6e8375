package io.gazette.build;

import io.gazette.output.StaticFiles;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.render.PagePlanner;
import io.gazette.site.SinceLastBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the static files (the theme's {@code static/} and the site's, the site's winning a name
 * clash), each with a fingerprint from its size and modification time. A session keeps the last
 * plan and looks at the folders again only when a changed path lies in one of them, or when
 * {@link SinceLastBuild#everything} says to look at everything.
 */
final class StaticFilePlanner {
    private final Path projectDir;
    private final List<Path> folders;
    private final SinceLastBuild since;
    /** The static files planned by the last build that looked at them; null when none did. */
    private List<PlannedFile> plan;
    /** The problems that build found (symbolic links leading out), reported by every build. */
    private List<Problem> problems = List.of();

    /** @param folders the theme's static folder, then the site's */
    StaticFilePlanner(Path projectDir, List<Path> folders, SinceLastBuild since) {
        this.projectDir = projectDir;
        this.folders = List.copyOf(folders);
        this.since = since;
    }

    /**
     * The static files to plan again: all of them when nothing was planned yet or a changed path
     * lies in one of their folders (the last plan's paths are released to {@code wanted}), else
     * none (the last plan holds). Adds the problems the last look found. Once per build.
     */
    List<PlannedFile> plan(PagePlanner.Wanted wanted, Problems found) throws IOException {
        if (since.everything()) {
            plan = null;
        }
        if (plan != null && !touched(since.changedFiles())) {
            found.addAll(problems);
            return List.of();
        }
        if (plan != null) {
            plan.forEach(file -> wanted.released(file.path()));
        }
        Problems collecting = new Problems();
        Map<String, Path> collected = StaticFiles.collect(folders, projectDir, collecting);
        plan = planned(collected);
        problems = collecting.sorted();
        found.addAll(problems);
        return plan;
    }

    /** How many static files the site has. */
    int count() {
        return plan.size();
    }

    /** Static files (site-relative path → source) with fingerprints from their size and modification time. */
    private static List<PlannedFile> planned(Map<String, Path> staticFiles) throws IOException {
        List<PlannedFile> files = new ArrayList<>(staticFiles.size());
        for (Map.Entry<String, Path> file : staticFiles.entrySet()) {
            Path source = file.getValue();
            long fingerprint = Files.getLastModifiedTime(source).toMillis() * 31 + Files.size(source);
            files.add(new PlannedFile(file.getKey(), fingerprint, (path, sink) -> sink.copy(path, source)));
        }
        return files;
    }

    /** Whether a changed path lies in a folder of static files; true when the changes are not known. */
    private boolean touched(Set<Path> changed) {
        if (changed == null) {
            return true;
        }
        Path project = projectDir.toAbsolutePath().normalize();
        List<Path> absolute = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        for (Path path : changed) {
            Path file = project.resolve(path).normalize();
            for (Path folder : absolute) {
                if (file.startsWith(folder)) {
                    return true;
                }
            }
        }
        return false;
    }
}
