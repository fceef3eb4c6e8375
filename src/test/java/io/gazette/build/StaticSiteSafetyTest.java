package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page carries a Content-Security-Policy that the theme lives with: nothing inline to allow. */
class StaticSiteSafetyTest {
    @TempDir
    Path temp;

    @Test
    void everyThemePageHasTheContentSecurityPolicyAndNoInlineScriptOrStyle() throws Exception {
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
        int pages = 0;
        for (Map.Entry<String, byte[]> file : TestSites.tree(output).entrySet()) {
            if (!file.getKey().endsWith(".html") || isAliasPage(file.getValue())) {
                continue;
            }
            Document page = Jsoup.parse(new String(file.getValue(), StandardCharsets.UTF_8));
            Element csp = page.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
            assertThat(csp).as(file.getKey()).isNotNull();
            assertThat(csp.attr("content")).contains("script-src 'self';").contains("style-src 'self';")
                    .contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            // JSON-LD is a data block, never executed, so script-src does not apply to it.
            for (Element script : page.select("script:not([type=application/ld+json])")) {
                assertThat(script.hasAttr("src")).as(file.getKey() + ": inline script").isTrue();
                assertThat(script.data()).isBlank();
            }
            assertThat(page.select("style, [style]")).as(file.getKey()).isEmpty();
            assertThat(page.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on"))).as(file.getKey()).isEmpty();
            pages++;
        }
        assertThat(pages).isGreaterThan(10);
    }

    /** Redirect pages of aliases are one link and a meta refresh: nothing a policy could guard. */
    private static boolean isAliasPage(byte[] html) {
        return new String(html, StandardCharsets.UTF_8).contains("http-equiv=\"refresh\"");
    }
}
