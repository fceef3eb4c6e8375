package io.gazette;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each package declares the Gazette packages it may use, in its {@code package-info.java}
 * ({@code <p>May use: config, problems, text.}, like the dependencies of a Cargo.toml). This test
 * holds the declarations against the code and against the pipeline's order:
 *
 * <ul>
 *   <li>a package uses exactly the packages it declares: none it does not (a new edge is a change
 *       to its package-info, made on purpose), and none it declares but no longer uses;</li>
 *   <li>what a package uses is read two ways, and both count: the compiled classes' dependencies
 *       (ArchUnit: calls, fields, signatures, a type reached through a method chain with no import)
 *       and the source's {@code import} lines and fully qualified names outside comments and
 *       strings (a constant the compiler copies into the class, such as
 *       {@code ConfigLoader.CACHE_DIR}, leaves no trace in the class file);</li>
 *   <li>the declared graph follows {@link #LAYERS}: no step of the pipeline uses a later step, and
 *       nothing in the pipeline uses a command's package on top of it;</li>
 *   <li>the README's "How the code is laid out" table lists the packages in that order with the
 *       same declarations, so that a newcomer reads there what the code does.</li>
 * </ul>
 */
class PackageBoundariesTest {
    private static final String ROOT = "io.gazette";
    private static final Path SOURCES = Path.of("src/main/java/io/gazette");

    /** Shared by every step; each may use the ones before it. */
    private static final List<String> FOUNDATIONS = List.of("problems", "text", "hash", "files", "json", "threads");
    /**
     * The pipeline's steps in the order a build runs them ({@code build/SiteBuild}); {@code media}
     * comes before {@code markdown}, which resolves an article's files while it renders.
     */
    private static final List<String> PIPELINE =
            List.of("config", "content", "media", "markdown", "site", "search", "render", "output");
    /** Runs the pipeline. */
    private static final List<String> RUNNER = List.of("build");
    /** One package per command, used by nothing but {@code cli}, the top. */
    private static final List<String> ON_TOP = List.of("check", "serve", "legacy", "cli");
    /** All of the above, bottom first: a package may use only packages before it. */
    private static final List<String> LAYERS = Stream.of(FOUNDATIONS, PIPELINE, RUNNER, ON_TOP)
            .flatMap(List::stream).toList();

    /**
     * Edges the code has although they break {@link #LAYERS}, allowed for now: "from → to" and
     * why, and what removes it. None today; one added here is a debt with its reason beside it.
     */
    private static final Map<String, String> EXCEPTIONS = Map.of();

    private static final Pattern DECLARATION = Pattern.compile("<p>May use: ([^.]*)\\.");
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.gazette\\.([a-z]+)\\.");
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    /** Package → the packages its package-info says it may use. */
    private static final Map<String, Set<String>> declared = new TreeMap<>();
    /** Package → the packages its code really uses. */
    private static final Map<String, Set<String>> used = new TreeMap<>();

    @BeforeAll
    static void readDeclarationsAndCode() throws IOException {
        for (String name : packageFolders()) {
            Path info = SOURCES.resolve(name).resolve("package-info.java");
            if (Files.exists(info)) {
                Matcher declaration = DECLARATION.matcher(Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " "));
                if (declaration.find()) {
                    declared.put(name, namesIn(declaration.group(1)));
                }
            }
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        for (JavaClass type : classes) {
            String from = topPackage(type.getPackageName());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                addUse(from, topPackage(dependency.getTargetClass().getPackageName()));
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file).getName(0).toString();
                for (String to : packagesNamedIn(Files.readString(file))) {
                    addUse(from, to);
                }
            }
        }
    }

    private static Set<String> packageFolders() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        return packages;
    }

    /** The package names in "config, problems, text" (none in "no other Gazette package"). */
    private static Set<String> namesIn(String list) {
        Set<String> names = new TreeSet<>();
        if (!list.equals("no other Gazette package")) {
            for (String name : list.split(",")) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static void addUse(String from, String to) {
        if (from != null && to != null && !to.equals(from)) {
            used.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
    }

    /** {@code serve} for {@code io.gazette.serve} (and any package below it); null outside Gazette. */
    private static String topPackage(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The Gazette packages a source file imports or names in full in its code. */
    static Set<String> packagesNamedIn(String source) {
        Set<String> names = new TreeSet<>();
        Matcher qualified = QUALIFIED.matcher(codeOf(source));
        while (qualified.find()) {
            names.add(qualified.group(1));
        }
        return names;
    }

    /**
     * The source with its comments and the insides of its string, text block and character
     * literals left out, so that a name mentioned in a Javadoc or a message is not a use.
     */
    static String codeOf(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                i = endOfLiteral(source, i + 3, "\"\"\"");
                code.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                String quote = String.valueOf(source.charAt(i));
                i = endOfLiteral(source, i + 1, quote);
                code.append(quote).append(quote);
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    /** Just past the {@code close} that ends a literal whose contents start at {@code from}. */
    private static int endOfLiteral(String source, int from, String close) {
        int i = from;
        while (i < source.length() && !source.startsWith(close, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + close.length());
    }

    @Test
    void everyPackageSaysItsJobAndDeclaresWhatItMayUse() throws IOException {
        Set<String> packages = packageFolders();
        for (String name : packages) {
            Path info = SOURCES.resolve(name).resolve("package-info.java");
            assertThat(info).as("package-info.java of " + name).exists();
            assertThat(Files.readString(info)).as(info.toString())
                    .contains("/**").contains("package " + ROOT + "." + name + ";");
            assertThat(declared).as(info + " has no \"<p>May use: a, b.\" (or \"no other Gazette package.\")")
                    .containsKey(name);
            assertThat(declared.get(name)).as(info + " may use only Gazette packages").isSubsetOf(packages);
        }
    }

    @Test
    void everyPackageUsesOnlyWhatItDeclares() {
        List<String> undeclared = new ArrayList<>();
        used.forEach((from, targets) -> {
            for (String to : targets) {
                boolean allowed = declared.getOrDefault(from, Set.of()).contains(to);
                if (!allowed && !EXCEPTIONS.containsKey(from + " → " + to)) {
                    undeclared.add(from + " → " + to);
                }
            }
        });
        assertThat(undeclared)
                .as("packages used but not declared in the user's package-info (\"May use:\"): remove the use, "
                        + "or declare it on purpose")
                .isEmpty();
    }

    @Test
    void everyPackageDeclaresOnlyWhatItUses() {
        List<String> unused = new ArrayList<>();
        declared.forEach((from, targets) -> {
            for (String to : targets) {
                if (!used.getOrDefault(from, Set.of()).contains(to)) {
                    unused.add(from + " → " + to);
                }
            }
        });
        EXCEPTIONS.keySet().forEach(edge -> {
            String[] ends = edge.split(" → ");
            if (!used.getOrDefault(ends[0], Set.of()).contains(ends[1])) {
                unused.add(edge + " (a known exception)");
            }
        });
        assertThat(unused)
                .as("packages declared (\"May use:\") but no longer used: take them out, so that the "
                        + "declaration says what the code does")
                .isEmpty();
    }

    @Test
    void theLayersNameEveryPackageOnce() throws IOException {
        assertThat(LAYERS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(packageFolders());
    }

    @Test
    void noStepOfThePipelineUsesALaterOne() {
        List<String> backwards = new ArrayList<>();
        declared.forEach((from, targets) -> {
            for (String to : targets) {
                if (LAYERS.indexOf(to) >= LAYERS.indexOf(from)) {
                    backwards.add(from + " → " + to);
                }
            }
        });
        assertThat(backwards)
                .as("declared uses of a package that comes later (foundations, then the steps in the order "
                        + "a build runs them: %s, then build, then %s)", PIPELINE, ON_TOP)
                .isEmpty();
    }

    @Test
    void onlyTheCommandLineUsesTheCommandsPackages() {
        List<String> intoTheTop = new ArrayList<>();
        declared.forEach((from, targets) -> {
            for (String to : targets) {
                if (ON_TOP.contains(to) && !from.equals("cli")) {
                    intoTheTop.add(from + " → " + to);
                }
            }
        });
        assertThat(intoTheTop).as("uses of %s by anything but cli", ON_TOP).isEmpty();
    }

    @Test
    void theKnownExceptionsAreEdgesThatBreakTheLayers() {
        EXCEPTIONS.forEach((edge, why) -> {
            String[] ends = edge.split(" → ");
            assertThat(LAYERS).as(edge).contains(ends[0], ends[1]);
            assertThat(LAYERS.indexOf(ends[1])).as(edge + " follows the layers: declare it instead")
                    .isGreaterThanOrEqualTo(LAYERS.indexOf(ends[0]));
            assertThat(why).as(edge + " says why").isNotBlank();
        });
    }

    @Test
    void theReadmeTableListsThePackagesInLayerOrderWithTheirDeclarations() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## How the code is laid out"));
        section = section.substring(0, section.indexOf("\n## "));
        Map<String, Set<String>> table = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("| package | job | may use |")) {
                inTable = true;
            } else if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                Matcher name = NAME.matcher(cells[1]);
                assertThat(name.find()).as(line).isTrue();
                Set<String> uses = new TreeSet<>();
                Matcher use = NAME.matcher(cells[cells.length - 1]);
                while (use.find()) {
                    uses.add(use.group(1));
                }
                table.put(name.group(1), uses);
            } else if (!line.startsWith("|")) {
                inTable = false;
            }
        }
        assertThat(List.copyOf(table.keySet())).as("the README table's rows, bottom layer first").isEqualTo(LAYERS);
        assertThat(table).as("the README table's \"may use\" column, as the package-infos declare it")
                .isEqualTo(declared);
    }

    @Test
    void theSourceReadingSeesCodeButNotCommentsOrStrings() {
        String source = """
                package io.gazette.serve;

                import io.gazette.build.SiteBuild;
                import static io.gazette.problems.Limits.MAX;
                /** See {@link io.gazette.cli.ServeCommand}. */
                class A {
                    // io.gazette.check.SiteChecker
                    Path index = Path.of(io.gazette.config.ConfigLoader.CACHE_DIR);
                    String s = "io.gazette.legacy.X \\" io.gazette.legacy.Y";
                    String t = \"""
                        io.gazette.render.Z
                        \""";
                    char c = '"'; Object o = io.gazette.search.SearchIndexer.DIR_NAME;
                }
                """;
        assertThat(packagesNamedIn(source)).containsExactly("build", "config", "problems", "search");
    }
}
