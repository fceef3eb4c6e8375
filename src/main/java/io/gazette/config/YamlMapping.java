package io.gazette.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping together with the line each top-level key (and each item of a top-level list)
 * sits on, so that a problem with a field can be reported as {@code file:line}.
 *
 * @param keyLines 1-based line of each key, counted within the YAML text itself
 */
public record YamlMapping(Map<String, Object> values, Map<String, Integer> keyLines) {

    public static final YamlMapping EMPTY = new YamlMapping(Map.of(), Map.of());

    /** Thrown for YAML that does not parse or is not a mapping; {@code line} is 1-based, 0 if unknown. */
    public static final class YamlError extends Exception {
        private final int line;

        YamlError(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static YamlMapping parse(String yamlText) throws YamlError {
        if (yamlText.isBlank()) {
            return EMPTY;
        }
        YamlMapping plain = PlainYamlMapping.read(yamlText);
        return plain != null ? plain : parseWithSnakeYaml(yamlText);
    }

    /** {@link #parse} without the plain-lines fast path: the reference it is tested against. */
    static YamlMapping parseWithSnakeYaml(String yamlText) throws YamlError {
        try {
            SafeYaml.Reader yaml = SafeYaml.reader();
            Node root = yaml.compose(yamlText);
            if (root == null) {
                return EMPTY;
            }
            if (!(root instanceof MappingNode mapping)) {
                throw new YamlError("expected `key: value` lines, found " + describe(root),
                        root.getStartMark().getLine() + 1);
            }
            refuseRecursion(root, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), 0);
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    lines.put(key.getValue(), key.getStartMark().getLine() + 1);
                    if (tuple.getValueNode() instanceof SequenceNode items) {
                        for (int i = 0; i < items.getValue().size(); i++) {
                            lines.put(itemKey(key.getValue(), i), items.getValue().get(i).getStartMark().getLine() + 1);
                        }
                    }
                }
            }
            Object loaded = yaml.construct(root);
            Map<String, Object> values = new LinkedHashMap<>();
            ((Map<?, ?>) loaded).forEach((k, v) -> values.put(String.valueOf(k), v));
            return new YamlMapping(values, lines);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new YamlError(problem.strip(), mark == null ? 0 : mark.getLine() + 1);
        } catch (YAMLException e) {
            throw new YamlError(firstLine(e.getMessage()), 0);
        }
    }

    /** The key under which {@link #keyLines} records the line of item {@code index} of list {@code key}. */
    public static String itemKey(String key, int index) {
        return key + "[" + index + "]";
    }

    public int lineOf(String key) {
        return keyLines.getOrDefault(key, 0);
    }

    private static String describe(Node node) {
        return switch (node.getNodeId()) {
            case scalar -> "a single value";
            case sequence -> "a list";
            default -> node.getNodeId().name();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * An alias inside the collection it names ({@code a: &x [*x]}) makes a value that contains
     * itself: every later hash or print of it overflows the stack. Found by the fuzz harness.
     */
    private static void refuseRecursion(Node node, java.util.Set<Node> path, int depth) throws YamlError {
        if (!(node instanceof MappingNode) && !(node instanceof SequenceNode)) {
            return;
        }
        if (!path.add(node) || depth > io.gazette.problems.Limits.MAX_YAML_NESTING + 1) {
            throw new YamlError("an alias (`*name`) refers to the list or mapping it is inside of",
                    node.getStartMark().getLine() + 1);
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                refuseRecursion(item, path, depth + 1);
            }
        } else {
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                refuseRecursion(tuple.getKeyNode(), path, depth + 1);
                refuseRecursion(tuple.getValueNode(), path, depth + 1);
            }
        }
        path.remove(node);
    }
}
