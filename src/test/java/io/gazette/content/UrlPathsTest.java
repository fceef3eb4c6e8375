package io.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPathsTest {
    @Test
    void segmentsOfDotsAndSpacesAloneCannotEscapeTheOutputOnAnySystem() {
        for (String path : new String[] {"/../x/", "/a/./b/", "/a/..%20%20/b/", "/a/.. /b/", "/a/. ./b/", "/%2e%2e/x", "/a/.../b/"}) {
            assertThat(UrlPaths.unsafeReason(path)).as(path).contains("would escape the output directory");
        }
        for (String path : new String[] {"/tin-tuc/123.html", "/cu/duong-dan/", "/a/v1.2/b/", "/a/.well-known/b"}) {
            assertThat(UrlPaths.unsafeReason(path)).as(path).isEmpty();
        }
    }

    @Test
    void normaliseDecodesCollapsesAndDropsTheLeadingSlash() {
        assertThat(UrlPaths.normalise(" /tin-tuc//2014///bai/ ")).isEqualTo("tin-tuc/2014/bai/");
        assertThat(UrlPaths.normalise("/cu/h%E1%BB%99i+ngh%E1%BB%8B.html")).isEqualTo("cu/hội+nghị.html");
        assertThat(UrlPaths.normalise("/a%2F%2Fb/")).isEqualTo("a/b/");
        assertThat(UrlPaths.normalise("2014/08/hoi-nghi/")).isEqualTo("2014/08/hoi-nghi/");
    }
}
