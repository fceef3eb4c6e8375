package io.gazette.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one way Gazette reads YAML (front matter, site.yml, language files): plain data only.
 * Global tags are refused (no {@code !!javax.script...} gadgets), aliases are capped (no billion
 * laughs), documents are size-limited and duplicate keys are an error. Timestamps are left as
 * strings so that we, not SnakeYAML's UTC default, decide which time zone a bare date is in.
 */
public final class SafeYaml {
    public static final int MAX_ALIASES = io.gazette.problems.Limits.MAX_YAML_ALIASES;
    public static final int MAX_CODE_POINTS = io.gazette.problems.Limits.MAX_YAML_CODE_POINTS;

    private SafeYaml() {
    }

    /** One per thread: {@link Yaml} is not thread-safe, but a thread may reuse its own. */
    private static final ThreadLocal<Reader> READERS = ThreadLocal.withInitial(Reader::new);

    /** This thread's reader. */
    static Reader reader() {
        return READERS.get();
    }

    /** A YAML reader that composes a document once and builds its plain values from the same tree. */
    static final class Reader {
        private final PlainConstructor constructor;
        private final Yaml yaml;

        private Reader() {
            LoaderOptions options = options();
            DumperOptions dumperOptions = new DumperOptions();
            constructor = new PlainConstructor(options);
            yaml = new Yaml(constructor, new Representer(dumperOptions), dumperOptions, options, new NoTimestampResolver());
        }

        org.yaml.snakeyaml.nodes.Node compose(String text) {
            return yaml.compose(new java.io.StringReader(text));
        }

        Object construct(org.yaml.snakeyaml.nodes.Node node) {
            return constructor.construct(node);
        }
    }

    /** Exposes construction from an already composed node, so a document is parsed only once. */
    private static final class PlainConstructor extends SafeConstructor {
        PlainConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(org.yaml.snakeyaml.nodes.Node node) {
            return constructDocument(node);
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(io.gazette.problems.Limits.MAX_YAML_NESTING);
        options.setTagInspector(tag -> false);
        return options;
    }

    /**
     * YAML 1.2 booleans only: under YAML 1.1 a tag or title written {@code Yes}, {@code No} or
     * {@code On} would silently become a boolean.
     */
    private static final java.util.regex.Pattern YAML_12_BOOL =
            java.util.regex.Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    private static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, YAML_12_BOOL, "tTfF");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }
}
