package io.gazette.cli;

import io.gazette.config.BuildOverrides;
import io.gazette.config.ConfigLoader;
import io.gazette.config.SiteConfig;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gazette init [DIR]}: a new site that builds at once. The theme is used from Gazette
 * itself (the jar, or the checkout's themes/), so a new version of Gazette brings its fixes;
 * {@code --copy-theme} copies it into the site to change it there.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new site in DIR (default: the current folder): site.yml, a sample article,"
                + " .gitignore and the GitHub workflows that publish it (.github/workflows/). The default"
                + " theme is used from Gazette itself unless --copy-theme puts a copy in themes/default/."})
final class InitCommand implements Callable<Integer> {
    private static final String RESOURCES = "/gazette/init/";

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder of the new site; created if missing.")
    Path dir = Path.of(".");

    @Option(names = "--copy-theme", description = "Copy the default theme into themes/default/ to customise it.")
    boolean copyTheme;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path site = dir.toAbsolutePath().normalize();
        if (Files.exists(site.resolve("site.yml"))) {
            spec.commandLine().getErr().println(site.resolve("site.yml") + ": error: a site already exists here\n"
                    + "    hint: choose an empty folder, e.g. gazette init my-site");
            return GazetteCommand.CONTENT_ERRORS;
        }
        String version = Version.describe().replace("Gazette ", "").replaceAll(" \\(.*", "");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("site.yml", resource("site.yml"));
        files.put(".gitignore", resource("gitignore"));
        files.put("content/" + today.getYear() + "/chao-mung.md", resource("article.md").replace("@DATE@", today.toString()));
        files.put(".github/workflows/publish.yml", resource("publish.yml").replace("@VERSION@", version));
        files.put(".github/workflows/pull-request.yml", resource("pull-request.yml"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = site.resolve(file.getKey());
            if (Files.exists(target)) {
                out.println("kept    " + file.getKey() + " (exists)");
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            out.println("created " + file.getKey());
        }
        Files.createDirectories(site.resolve("static"));
        if (copyTheme) {
            copyDefaultTheme(site.resolve("themes/default"));
            out.println("created themes/default/ (a copy of the default theme)");
        }
        // The new site must load: a mistake in the templates above would show here, not later.
        Problems problems = new Problems();
        SiteConfig config = ConfigLoader.load(site, BuildOverrides.NONE, ProjectOptions.themeFallback(), problems);
        if (problems.hasErrors()) {
            throw new IllegalStateException("the new site.yml does not load: " + problems.sorted().get(0).format());
        }
        out.println();
        out.println("A new site \"" + config.title() + "\" is in " + site + ".");
        out.println("Next: cd " + shown(site) + " && gazette serve --open");
        out.flush();
        return GazetteCommand.OK;
    }

    private static String shown(Path site) {
        Path here = Path.of("").toAbsolutePath();
        return site.startsWith(here) && !site.equals(here) ? here.relativize(site).toString() : site.toString();
    }

    private static String resource(String name) {
        try (InputStream in = InitCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing from Gazette's jar: " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyDefaultTheme(Path target) throws IOException {
        Path themes = ProjectOptions.themeFallback();
        if (themes == null || !Files.isDirectory(themes.resolve("default"))) {
            throw new IOException("Gazette's default theme was not found");
        }
        Path source = themes.resolve("default");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!Files.exists(copy)) {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
