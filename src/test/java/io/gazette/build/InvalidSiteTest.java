package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture site {@code sites/invalid}: one file per defect, named for it; every message the
 * build prints for it is asserted word for word, so a message that loses its line, its file or its
 * hint fails here.
 */
class InvalidSiteTest {
    @TempDir
    Path temp;

    @Test
    void everyDefectIsReportedWithItsExactMessageAndNothingIsWritten() throws Exception {
        InlineSite.Built built = InlineSite.copyOf("invalid", temp).build();
        assertThat(built.succeeded()).isFalse();
        assertThat(built.output()).doesNotExist();
        assertThat(built.messages()).containsExactly(
                "content/a-missing-title.md:1: error: missing `title`\n"
                        + "    hint: add `title: \"Tiêu đề bài viết\"` to the front matter",
                "content/a-missing-title.md:3: error: cannot read `date: 18-08-2014` as a date\n"
                        + "    hint: write it as YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM:SS, YYYY-MM-DDTHH:MM:SS+07:00 or DD/MM/YYYY",
                "content/b-broken-yaml.md:4: error: front matter is not valid YAML: found unexpected end of stream\n"
                        + "    hint: check indentation, and quote values containing `: ` or starting with a special character",
                "content/c-global-tag.md:4: error: front matter is not valid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager\n"
                        + "    hint: front matter holds plain data only: remove the `!!...` tag",
                "content/d-escaping-alias.md:5: error: alias `../../etc/passwd` would escape the output directory\n"
                        + "    hint: an alias is a path inside the site, such as /tin-tuc/hoi-nghi.html or /old/path/",
                "content/d-escaping-alias.md:6: error: alias `/ok/%2e%2e/%2e%2e/x` would escape the output directory\n"
                        + "    hint: an alias is a path inside the site, such as /tin-tuc/hoi-nghi.html or /old/path/",
                "content/e-duplicate-url.md:1: error: output file `2014/08/trung-dia-chi/index.html` is also claimed by content/f-duplicate-url.md\n"
                        + "    hint: give one of them a different `slug:` (or remove the duplicate alias)",
                "content/f-duplicate-url.md:1: error: output file `2014/08/trung-dia-chi/index.html` is also claimed by content/e-duplicate-url.md\n"
                        + "    hint: give one of them a different `slug:` (or remove the duplicate alias)",
                "content/g-not-utf8.md:6: error: file is not valid UTF-8 (byte 0xEA at offset 43)\n"
                        + "    hint: save the file as UTF-8; for old Vietnamese encodings try `iconv -f WINDOWS-1258 -t UTF-8 file > file.utf8`",
                "content/h-no-front-matter.md:1: error: the file does not start with front matter (`---`)\n"
                        + "    hint: start the file with ---, then `title: ...` and `date: YYYY-MM-DD`, then another ---",
                "content/i-typos-empty-tag.md:1: error: missing `title`\n"
                        + "    hint: add `title: \"Tiêu đề bài viết\"` to the front matter",
                "content/i-typos-empty-tag.md:2: warning: unknown key `titel` looks like a typo of `title`\n"
                        + "    hint: rename it to `title` (unknown keys are passed to templates as article.params)",
                "content/i-typos-empty-tag.md:4: warning: unknown key `tag` looks like a typo of `tags`\n"
                        + "    hint: rename it to `tags` (unknown keys are passed to templates as article.params)",
                "content/i-typos-empty-tag.md:7: error: empty tag\n"
                        + "    hint: remove the empty item from `tags:` or give it a name",
                "content/i-typos-empty-tag.md:8: error: empty tag\n"
                        + "    hint: remove the empty item from `tags:` or give it a name",
                "content/j-escaping-slug.md:4: error: slug `../../outside` is not a plain URL segment (lower-case a-z, 0-9 and hyphens)\n"
                        + "    hint: write `slug: outside`",
                "content/k-alias-bomb.md:1: error: front matter is not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=20\n"
                        + "    hint: front matter may not expand many `&anchor`/`*alias` references; write the values out",
                "content/l-bad-date.md:3: error: cannot read `date: 2014-02-30` as a date\n"
                        + "    hint: write it as YYYY-MM-DD, YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM:SS, YYYY-MM-DDTHH:MM:SS+07:00 or DD/MM/YYYY");
    }

    @Test
    void aTypoInSiteYmlIsAWarningWithItsLineAndTheSiteStillBuilds() throws Exception {
        InlineSite.Built built = InlineSite.in(temp)
                .file("site.yml", "title: Bản tin\nbaseUrl: https://example.org/\npagesize: 1\n")
                .file("content/2015/a.md", "---\ntitle: Tin một\ndate: 2015-01-02\n---\nThân bài một.\n")
                .file("content/2015/b.md", "---\ntitle: Tin hai\ndate: 2015-01-03\n---\nThân bài hai.\n")
                .build();
        assertThat(built.succeeded()).isTrue();
        assertThat(built.messages()).containsExactly(
                "site.yml:3: warning: unknown key `pagesize` looks like a typo of `pageSize`\n"
                        + "    hint: rename it to `pageSize` (unknown keys are passed to templates as site.params)");
        assertThat(built.page("2015/01/tin-mot/index.html")).contains("Thân bài một.");
        // The typo is not the setting: the home page keeps the default of 10 articles, so no page 2.
        assertThat(built.has("page/2/index.html")).isFalse();
        assertThat(built.page("index.html")).contains("Tin một", "Tin hai");
    }
}
