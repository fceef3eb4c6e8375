package io.gazette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM options each command runs with, from {@code jvm.options} (the file ./gazette reads in a
 * checkout; the jar carries a copy as {@code gazette/jvm.options}). One line per command, or
 * {@code default}: the command name, then its options.
 */
final class JvmOptions {
    static final String RESOURCE = "/gazette/jvm.options";

    private final Map<String, List<String>> byCommand;

    private JvmOptions(Map<String, List<String>> byCommand) {
        this.byCommand = byCommand;
    }

    static JvmOptions parse(String text) {
        Map<String, List<String>> byCommand = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(trimmed.split("\\s+"));
            byCommand.put(words.get(0), List.copyOf(words.subList(1, words.size())));
        }
        return new JvmOptions(byCommand);
    }

    /** The copy inside the jar; no options when it is missing (a development class path). */
    static JvmOptions bundled() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            return parse(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return parse("");
        }
    }

    /** The options for {@code command}: its own line, else the {@code default} line. */
    List<String> forCommand(String command) {
        List<String> own = byCommand.get(command);
        return own != null ? own : byCommand.getOrDefault("default", List.of());
    }

    /** {@code GAZETTE_JAVA_OPTS} when set and not blank, else {@link #forCommand}. */
    List<String> forCommand(String command, String environmentOverride) {
        if (environmentOverride != null && !environmentOverride.isBlank()) {
            return new ArrayList<>(Arrays.asList(environmentOverride.strip().split("\\s+")));
        }
        return forCommand(command);
    }
}
