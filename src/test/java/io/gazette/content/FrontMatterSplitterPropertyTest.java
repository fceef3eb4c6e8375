package io.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problems;
import io.gazette.text.SourceText;
import java.nio.file.Path;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever an editor types, the parser answers with a result or a located problem, never a crash. */
class FrontMatterSplitterPropertyTest {
    @Property(tries = 500)
    void arbitraryTextNeverThrows(@ForAll @StringLength(max = 400) String text) {
        Problems problems = new Problems();
        var result = new ContentLoader(Path.of("."), Path.of("content"), ZoneId.of("Asia/Ho_Chi_Minh"))
                .parse(Path.of("content/x.md"), text, problems);
        assertThat(result.isPresent() || problems.hasErrors()).isTrue();
    }

    @Property(tries = 500)
    void arbitraryFrontMatterNeverThrows(@ForAll @StringLength(max = 300) String yaml,
            @ForAll @StringLength(max = 100) String body) {
        Problems problems = new Problems();
        var result = new ContentLoader(Path.of("."), Path.of("content"), ZoneId.of("Asia/Ho_Chi_Minh"))
                .parse(Path.of("content/x.md"), "---\n" + yaml + "\n---\n" + body, problems);
        assertThat(result.isPresent() || problems.hasErrors()).isTrue();
        problems.sorted().forEach(p -> assertThat(p.line()).isBetween(0, yaml.split("\n", -1).length + 3));
    }

    @Property(tries = 300)
    void bodyIsKeptExactly(@ForAll @StringLength(max = 200) String body) {
        String clean = SourceText.normalise(body);
        Problems problems = new Problems();
        var result = new ContentLoader(Path.of("."), Path.of("content"), ZoneId.of("Asia/Ho_Chi_Minh"))
                .parse(Path.of("content/x.md"), "---\ntitle: A\ndate: 2014-08-18\n---\n" + clean, problems);
        assertThat(result).isPresent();
        assertThat(result.get().markdown()).isEqualTo(clean);
        assertThat(result.get().bodyFirstLine()).isEqualTo(5);
    }
}
