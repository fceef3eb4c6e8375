package io.gazette.legacy;

import io.gazette.text.VietnameseText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The small vocabulary behind tag suggestions; see {@code tag-rules.yml} beside this class for
 * what each field means. Loaded with SnakeYAML's safe constructor: a rules file is data.
 */
public record TagRules(List<String> topics, int minTopicMentions, List<String> organisationHeads,
                       int minOrganisationMentions, int maxTags) {
    private static final String DEFAULT_RESOURCE = "tag-rules.yml";

    public TagRules {
        topics = topics.stream().map(VietnameseText::nfc).map(SavedPageText::clean).filter(t -> !t.isEmpty()).toList();
        organisationHeads = organisationHeads.stream().map(VietnameseText::nfc).map(SavedPageText::clean)
                .filter(t -> !t.isEmpty()).toList();
        if (minTopicMentions < 1 || minOrganisationMentions < 1 || maxTags < 0) {
            throw new IllegalArgumentException("minTopicMentions and minOrganisationMentions must be at least 1, maxTags at least 0");
        }
    }

    /** The rules shipped with Gazette. */
    public static TagRules defaults() {
        try (InputStream in = TagRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules from a YAML file; fields it leaves out keep their default. */
    public static TagRules load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static TagRules parse(String yaml, String name) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": expected a mapping with topics, organisationHeads, ...");
        }
        TagRules base = name.equals(DEFAULT_RESOURCE) ? null : defaults();
        try {
            return rules(map, base, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(name) ? e.getMessage() : name + ": " + e.getMessage(), e);
        }
    }

    private static TagRules rules(Map<?, ?> map, TagRules base, String name) {
        return new TagRules(
                strings(map, "topics", base == null ? List.of() : base.topics(), name),
                integer(map, "minTopicMentions", base == null ? 2 : base.minTopicMentions(), name),
                strings(map, "organisationHeads", base == null ? List.of() : base.organisationHeads(), name),
                integer(map, "minOrganisationMentions", base == null ? 2 : base.minOrganisationMentions(), name),
                integer(map, "maxTags", base == null ? 6 : base.maxTags(), name));
    }

    private static List<String> strings(Map<?, ?> map, String key, List<String> fallback, String name) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(name + ": " + key + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new IllegalArgumentException(name + ": " + key + " must be a list of strings, found " + item);
            }
            out.add(s);
        }
        return out;
    }

    private static int integer(Map<?, ?> map, String key, int fallback, String name) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer i)) {
            throw new IllegalArgumentException(name + ": " + key + " must be a whole number");
        }
        return i;
    }
}
