package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/2014/a/", "/tag/thời-sự/", "/a.b/c", "/a;b"})
    void acceptsOrdinaryRequestPaths(String path) {
        assertThat(SitePaths.isSafeRequestPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "/..", "/../x", "/a/../b", "/a/./b", "/..;/x", "/a/..;x/b", "/.;/x",
            "/a\\..\\b", "/a\u0000", "//evil.example/x", "/a/\n"})
    void refusesDotSegmentsBackslashesControlsAndDoubleSlashes(String path) {
        assertThat(SitePaths.isSafeRequestPath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.html", "/a.html", "2014/a/index.html", "...html", "a/..b/c"})
    void normalisesPlainSitePaths(String path) {
        assertThat(SitePaths.parse(path)).isPresent();
        assertThat(SitePaths.parse(path).orElseThrow()).doesNotStartWith("/");
    }
}
