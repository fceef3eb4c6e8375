package io.gazette.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.hash.Hashes;
import io.gazette.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which Markdown file each article page of a built site came from, so that {@code gazette check
 * --site public} can report a broken link where it was written rather than only in the HTML. The
 * build leaves it in the project, {@code .gazette/source-maps/<hash of the output folder>.json},
 * never in the output: nothing of it is published.
 */
public final class SourceMap {
    static final String DIR = ".gazette/source-maps";

    private final Map<String, String> sourceOfPage;

    private SourceMap(Map<String, String> sourceOfPage) {
        this.sourceOfPage = sourceOfPage;
    }

    /** The Markdown file (relative to the project) of an output file (relative to the output folder). */
    public Optional<Path> sourceOf(String outputFile) {
        String source = sourceOfPage.get(outputFile.replace('\\', '/'));
        return Optional.ofNullable(source).map(Path::of);
    }

    public int size() {
        return sourceOfPage.size();
    }

    static Path file(Path projectDir, Path outputDir) {
        String key = outputDir.toAbsolutePath().normalize().toString();
        return projectDir.resolve(DIR).resolve(Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".json");
    }

    /**
     * Writes the map, unless the file there already holds this one (its digest says so): an
     * incremental build mostly leaves every page where it was, and sorting and writing 100,000
     * pages' sources took 0.3-0.4 s of a 9.5 s build that changed nothing.
     */
    static void write(Path projectDir, Path outputDir, Map<String, String> sourceOfPage) throws IOException {
        prepare(projectDir, outputDir, sourceOfPage).publish();
    }

    /**
     * Writes the map beside its file, to be put in place by {@link Pending#publish} once the
     * output it describes is: a build prepares it while its search runs on the other core (at
     * 100,000 articles a changed map took 0.4-0.5 s at the end of the build), and a build that
     * fails leaves the last map, which still describes the output in place.
     */
    static Pending prepare(Path projectDir, Path outputDir, Map<String, String> sourceOfPage) throws IOException {
        Path file = file(projectDir, outputDir);
        String digest = digest(sourceOfPage);
        if (digest.equals(writtenDigest(file))) {
            return new Pending(null, file);
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".source-map-", ".json");
        try (java.io.Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            try (JsonGenerator json = Json.lineWriter(out)) {
                json.writeStartObject();
                json.writeStringField("output", outputDir.toAbsolutePath().normalize().toString());
                json.writeStringField("digest", digest); // before the pages: read without them
                json.writeObjectFieldStart("pages");
                for (Map.Entry<String, String> page : new TreeMap<>(sourceOfPage).entrySet()) {
                    json.writeStringField(page.getKey(), page.getValue().replace('\\', '/'));
                }
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Pending(temp, file);
    }

    /** A map written beside its file ({@code temp}), or none when the file holds it already ({@code temp} null). */
    record Pending(Path temp, Path file) {
        /** Puts the map in place. */
        void publish() throws IOException {
            if (temp != null) {
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }

        /** Leaves the map in place as it was (the build failed). */
        void discard() {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                // A stray temporary file in .gazette/source-maps costs nothing but its bytes.
            }
        }
    }

    /**
     * A digest of the map's entries that does not depend on their order (no sort needed): the
     * count and two sums of each entry's 128-bit MurmurHash3, in hex.
     */
    static String digest(Map<String, String> sourceOfPage) {
        long low = 0;
        long high = 0;
        for (Map.Entry<String, String> page : sourceOfPage.entrySet()) {
            byte[] entry = (page.getKey() + '\n' + page.getValue().replace('\\', '/')).getBytes(StandardCharsets.UTF_8);
            long[] hash = Hashes.murmur3x64128(entry, 0, entry.length, 0);
            low += hash[0];
            high += hash[1];
        }
        return String.format("%d-%016x%016x", sourceOfPage.size(), high, low);
    }

    /** The digest of the map in {@code file}, or null when it has none (or none can be read). */
    private static String writtenDigest(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("digest".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                if (value != JsonToken.VALUE_STRING) {
                    return null; // the pages come after the digest
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The map the last build into {@code outputDir} left in {@code projectDir}, if any. */
    public static Optional<SourceMap> read(Path projectDir, Path outputDir) {
        Path file = file(projectDir, outputDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> pages = new TreeMap<>();
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("pages".equals(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String page = parser.currentName();
                        parser.nextToken();
                        pages.put(page, parser.getText());
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // a damaged map only costs the Markdown locations
        }
        return Optional.of(new SourceMap(pages));
    }

    /** Removes the map of {@code outputDir} (a temporary output that is gone). */
    public static void delete(Path projectDir, Path outputDir) throws IOException {
        Files.deleteIfExists(file(projectDir, outputDir));
    }
}
