package io.gazette.fuzz;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Judges what a fuzzed build wrote: HTML parsed by jsoup with error tracking (as {@code gazette
 * check} does: any repair is a failure), XML by the JDK's parser, JSON by a strict reader; and
 * what it said: every error names a file (and a line, for content).
 */
final class OutputOracle {
    /** {@code content/x.md:3: error: ...} or {@code site.yml: error: ...}: a file, perhaps a line. */
    private static final Pattern LOCATED_ERROR = Pattern.compile("^[^\\s:][^:]*(:\\d+)?: error: .+");
    private static final ThreadLocal<DocumentBuilder> XML = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                    throw e;
                }
            });
            return builder;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    private OutputOracle() {
    }

    /** Empty when {@code path}'s content is well-formed for its kind, else what is wrong. */
    static Optional<String> check(String path, byte[] content) {
        if (path.startsWith("/") || java.util.Arrays.asList(path.split("/", -1)).contains("..") || path.contains("\\")
                || path.contains("//")) {
            return Optional.of("output path leaves the output folder: " + path);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content) && !isBinary(path)) {
            return Optional.of(path + ": not valid UTF-8");
        }
        if (path.endsWith(".html")) {
            return html(path, text);
        }
        if (path.endsWith(".xml")) {
            try {
                XML.get().parse(new ByteArrayInputStream(content));
                return Optional.empty();
            } catch (Exception e) {
                return Optional.of(path + ": XML not well-formed: " + e.getMessage());
            }
        }
        if (path.endsWith(".json")) {
            try {
                StrictJson.validate(text);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(path + ": JSON not well-formed: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static boolean isBinary(String path) {
        return !(path.endsWith(".html") || path.endsWith(".xml") || path.endsWith(".json") || path.endsWith(".txt"));
    }

    private static Optional<String> html(String path, String text) {
        Parser parser = Parser.htmlParser().setTrackErrors(5);
        Jsoup.parse(text, "", parser);
        List<ParseError> errors = parser.getErrors();
        if (!errors.isEmpty()) {
            return Optional.of(path + ": HTML parse errors: " + errors);
        }
        return Optional.empty();
    }

    /** Lines of the console saying {@code error:} that name no file. */
    static List<String> unlocatedErrors(String console) {
        return console.lines().filter(line -> line.startsWith("error: ") || line.contains(": error: "))
                .filter(line -> !LOCATED_ERROR.matcher(line).matches()).toList();
    }

    /** Signs of an exception that escaped: a stack trace or a JVM error on the console. */
    static boolean showsUncaughtException(String console) {
        return console.contains("\tat ") || console.contains("Exception in thread") || console.contains("Error: ")
                && console.contains("java.lang.") || console.contains("StackOverflowError") || console.contains("OutOfMemoryError");
    }
}
