package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        SiteBuild.open(TestSites.options(TestSites.site(name), output)).buildToDirectory();
        Map<String, byte[]> actual = TestSites.tree(output);
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
