package io.gazette.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagSuggesterTest {
    private final TagSuggester suggester = new TagSuggester(TagRules.defaults());

    @Test
    void seedGetsTopicsInVocabularyOrderThenOrganisationsByMentions() {
        Conversion.Converted seed = Fixtures.converted(Fixtures.text(Fixtures.SEED), "a.txt");

        assertThat(seed.article().tags()).extracting(TagSuggestion::toString).containsExactly(
                "Hội nghị (in the title)",
                "Sơ kết (in the title)",
                "Thi đua khen thưởng (28 times in the text)",
                "Bộ Xây dựng (named 3 times)",
                "Bộ Nội vụ (named 3 times)");
    }

    @Test
    void organisationNamesStopAtPunctuationAndAtAPersonsName() {
        assertThat(suggester.organisations(List.of(
                "Thứ trưởng Bộ Nội vụ Trần Thị Hà, Bộ Xây dựng – Cao Lại Quang, tại Bộ Kế hoạch và Đầu tư.",
                "Bộ Công thương và Phòng Thương mại và Công nghiệp Việt Nam; các Bộ, ngành; Hội đồng thi đua")))
                .containsExactly(
                        java.util.Map.entry("Bộ Nội vụ", 1),
                        java.util.Map.entry("Bộ Xây dựng", 1),
                        java.util.Map.entry("Bộ Kế hoạch và Đầu tư", 1),
                        java.util.Map.entry("Bộ Công thương", 1),
                        java.util.Map.entry("Phòng Thương mại và Công nghiệp", 1));
    }

    @Test
    void topicsIgnoreCaseAndPunctuationButNotDiacritics() {
        List<TagSuggestion> tags = suggester.suggest("Tin tức", List.of(
                "Công tác Thi đua, khen thưởng năm nay.", "Thi đua – Khen thưởng là trọng tâm.",
                "Hội nghi một.", "Hội nghi hai."));

        assertThat(tags).extracting(TagSuggestion::tag).containsExactly("Thi đua khen thưởng");
    }

    @Test
    void aTopicMentionedOnceOutsideTheTitleIsNotEnough() {
        assertThat(suggester.suggest("Tin tức", List.of("Sau hội thảo, các đại biểu ra về."))).isEmpty();
    }

    @Test
    void peopleAreNeverSuggestedHoweverOftenNamed() {
        List<TagSuggestion> tags = suggester.suggest("Tin", List.of("Ông Trần Văn An nói.", "Trần Văn An cho biết.",
                "Trần Văn An kết luận."));

        assertThat(tags).isEmpty();
    }

    @Test
    void rulesFromAFileReplaceTheDefaultsFieldByField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "topics: [Điển hình tiên tiến]\nmaxTags: 1\n");

        TagRules rules = TagRules.load(file);
        List<TagSuggestion> tags = new TagSuggester(rules).suggest(Fixtures.text(Fixtures.SEED).split("\n")[2],
                List.of(Fixtures.text(Fixtures.SEED)));

        assertThat(rules.organisationHeads()).isEqualTo(TagRules.defaults().organisationHeads());
        assertThat(tags).extracting(TagSuggestion::toString).containsExactly("Điển hình tiên tiến (2 times in the text)");
    }

    @Test
    void badRulesFileIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "topics: !!javax.script.ScriptEngineManager []\n");
        assertThatThrownBy(() -> TagRules.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules.yml");

        Files.writeString(file, "maxTags: many\n");
        assertThatThrownBy(() -> TagRules.load(file)).hasMessageContaining("maxTags must be a whole number");
    }
}
