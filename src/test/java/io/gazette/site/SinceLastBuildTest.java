package io.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SinceLastBuildTest {
    private static final class Remembered extends SinceLastBuild.Kept {
    }

    @Test
    void onlyABuildAfterASuccessfulOneWithKnownChangesMayStartFromWhatTheStagesRemember() {
        SinceLastBuild since = new SinceLastBuild();
        since.start(Set.of());
        assertThat(since.everything()).as("the first build").isTrue();
        since.finish(true);

        since.start(Set.of(Path.of("content/a.md")));
        assertThat(since.everything()).as("the articles are not recorded yet").isTrue();
        since.recordArticles(new SinceLastBuild.ArticleChanges(false, Set.of(), List.of()));
        assertThat(since.everything()).isFalse();
        assertThat(since.changedFiles()).containsExactly(Path.of("content/a.md"));
        since.finish(false);

        since.start(Set.of());
        since.recordArticles(new SinceLastBuild.ArticleChanges(false, Set.of(), List.of()));
        assertThat(since.everything()).as("after a failed build").isTrue();
        // no finish: the build threw

        since.start(Set.of());
        since.recordArticles(new SinceLastBuild.ArticleChanges(false, Set.of(), List.of()));
        assertThat(since.everything()).as("after a build that did not finish").isTrue();
        since.finish(true);

        since.start(null);
        since.recordArticles(new SinceLastBuild.ArticleChanges(false, Set.of(), List.of()));
        assertThat(since.everything()).as("changed files not known").isTrue();
        since.finish(true);

        since.start(Set.of());
        since.recordArticles(SinceLastBuild.ArticleChanges.EVERYTHING);
        assertThat(since.everything()).as("the model could not tell which articles changed").isTrue();
    }

    @Test
    void whatABuildDidNotUseIsDroppedAfterIt() {
        SinceLastBuild since = new SinceLastBuild();
        Map<String, Remembered> kept = new LinkedHashMap<>();
        since.start(null);
        for (String key : List.of("a", "b", "c")) {
            Remembered r = new Remembered();
            assertThat(since.markUsed(r)).isTrue();
            assertThat(since.markUsed(r)).as("marked twice in one build").isFalse();
            kept.put(key, r);
        }
        since.finish(true);

        since.start(Set.of());
        assertThat(since.usedNow(kept.get("a"))).isFalse();
        since.markUsed(kept.get("b"));
        List<String> dropped = new ArrayList<>();
        since.dropUnused(kept, (key, r) -> dropped.add(key));
        assertThat(dropped).containsExactly("a", "c");
        assertThat(kept).containsOnlyKeys("b");
    }

    @Test
    void theSiteIsAssembledOncePerBuild() {
        SinceLastBuild since = new SinceLastBuild();
        since.start(Set.of());
        since.recordArticles(SinceLastBuild.ArticleChanges.EVERYTHING);
        assertThatThrownBy(() -> since.recordArticles(SinceLastBuild.ArticleChanges.EVERYTHING))
                .isInstanceOf(IllegalStateException.class);
        since.start(Set.of());
        since.recordArticles(SinceLastBuild.ArticleChanges.EVERYTHING);
    }
}
