package io.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deploy workflow does what the Publishing section of the README says it does. */
class PublishWorkflowTest {
    private static final Path PROJECT = io.gazette.build.TestSites.projectRoot();
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private Map<String, Object> workflow;
    private String publishingDoc;

    @BeforeEach
    void load() throws IOException {
        workflow = parse(Files.readString(PROJECT.resolve(".github/workflows/publish.yml"), StandardCharsets.UTF_8));
        publishingDoc = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yamlText) {
        Map<Object, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        Map<String, Object> byName = new java.util.LinkedHashMap<>();
        // YAML 1.1 reads the key `on` as the boolean true.
        raw.forEach((key, value) -> byName.put(Boolean.TRUE.equals(key) ? "on" : String.valueOf(key), value));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("parent of " + key).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    private List<Map<String, Object>> steps(String job) {
        return at(workflow, "jobs", job, "steps");
    }

    private List<Map<String, Object>> allSteps() {
        List<Map<String, Object>> steps = new ArrayList<>(steps("build"));
        steps.addAll(steps("deploy"));
        return steps;
    }

    private List<String> gazetteCommands(List<Map<String, Object>> steps) {
        return gazetteCommands(steps.stream().map(step -> (String) step.get("run")).filter(run -> run != null).toList());
    }

    /**
     * The Gazette commands of shell lines, without how Gazette is started ({@code ./gazette},
     * {@code java -jar …gazette….jar}): {@code build --base-url …}. {@code --version} is left out.
     */
    private static List<String> gazetteCommands(java.util.Collection<String> scripts) {
        Pattern start = Pattern.compile("^(?:\\./gazette|java -jar \\S*gazette\\S*\\.jar\"?) (.*)$");
        return scripts.stream().flatMap(String::lines).map(String::strip).map(start::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).filter(command -> !command.equals("--version")).toList();
    }

    @Test
    void runsOnPushToMainByHandAndHourly() {
        assertThat(at(workflow, "on", "push", "branches").toString()).isEqualTo("[main]");
        assertThat((Map<String, Object>) at(workflow, "on")).containsKey("workflow_dispatch");
        List<Map<String, Object>> schedule = at(workflow, "on", "schedule");
        assertThat((String) schedule.get(0).get("cron")).matches("\\d+ \\* \\* \\* \\*");
    }

    @Test
    void cachesMavenAndGazettesBuildCache() {
        Map<String, Object> cache = steps("build").stream()
                .filter(step -> String.valueOf(step.get("uses")).startsWith("actions/cache@")).findFirst().orElseThrow();
        assertThat((Object) at(cache, "with", "path")).isEqualTo(".gazette");
        // A new entry only when what the build reads changed, not one per hourly run.
        String key = at(cache, "with", "key");
        assertThat(key).doesNotContain("run_id").contains("hashFiles(").contains("'content/**'", "'themes/**'",
                "'static/**'", "'site.yml'", "'src/main/**'", "vars.GAZETTE_JAR_URL", "vars.GAZETTE_BASE_URL");
        assertThat(key).startsWith((String) at(cache, "with", "restore-keys"));
        assertThat(publishingDoc).contains("saves no new entry");
    }

    @Test
    void canRunAReleasedJarInsteadOfCompiling() {
        Map<String, Object> get = steps("build").stream()
                .filter(step -> "Get Gazette".equals(step.get("name"))).findFirst().orElseThrow();
        assertThat((Object) at(get, "env", "GAZETTE_JAR_URL")).isEqualTo("${{ vars.GAZETTE_JAR_URL }}");
        assertThat((String) get.get("run")).contains("curl", "mvn -B -q -DskipTests package");
        assertThat(publishingDoc).contains("`GAZETTE_JAR_URL`");
    }

    @Test
    void hasThePermissionsAndConcurrencyPagesDeploymentsNeed() {
        assertThat((Object) at(workflow, "permissions", "pages")).isEqualTo("write");
        assertThat((Object) at(workflow, "permissions", "id-token")).isEqualTo("write");
        assertThat((Object) at(workflow, "concurrency", "group")).isEqualTo("pages");
    }

    @Test
    void pinsEveryActionByMajorVersion() {
        List<String> uses = allSteps().stream().map(step -> (String) step.get("uses")).filter(u -> u != null).toList();

        assertThat(uses).allMatch(u -> u.matches("actions/[a-z-]+@v[0-9]+"), "owner/action@vN");
        assertThat(uses).extracting(u -> u.substring(0, u.indexOf('@'))).containsExactly(
                "actions/checkout", "actions/setup-java", "actions/cache", "actions/configure-pages",
                "actions/upload-pages-artifact", "actions/deploy-pages");
    }

    @Test
    void setsUpTemurinJava17WithTheMavenCache() {
        Map<String, Object> setupJava = steps("build").stream()
                .filter(step -> String.valueOf(step.get("uses")).startsWith("actions/setup-java@")).findFirst().orElseThrow();

        assertThat((Object) at(setupJava, "with", "distribution")).isEqualTo("temurin");
        assertThat((Object) at(setupJava, "with", "java-version")).isEqualTo("17");
        assertThat((Object) at(setupJava, "with", "cache")).isEqualTo("maven");
    }

    @Test
    void buildsOnceThenChecksThatOutputForTheConfiguredOrPagesBaseUrl() {
        assertThat(gazetteCommands(steps("build"))).containsExactly("build --base-url \"$GAZETTE_BASE_URL\"",
                "check --site public --base-url \"$GAZETTE_BASE_URL\"");
        Map<String, Object> choose = steps("build").stream()
                .filter(step -> String.valueOf(step.get("run")).contains("GITHUB_ENV")).findFirst().orElseThrow();
        assertThat((Object) at(choose, "env", "CONFIGURED_BASE_URL")).isEqualTo("${{ vars.GAZETTE_BASE_URL }}");
        assertThat((Object) at(choose, "env", "PAGES_BASE_URL")).isEqualTo("${{ steps.pages.outputs.base_url }}");
        assertThat((String) choose.get("run")).contains("GAZETTE_BASE_URL=${CONFIGURED_BASE_URL:-$PAGES_BASE_URL/}");
    }

    @Test
    void neverPastesExpressionsIntoShellScripts() {
        assertThat(allSteps()).extracting(step -> String.valueOf(step.get("run"))).noneMatch(run -> run.contains("${{"));
    }

    @Test
    void uploadsTheOutputDirectoryTheDocumentationNames() {
        Map<String, Object> upload = steps("build").stream()
                .filter(step -> String.valueOf(step.get("uses")).startsWith("actions/upload-pages-artifact@")).findFirst().orElseThrow();

        assertThat((Object) at(upload, "with", "path")).isEqualTo("public");
        assertThat(publishingDoc).contains("deploys `public/` to GitHub Pages");
    }

    @Test
    void documentationShowsTheCommandsTheWorkflowRuns() {
        for (String command : gazetteCommands(steps("build"))) {
            assertThat(publishingDoc).as("documented: " + command).contains(command);
        }
        assertThat(publishingDoc).contains("`GAZETTE_BASE_URL`", ".github/workflows/publish.yml");
    }

    @Test
    void documentationListsEveryEnvironmentOverride() {
        for (String variable : List.of("GAZETTE_BASE_URL", "GAZETTE_OUTPUT", "GAZETTE_DRAFTS", "GAZETTE_FUTURE")) {
            assertThat(publishingDoc).as(variable).containsPattern("\\| `" + variable + "` \\|");
        }
    }

    @Test
    void documentationExitCodesMatchTheCommand() {
        assertThat(publishingDoc).containsPattern("\\| 0 \\| no errors").containsPattern("\\| 1 \\| content errors")
                .containsPattern("\\| 2 \\| usage errors");
    }

    @Test
    void gitLabSnippetIsValidYamlAndRunsTheSameCommands() {
        List<Map<String, Object>> blocks = new ArrayList<>();
        Matcher matcher = YAML_BLOCK.matcher(publishingDoc);
        while (matcher.find()) {
            blocks.add(parse(matcher.group(1)));
        }
        Map<String, Object> gitlab = blocks.stream().filter(block -> block.containsKey("pages")).findFirst().orElseThrow();

        assertThat(at(gitlab, "pages", "artifacts", "paths").toString()).isEqualTo("[public]");
        List<String> script = at(gitlab, "pages", "script");
        assertThat(gazetteCommands(script)).containsExactlyElementsOf(gazetteCommands(steps("build")));
    }

    @Test
    void launcherIsExecutableOnceItExists() {
        Path launcher = PROJECT.resolve("gazette");
        assumeTrue(Files.exists(launcher), "the launcher script is the lead's");
        assertThat(Files.isExecutable(launcher)).isTrue();
    }
}
