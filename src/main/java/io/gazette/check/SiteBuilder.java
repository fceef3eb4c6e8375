package io.gazette.check;

import io.gazette.problems.BuildFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code gazette check} needs from the build: build the project's site into a given (empty)
 * directory, with the published configuration (no drafts, no future posts unless the environment
 * says so), optionally overriding the base URL, and hand back what it found.
 */
@FunctionalInterface
public interface SiteBuilder {

    /**
     * @param outputDir empty directory to write the site into
     * @param baseUrlOverride the {@code --base-url} given to {@code gazette check}, if any; otherwise
     *     the build uses {@code GAZETTE_BASE_URL}, then {@code baseUrl} from site.yml
     * @throws BuildFailedException when the content has errors, carrying every problem found
     */
    BuildOutcome build(Path outputDir, Optional<String> baseUrlOverride) throws BuildFailedException, IOException;
}
