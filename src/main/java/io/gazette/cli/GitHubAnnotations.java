package io.gazette.cli;

import io.gazette.problems.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Problems as GitHub Actions workflow commands ({@code ::error file=…,line=…::message}), which
 * GitHub shows as annotations on the file and line, in the run and on the pull request's diff.
 * Written when {@code GITHUB_ACTIONS=true} (GitHub sets it) or with {@code --annotations}, in
 * addition to the {@code file:line: error: message} lines people read.
 */
final class GitHubAnnotations {
    private final Path workspace;

    private GitHubAnnotations(Path workspace) {
        this.workspace = workspace;
    }

    /** Annotations for this environment, or null when none are wanted. */
    static GitHubAnnotations forEnvironment(boolean forced, Map<String, String> environment) {
        if (!forced && !"true".equals(environment.get("GITHUB_ACTIONS"))) {
            return null;
        }
        String workspace = environment.get("GITHUB_WORKSPACE");
        Path root = workspace == null || workspace.isBlank() ? Path.of("") : Path.of(workspace);
        return new GitHubAnnotations(root.toAbsolutePath().normalize());
    }

    void print(List<Problem> problems, PrintWriter out) {
        for (Problem problem : problems) {
            out.println(format(problem));
        }
        out.flush();
    }

    String format(Problem problem) {
        StringBuilder line = new StringBuilder("::").append(problem.isError() ? "error" : "warning");
        String separator = " ";
        if (problem.file() != null) {
            line.append(separator).append("file=").append(property(repositoryPath(problem.file())));
            separator = ",";
            if (problem.line() > 0) {
                line.append(",line=").append(problem.line());
            }
        }
        String message = problem.message();
        if (problem.hint() != null && !problem.hint().isBlank()) {
            message += "\n" + "hint: " + problem.hint();
        }
        return line.append("::").append(data(message)).toString();
    }

    /** The path as GitHub names files: relative to the checkout, with forward slashes. */
    private String repositoryPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workspace) ? workspace.relativize(absolute) : file;
        return shown.toString().replace('\\', '/');
    }

    /** Escapes of a workflow command's message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes of a workflow command's property value. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
