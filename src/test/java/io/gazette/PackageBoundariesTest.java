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
 * The dependencies between packages are written down once, in the README's "How the code is laid
 * out" table (and its list of known exceptions); this test reads that table and compares it with
 * the dependencies ArchUnit finds in the compiled classes (imports, calls, fields, signatures,
 * annotations: what the code really uses, not what its comments mention).
 */
class PackageBoundariesTest {
    private static final String ROOT = "io.gazette";
    private static final Path SOURCES = Path.of("src/main/java/io/gazette");
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");
    private static final Pattern EXCEPTION = Pattern.compile("^- `([a-z]+) → ([a-z]+)`");

    /** Package → the packages it may use, in the table's order (bottom layer first). */
    private static final Map<String, Set<String>> allowed = new LinkedHashMap<>();
    /** "from → to" edges allowed although they break the layering, each with a TODO in the README. */
    private static final Set<String> exceptions = new TreeSet<>();
    /** Package → the packages its classes really use. */
    private static final Map<String, Set<String>> actual = new TreeMap<>();

    @BeforeAll
    static void readTableAndClasses() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## How the code is laid out"));
        section = section.substring(0, section.indexOf("\n## "));
        boolean inTable = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("| package | job | may use |")) {
                inTable = true;
            } else if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                Matcher name = NAME.matcher(cells[1]);
                assertThat(name.find()).as(line).isTrue();
                Set<String> uses = new TreeSet<>();
                Matcher used = NAME.matcher(cells[cells.length - 1]);
                while (used.find()) {
                    uses.add(used.group(1));
                }
                allowed.put(name.group(1), uses);
            } else if (!line.startsWith("|")) {
                inTable = false;
            }
            Matcher exception = EXCEPTION.matcher(line);
            if (exception.find()) {
                exceptions.add(exception.group(1) + " → " + exception.group(2));
            }
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        for (JavaClass type : classes) {
            String from = topPackage(type.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> targets = actual.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = topPackage(dependency.getTargetClass().getPackageName());
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            }
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

    @Test
    void everyDependencyBetweenPackagesIsOneTheReadmeAllows() {
        List<String> unexpected = new ArrayList<>();
        actual.forEach((from, targets) -> {
            for (String to : targets) {
                boolean listed = allowed.getOrDefault(from, Set.of()).contains(to);
                if (!listed && !exceptions.contains(from + " → " + to)) {
                    unexpected.add(from + " → " + to);
                }
            }
        });
        assertThat(unexpected)
                .as("dependencies the README's layout table does not allow: remove them, or add them to the "
                        + "table's \"may use\" column on purpose")
                .isEmpty();
    }

    @Test
    void theTableIsLayeredEachPackageUsesOnlyPackagesListedAboveIt() {
        List<String> seen = new ArrayList<>();
        allowed.forEach((name, uses) -> {
            assertThat(seen).as("`%s` may use only packages above its row", name).containsAll(uses);
            seen.add(name);
        });
    }

    @Test
    void theTableHasOneRowPerPackageAndEachPackageSaysItsJob() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        assertThat(allowed.keySet()).containsExactlyInAnyOrderElementsOf(packages);
        for (String name : packages) {
            Path info = SOURCES.resolve(name).resolve("package-info.java");
            assertThat(info).as("package-info.java of " + name).exists();
            assertThat(Files.readString(info)).as(info.toString()).contains("/**").contains("package " + ROOT + "." + name + ";");
        }
    }

    @Test
    void everyDependencyTheReadmeListsIsOneTheCodeHas() {
        List<String> unused = new ArrayList<>();
        allowed.forEach((from, targets) -> {
            for (String to : targets) {
                if (!actual.getOrDefault(from, Set.of()).contains(to)) {
                    unused.add(from + " → " + to);
                }
            }
        });
        for (String edge : exceptions) {
            String[] ends = edge.split(" → ");
            if (!actual.getOrDefault(ends[0], Set.of()).contains(ends[1])) {
                unused.add(edge + " (a known exception)");
            }
        }
        assertThat(unused)
                .as("dependencies the README's layout table lists that the code no longer has: take them out of "
                        + "the table, so that it says what the code does")
                .isEmpty();
    }

    @Test
    void theKnownExceptionsAreEdgesThatBreakTheLayering() {
        for (String edge : exceptions) {
            String[] ends = edge.split(" → ");
            assertThat(allowed).as(edge).containsKeys(ends[0], ends[1]);
            assertThat(allowed.get(ends[0])).as(edge + " is allowed by the table already").doesNotContain(ends[1]);
        }
    }
}
