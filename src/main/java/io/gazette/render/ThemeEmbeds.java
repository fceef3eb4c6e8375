package io.gazette.render;

import io.gazette.problems.Quote;
import io.gazette.markdown.EmbedRenderer;
import io.gazette.media.MediaRefs;
import io.gazette.media.MediaResolver;
import io.gazette.media.Photo;
import io.gazette.problems.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The embeds an editor can type, each checked here and drawn by the theme's
 * {@code templates/embeds/<name>.peb}:
 * <ul>
 * <li>{@code {{< youtube id="…" title="…" start="90" >}}}: a local placeholder; nothing is loaded
 *     from YouTube until the reader clicks it (then {@code youtube-nocookie.com});</li>
 * <li>{@code {{< video src="clip.mp4" poster="anh.jpg" caption="…" >}}}: a self-hosted video;</li>
 * <li>{@code {{< pdf src="qd.pdf" title="…" >}}}: the browser's PDF viewer, and the file listed
 *     under the article;</li>
 * <li>{@code {{< gallery src="a.jpg b.jpg" caption="…" >}}}: photos, resized like any other;
 *     without {@code src}, every photo of the article's folder.</li>
 * </ul>
 */
public final class ThemeEmbeds implements EmbedRenderer {
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Map<String, Set<String>> PARAMS = Map.of(
            "youtube", Set.of("id", "title", "start"),
            "video", Set.of("src", "poster", "caption", "title"),
            "pdf", Set.of("src", "title"),
            "gallery", Set.of("src", "caption"));

    private final TemplateRenderer templates;
    private final String basePath;

    /** @param basePath the site's base path ({@code /archive/}), for files given from the site root */
    public ThemeEmbeds(TemplateRenderer templates, String basePath) {
        this.templates = templates;
        this.basePath = basePath;
    }

    @Override
    public String render(String name, Map<String, String> params, int line, MediaResolver media) {
        Set<String> known = PARAMS.get(name);
        if (known == null) {
            media.report(Problem.error(media.shown(), line, "unknown embed " + Quote.code(name),
                    "the embeds are " + String.join(", ", new TreeSet<>(PARAMS.keySet()))
                            + "; e.g. {{< youtube id=\"dQw4w9WgXcQ\" >}}"));
            return "";
        }
        for (String param : params.keySet()) {
            if (!known.contains(param)) {
                media.report(Problem.error(media.shown(), line, "embed " + Quote.code(name) + " has no parameter " + Quote.code(param),
                        "its parameters are " + String.join(", ", new TreeSet<>(known))));
                return "";
            }
        }
        Map<String, Object> model = new HashMap<>(params);
        boolean ok = switch (name) {
            case "youtube" -> youtube(params, line, media, model);
            case "video" -> video(params, line, media, model, basePath);
            case "pdf" -> pdf(params, line, media, model);
            default -> gallery(params, line, media, model);
        };
        if (!ok) {
            return "";
        }
        media.embedded();
        String template = "embeds/" + name + ".peb";
        if (!templates.exists(template)) {
            media.report(Problem.error(media.shown(), line, "the theme has no template " + template,
                    "add templates/" + template + " to the theme (the default theme has one)"));
            return "";
        }
        try {
            return templates.render(template, model).strip() + "\n";
        } catch (TemplateRenderer.RenderFailure e) {
            media.report(e.problem());
            return "";
        }
    }

    private static boolean youtube(Map<String, String> params, int line, MediaResolver media, Map<String, Object> model) {
        String id = params.getOrDefault("id", "");
        if (!YOUTUBE_ID.matcher(id).matches()) {
            media.report(Problem.error(media.shown(), line, "youtube embed: `id` must be the 11-character video id, not `"
                    + id + "`", "copy it from the video's address: youtube.com/watch?v=<id>"));
            return false;
        }
        String start = params.getOrDefault("start", "");
        if (!start.isEmpty() && !start.matches("\\d{1,6}")) {
            media.report(Problem.error(media.shown(), line, "youtube embed: `start` must be a number of seconds",
                    "e.g. start=\"90\" starts at 1:30"));
            return false;
        }
        return true;
    }

    private static boolean video(Map<String, String> params, int line, MediaResolver media, Map<String, Object> model,
            String basePath) {
        String src = params.getOrDefault("src", "");
        String lower = src.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".mp4") || lower.endsWith(".webm"))) {
            media.report(Problem.error(media.shown(), line, "video embed: `src` must be an .mp4 or .webm file, not `"
                    + src + "`", "put the video beside the article and write src=\"clip.mp4\""));
            return false;
        }
        if (MediaRefs.isRelative(src)) {
            String published = media.file(src, line);
            if (published == null) {
                return false;
            }
            model.put("src", published);
        } else if (!src.startsWith("/") || src.startsWith("//")) {
            media.report(Problem.error(media.shown(), line, "video embed: `src` must be a file of the site, not " + Quote.code(src),
                    "a video of another site is a link, or a youtube embed"));
            return false;
        } else {
            model.put("src", basePath + src.substring(1));
        }
        model.put("type", lower.endsWith(".webm") ? "video/webm" : "video/mp4");
        String poster = params.get("poster");
        if (poster != null) {
            Photo photo = media.photo(poster, line);
            if (photo == null) {
                if (MediaRefs.isRelative(poster)) {
                    return false; // reported
                }
                model.put("poster", poster.startsWith("/") && !poster.startsWith("//") ? basePath + poster.substring(1) : poster);
            } else {
                model.put("poster", photo.fallback().file());
            }
        }
        return true;
    }

    private boolean pdf(Map<String, String> params, int line, MediaResolver media, Map<String, Object> model) {
        String src = params.getOrDefault("src", "");
        if (!src.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            media.report(Problem.error(media.shown(), line, "pdf embed: `src` must be a .pdf file, not " + Quote.code(src),
                    "put the PDF beside the article and write src=\"qd.pdf\""));
            return false;
        }
        if (MediaRefs.isRelative(src)) {
            String published = media.document(src, params.getOrDefault("title", ""), line);
            if (published == null) {
                return false;
            }
            model.put("src", published);
        } else if (src.startsWith("/") && !src.startsWith("//")) {
            model.put("src", basePath + src.substring(1));
        } else {
            media.report(Problem.error(media.shown(), line, "pdf embed: `src` must be a file of the site, not " + Quote.code(src),
                    "put the PDF beside the article and write src=\"qd.pdf\""));
            return false;
        }
        model.putIfAbsent("title", src);
        return true;
    }

    private static boolean gallery(Map<String, String> params, int line, MediaResolver media, Map<String, Object> model) {
        List<Photo> photos = new ArrayList<>();
        String src = params.get("src");
        if (src == null) {
            photos.addAll(media.folderPhotos(line));
        } else {
            for (String ref : src.split("[\\s,]+")) {
                if (ref.isEmpty()) {
                    continue;
                }
                if (MediaRefs.kind(ref) != MediaRefs.Kind.PHOTO) {
                    media.report(Problem.error(media.shown(), line, "gallery embed: " + Quote.code(ref)
                            + " is not a JPEG or PNG file of the article's folder", "list photos beside the article: src=\"a.jpg b.jpg\""));
                    return false;
                }
                Photo photo = media.photo(ref, line);
                if (photo == null) {
                    return false;
                }
                photos.add(photo);
            }
        }
        if (photos.isEmpty()) {
            media.report(Problem.error(media.shown(), line, "gallery embed: no photos to show",
                    "put photos beside the article, or list them: src=\"a.jpg b.jpg\""));
            return false;
        }
        model.put("photos", photos);
        return true;
    }
}
