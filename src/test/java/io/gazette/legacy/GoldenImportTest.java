package io.gazette.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gazette.build.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The acceptance tests: the seed page imports to exactly the hand-migrated article. */
class GoldenImportTest {

    @Test
    void seedImportsToTheHandMigratedArticleByteForByte() {
        Conversion.Converted result = (Conversion.Converted) new PageConverter(Fixtures.settings(Fixtures.CATEGORY))
                .convert(Fixtures.bytes(Fixtures.SEED), Fixtures.SEED);

        assertThat(result.markdown()).isEqualTo(Fixtures.handMigrated());
        assertThat("content/" + result.relativeTarget()).isEqualTo(Fixtures.ARTICLE);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void seedWithoutCategoryOptionHasNoCategoryButIsOtherwiseTheSame() {
        Conversion.Converted result = Fixtures.converted(Fixtures.text(Fixtures.SEED), Fixtures.SEED);

        assertThat(result.markdown()).isEqualTo(Fixtures.handMigrated().replace("category: Hoạt động của Khối\n", ""));
    }

    @Test
    void htmlPageOfTheSameArticleImportsToItsGolden() {
        Conversion.Converted result = Fixtures.converted(Fixtures.text(Fixtures.HTML), Fixtures.HTML);

        assertThat(result.markdown()).isEqualTo(Fixtures.text(Fixtures.HTML_EXPECTED));
        assertThat(result.relativeTarget()).isEqualTo("2014/hoi-nghi-so-ket-cong-tac-06-thang-dau-nam.md");
        assertThat(result.warnings()).containsExactly(
                "image /Uploads/images/2014/08/18/HN-so-ket-6-thang-1.jpg must be copied from the old site; the article refers to it",
                "image /Uploads/images/2014/08/18/HN-so-ket-6-thang-2.jpg must be copied from the old site; the article refers to it");
    }

    @Test
    void htmlGoldenDiffersFromTheTextImportOnlyWherePhotosAndBoldSurvived() {
        String fromHtml = Fixtures.text(Fixtures.HTML_EXPECTED);
        String withoutPhotos = fromHtml
                .replaceAll("\\]\\(/Uploads/[^)]*\\)", "]()")
                .replace("**Ngày 15/08/2014**", "Ngày 15/08/2014");

        assertThat(withoutPhotos).isEqualTo(Fixtures.handMigrated());
    }

    /** The seed on the shared drive, when this checkout sits beside it, imports to content/ too. */
    @Test
    void sharedSeedImportsToTheCommittedArticle() throws IOException {
        Path seed = TestSites.projectRoot().resolve("../shared/seed/legacy-article-2014-08-18.txt").normalize();
        assumeTrue(Files.isRegularFile(seed), "no shared seed beside the project");

        Conversion result = new PageConverter(Fixtures.settings(Fixtures.CATEGORY))
                .convert(Files.readAllBytes(seed), seed.getFileName().toString());

        assertThat(result).isInstanceOf(Conversion.Converted.class);
        assertThat(((Conversion.Converted) result).markdown())
                .isEqualTo(Files.readString(TestSites.projectRoot().resolve(Fixtures.ARTICLE)));
    }
}
