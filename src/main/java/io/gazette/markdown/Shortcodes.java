package io.gazette.markdown;

import io.gazette.problems.Quote;
import io.gazette.problems.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embeds written as Hugo writes shortcodes, each on a line of its own:
 * {@code {{< youtube id="dQw4w9WgXcQ" title="Hội nghị" >}}}. Before Markdown is parsed, each
 * such line (outside fenced code) becomes a placeholder paragraph; after rendering, the
 * placeholder is replaced by the embed's HTML. The placeholder is made of private-use characters
 * that no text typed by an editor contains.
 */
final class Shortcodes {
    private static final Pattern LINE = Pattern.compile("^ {0,3}\\{\\{<\\s*([A-Za-z][\\w-]*)((?:\\s+[^>]*)?)\\s*>}}\\s*$");
    private static final Pattern PARAM = Pattern.compile("\\s*([A-Za-z][\\w-]*)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    static final char MARK = '\uE000';

    /** One embed: its name, its parameters in the order written, and the file line it is on. */
    record Shortcode(String name, Map<String, String> params, int line) {
    }

    /** The text with embeds replaced by placeholders, and the embeds. */
    record Extracted(String markdown, List<Shortcode> shortcodes) {
    }

    private Shortcodes() {
    }

    static String placeholder(int index) {
        return MARK + "gazette-embed-" + index + MARK;
    }

    /**
     * @param problems receives malformed parameters, with their line
     */
    static Extracted extract(String markdown, int bodyFirstLine, Path shown, List<Problem> problems) {
        if (!markdown.contains("{{<")) {
            return new Extracted(markdown, List.of());
        }
        List<Shortcode> found = new ArrayList<>();
        StringBuilder out = new StringBuilder(markdown.length());
        String fence = null;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceMatch = FENCE.matcher(line);
            if (fenceMatch.find()) {
                String marker = fenceMatch.group(1);
                if (fence == null) {
                    fence = marker.substring(0, 1).repeat(marker.length());
                } else if (marker.startsWith(fence)) {
                    fence = null;
                }
            }
            Matcher m = fence == null ? LINE.matcher(line) : null;
            if (m != null && m.matches()) {
                int fileLine = bodyFirstLine + i;
                Map<String, String> params = new LinkedHashMap<>();
                String rest = m.group(2);
                Matcher p = PARAM.matcher(rest);
                int end = 0;
                while (p.find() && p.start() == end) {
                    params.put(p.group(1), p.group(2));
                    end = p.end();
                }
                if (!rest.substring(end).isBlank()) {
                    problems.add(Problem.error(shown, fileLine, "cannot read the parameters of embed " + Quote.code(m.group(1))
                            + ": " + Quote.code(rest.substring(end).strip()),
                            "write each parameter as name=\"value\", e.g. {{< youtube id=\"dQw4w9WgXcQ\" >}}"));
                }
                // A blank line on each side: the placeholder is a paragraph of its own.
                out.append('\n').append(placeholder(found.size())).append("\n\n");
                found.add(new Shortcode(m.group(1), params, fileLine));
            } else {
                out.append(line).append('\n');
            }
        }
        out.setLength(out.length() - 1);
        return new Extracted(out.toString(), found);
    }

    /** The rendered HTML with each placeholder paragraph replaced by its embed's HTML. */
    static String replace(String html, List<String> embeds) {
        String out = html;
        for (int i = 0; i < embeds.size(); i++) {
            out = out.replace("<p>" + placeholder(i) + "</p>", embeds.get(i));
        }
        return out;
    }
}
