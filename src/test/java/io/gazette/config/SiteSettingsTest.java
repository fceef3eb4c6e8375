package io.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site.yml read through the one settings model: defaults, typed values, params, typo warnings. */
class SiteSettingsTest {
    @TempDir
    Path project;

    private SiteConfig load(String siteYml, Problems problems) throws Exception {
        Files.writeString(project.resolve("site.yml"), siteYml);
        return ConfigLoader.load(project, BuildOverrides.NONE, null, problems);
    }

    private static List<String> messages(Problems problems) {
        return problems.sorted().stream().map(Problem::format).toList();
    }

    @Test
    void anEmptySiteYmlGivesEveryDefaultOfTheCatalogue() throws Exception {
        Problems problems = new Problems();
        SiteConfig config = load("", problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(config.title()).isEqualTo(SiteSettings.TITLE.fallback()).isEqualTo("Gazette");
        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:1313/");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(config.permalink()).isEqualTo("/:year/:month/:slug/");
        assertThat(List.of(config.pageSize(), config.feedSize(), config.relatedCount())).containsExactly(10, 20, 5);
        assertThat(config.outputDir()).isEqualTo(project.resolve("public"));
        assertThat(config.allowRawHtml()).isFalse();
        assertThat(config.image()).isEmpty();
        assertThat(config.importCategory()).isNull();
        assertThat(config.params()).isEmpty();
    }

    @Test
    void settingsAreTypedAndOnlyUnknownKeysBecomeParams() throws Exception {
        Problems problems = new Problems();
        SiteConfig config = load("""
                title: Bản tin
                allowRawHtml: true
                image: /images/logo.png
                import:
                  category: Tin tức
                copyrightYear: 2014
                params:
                  footer: Khối thi đua
                """, problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(config.allowRawHtml()).isTrue();
        assertThat(config.image()).isEqualTo("/images/logo.png");
        assertThat(config.importCategory()).isEqualTo("Tin tức");
        assertThat(config.params()).isEqualTo(Map.of("copyrightYear", 2014, "footer", "Khối thi đua"));
    }

    @Test
    void aNearMissOfASettingIsAWarningWithItsLineAndTheKeyItResembles() throws Exception {
        Problems problems = new Problems();
        SiteConfig config = load("title: T\npagesize: 3\nbaseURL: https://example.org/\nfooterText: x\n", problems);
        assertThat(messages(problems)).containsExactly(
                "site.yml:2: warning: unknown key `pagesize` looks like a typo of `pageSize`\n"
                        + "    hint: rename it to `pageSize` (unknown keys are passed to templates as site.params)",
                "site.yml:3: warning: unknown key `baseURL` looks like a typo of `baseUrl`\n"
                        + "    hint: rename it to `baseUrl` (unknown keys are passed to templates as site.params)");
        assertThat(problems.hasErrors()).isFalse();
        assertThat(config.params()).containsOnlyKeys("pagesize", "baseURL", "footerText");
        assertThat(config.pageSize()).isEqualTo(10);
    }

    @Test
    void aWrongKindOfValueIsAnErrorOnItsLineAndTheDefaultIsKept() throws Exception {
        Problems problems = new Problems();
        SiteConfig config = load("title: T\nallowRawHtml: \"yes please\"\nimport: Tin tức\n", problems);
        assertThat(messages(problems)).containsExactly(
                "site.yml:2: error: `allowRawHtml` must be true or false, not `yes please`\n"
                        + "    hint: write `allowRawHtml: true` or leave the line out",
                "site.yml:3: error: `import` must be a section of `key: value` lines\n"
                        + "    hint: write `import:` and then, indented below it, `category: value`");
        assertThat(config.allowRawHtml()).isFalse();
    }

    @Test
    void anUnknownKeyInsideASectionIsNamed() throws Exception {
        Problems problems = new Problems();
        SiteConfig config = load("import:\n  categroy: Tin\n", problems);
        assertThat(messages(problems)).containsExactly(
                "site.yml:1: warning: unknown key `categroy` in `import:`, which is ignored\n"
                        + "    hint: did you mean `category`? the keys of `import:` are category");
        assertThat(config.importCategory()).isNull();
    }

    @Test
    void theReadmeTableListsEverySetting() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration: `site.yml`"));
        table = table.substring(0, table.indexOf("\n## "));
        for (Setting<?> setting : SiteSettings.ALL) {
            assertThat(table).as(setting.key()).contains("`" + setting.key() + "`");
        }
    }
}
