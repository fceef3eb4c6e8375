package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.gazette.search.StaticIndexDump;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds each valid fixture site and compares every output file with the golden copy in
 * {@code sites/<name>/expected/}. After an intended change to the theme or output, regenerate
 * with {@code mvn test -Dtest=GoldenSiteTest -Dgazette.updateGolden=true} and review the diff.
 */
class GoldenSiteTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"basic", "nfd-crlf"})
    void outputMatchesGoldenFiles(String name) throws Exception {
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(TestSites.fresh(name, temp), output)).buildToDirectory();
        Map<String, byte[]> actual = generatedOnly(output);
        Path expectedDir = TestSites.site(name).resolve("expected");
        if (Boolean.getBoolean("gazette.updateGolden")) {
            rewrite(expectedDir, actual);
        }
        Map<String, byte[]> expected = TestSites.tree(expectedDir);
        assertThat(actual.keySet()).as("files written").containsExactlyElementsOf(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(new String(actual.get(file), StandardCharsets.UTF_8)).as(file)
                    .isEqualTo(new String(expected.get(file), StandardCharsets.UTF_8));
        }
    }

    /**
     * Output depends on the content only, not on the machine: a build under a Turkish, Arabic or
     * Thai default locale and a far-away default time zone gives the same bytes as the golden copy.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @ValueSource(strings = {"tr-TR", "ar-SA", "th-TH-u-nu-thai", "hi-IN"})
    void outputDoesNotDependOnTheMachinesLocaleOrTimeZone(String languageTag) throws Exception {
        java.util.Locale locale = java.util.Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag(languageTag));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            Path output = temp.resolve("public-" + languageTag);
            SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
            Map<String, byte[]> actual = generatedOnly(output);
            Map<String, byte[]> expected = TestSites.tree(TestSites.site("basic").resolve("expected"));
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            for (String file : expected.keySet()) {
                assertThat(new String(actual.get(file), StandardCharsets.UTF_8)).as(file)
                        .isEqualTo(new String(expected.get(file), StandardCharsets.UTF_8));
            }
        } finally {
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
    }

    /**
     * The built tree without the theme's static files, which are copied byte for byte (checked
     * here) and would only make every stylesheet change a golden-file change; the search index's
     * binary files are replaced by their decoded text ({@code <file>.bin.txt}).
     */
    private static Map<String, byte[]> generatedOnly(Path output) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>(TestSites.tree(output));
        Map<String, byte[]> themeStatic = TestSites.tree(TestSites.themes().resolve("default/static"));
        themeStatic.forEach((path, bytes) -> {
            assertThat(files.get(path)).as("theme file " + path + " copied as is").isEqualTo(bytes);
            files.remove(path);
        });
        // The static index's binary files as readable text, so that a reviewer reads their diff.
        for (String path : List.copyOf(files.keySet())) {
            if (StaticIndexDump.isBinary(path)) {
                byte[] bytes = files.remove(path);
                files.put(path + ".txt", StaticIndexDump.dump(path, bytes).getBytes(StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void rewrite(Path dir, Map<String, byte[]> files) throws IOException {
        if (Files.exists(dir)) {
            io.gazette.output.TreeDeletion.delete(dir);
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
