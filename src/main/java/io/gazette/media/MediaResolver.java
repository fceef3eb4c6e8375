package io.gazette.media;

import io.gazette.hash.Hashes;
import io.gazette.problems.Problem;
import io.gazette.problems.Quote;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves the relative references of one article ({@code ![x](anh.jpg)}, {@code image: anh.jpg},
 * {@code [Quyết định](qd.pdf)}) to files of its folder, as Hugo's page bundles do, and collects
 * what the article publishes: photo copies, documents, videos. A reference may not leave the
 * article's folder, nor (through a symbolic link) {@code content/}: {@link ArticleFolder} sees to
 * that. One instance per article and render; not thread-safe. (Its length is the one job's: each
 * kind of reference has its own rules, and they share the record of what is published under
 * which name.)
 */
public final class MediaResolver {
    private final ArticleFolder folder;
    private final Path articleDir;
    private final Path shown;
    private final MediaCache cache;
    private final String language;
    /** A set: the figure and the link resolver may both look at one reference; it is reported once. */
    private final java.util.Set<Problem> problems = new java.util.LinkedHashSet<>();
    private final Map<String, MediaFile> files = new TreeMap<>();
    private final Map<Path, Photo> photos = new HashMap<>();
    private final Map<Path, Attachment> attachments = new LinkedHashMap<>();
    private final Map<String, Path> publishedFrom = new HashMap<>();
    /** The line that first names each attachment, for warnings about it. */
    private final Map<Path, Integer> lines = new HashMap<>();
    private Photo lead;
    private boolean embeds;
    private boolean leadShown;

    /**
     * @param articleFile the article's Markdown file (absolute)
     * @param shown       the same, as shown in messages ({@code content/2014/bai/index.md})
     */
    public MediaResolver(Path contentDir, Path articleFile, Path shown, MediaCache cache, String language) {
        this.folder = new ArticleFolder(contentDir, articleFile, shown, problems);
        this.articleDir = folder.dir();
        this.shown = shown;
        this.cache = cache;
        this.language = language;
    }

    /** Whether the article is a bundle: an {@code index.md} whose folder is its own. */
    public boolean isBundle() {
        return folder.isBundle();
    }

    /** The photo a reference names, or null when it names none (not a relative photo path, or an error reported). */
    public Photo photo(String ref, int line) {
        if (MediaRefs.kind(ref) != MediaRefs.Kind.PHOTO) {
            return null;
        }
        Path file = folder.resolve(ref, line, "photo");
        return file == null ? null : photo(file, line);
    }

    /**
     * The URL to write for a link: for a document or file of the article's folder its published
     * name (relative to the page), otherwise null (leave the link as written).
     *
     * @param text the link's text, the name the attachment list shows
     */
    public String link(String ref, String text, int line) {
        MediaRefs.Kind kind = MediaRefs.kind(ref);
        if (kind == null) {
            return null;
        }
        Path file = folder.resolve(ref, line, kind == MediaRefs.Kind.PHOTO ? "photo" : "file");
        if (file == null) {
            return ref;
        }
        if (kind == MediaRefs.Kind.PHOTO) {
            // A link to a photo opens its widest copy: the original may carry the camera's location.
            Photo photo = photo(file, line);
            return photo == null ? ref : photo.largest().file() + MediaRefs.suffixOf(ref);
        }
        String published = kind == MediaRefs.Kind.ATTACHMENT ? attach(file, text, line) : copy(file, line);
        return published == null ? ref : published + MediaRefs.suffixOf(ref);
    }

    /** A document of the article's folder, listed under it; its published name, or null after an error. */
    public String document(String ref, String text, int line) {
        if (MediaRefs.kind(ref) != MediaRefs.Kind.ATTACHMENT) {
            return null;
        }
        Path file = folder.resolve(ref, line, "document");
        return file == null ? null : attach(file, text, line);
    }

    /** A file of the article's folder copied as it is (a video); its published name, or null after an error. */
    public String file(String ref, int line) {
        Path file = folder.resolve(ref, line, "file");
        return file == null ? null : copy(file, line);
    }

    /** The lead photo named by {@code image:} in the front matter, when it is a relative path. */
    public void lead(String ref, int line) {
        if (ref == null || ref.isBlank() || MediaRefs.pathOf(ref) == null) {
            return;
        }
        if (MediaRefs.kind(ref) != MediaRefs.Kind.PHOTO) {
            problems.add(Problem.error(shown, line, Quote.code("image: " + ref) + " is not a JPEG or PNG file",
                    "give the lead photo as a .jpg or .png file beside the article, or a path under static/ starting with /"));
            return;
        }
        Path file = folder.resolve(ref, line, "lead photo");
        lead = file == null ? null : photo(file, line);
    }

    /** Whether the next photo shown in the body is the first thing a reader sees (no lead photo above it). */
    public boolean takeLeadPlace() {
        boolean first = lead == null && !leadShown;
        leadShown = true;
        return first;
    }

    /** Every photo directly in a bundle's folder, by file name: what a gallery without a list shows. */
    public List<Photo> folderPhotos(int line) {
        List<Photo> found = new ArrayList<>();
        if (!isBundle()) {
            problems.add(Problem.error(shown, line, "a gallery without `src` shows the photos of the article's folder,"
                    + " but this article is not in a folder of its own",
                    "move the article to <slug>/index.md with its photos beside it, or list them: src=\"a.jpg b.jpg\""));
            return found;
        }
        for (Path file : folder.list()) {
            if (MediaRefs.kind(file.getFileName().toString()) == MediaRefs.Kind.PHOTO) {
                Photo photo = photo(file, line);
                if (photo != null) {
                    found.add(photo);
                }
            }
        }
        return found;
    }

    /** The body has an embed: its page loads the theme's embed styles and script. */
    public void embedded() {
        embeds = true;
    }

    /** A problem found while rendering the body, reported with the others. */
    public void report(Problem problem) {
        problems.add(problem);
    }

    public Path shown() {
        return shown;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * What the article publishes. A bundle's documents are listed even when the text does not
     * link them: an editor who drops a PDF beside {@code index.md} wants it published.
     */
    public ArticleMedia result() {
        if (isBundle()) {
            for (Path file : folder.list()) {
                if (MediaRefs.kind(file.getFileName().toString()) == MediaRefs.Kind.ATTACHMENT
                        && !attachments.containsKey(file)) {
                    attach(file, "", 0);
                }
            }
        }
        if (files.isEmpty() && lead == null && !embeds) {
            return ArticleMedia.NONE;
        }
        // 64 bits of SHA-256 over what the article publishes, so that two different media states
        // of one article are told apart (a sum of 32-bit hashCodes could collide and leave a page stale).
        MessageDigest sha = Hashes.sha256();
        StringBuilder state = new StringBuilder();
        for (MediaFile file : files.values()) {
            state.append(file.file()).append('\0').append(file.fingerprint()).append('\n');
        }
        attachments.values().forEach(attachment -> state.append(attachment).append('\n'));
        List<ArticleMedia.PdfText> documents = documents();
        state.append(lead).append('\n').append(embeds).append('\n').append(documents);
        long hash = ByteBuffer.wrap(sha.digest(state.toString().getBytes(StandardCharsets.UTF_8))).getLong();
        return new ArticleMedia(List.copyOf(files.values()), List.copyOf(attachments.values()), lead, embeds,
                documents, hash);
    }

    /**
     * The attached PDFs that have text, each with its text's entry in the cache (read or
     * extracted now, kept there); a PDF without text is a warning.
     */
    private List<ArticleMedia.PdfText> documents() {
        List<ArticleMedia.PdfText> documents = new ArrayList<>();
        for (Map.Entry<Path, Attachment> attachment : attachments.entrySet()) {
            if (!attachment.getValue().isPdf()) {
                continue;
            }
            Path file = attachment.getKey();
            try {
                Path cached = DocumentText.cached(file, cache);
                DocumentText found = DocumentText.read(cached);
                if (found.warning() != null) {
                    problems.add(Problem.warning(shown, lines.getOrDefault(file, 0), Quote.code(articleDir.relativize(file))
                            + ": " + found.warning(), "the file is still published; to make it searchable,"
                            + " publish a PDF with text (run OCR on a scan), or write its key points in the article"));
                } else if (!found.text().isEmpty()) {
                    documents.add(new ArticleMedia.PdfText(file, cached));
                }
            } catch (IOException e) {
                problems.add(Problem.warning(shown, lines.getOrDefault(file, 0), "cannot read "
                        + Quote.code(articleDir.relativize(file)) + ": " + e.getMessage(), "check the file's permissions"));
            }
        }
        return List.copyOf(documents);
    }

    private Photo photo(Path file, int line) {
        Photo known = photos.get(file);
        if (known != null || photos.containsKey(file)) {
            return known;
        }
        Photo photo = null;
        try {
            PhotoInfo info = cache.probe(file);
            String relative = articleDir.relativize(file).toString().replace('\\', '/');
            String ext = info.format().equals("png") ? "png" : "jpg";
            List<Photo.Variant> variants = new ArrayList<>();
            for (int width : PhotoSettings.widthsFor(info.width())) {
                variants.add(new Photo.Variant(MediaRefs.publishedName(relative, "-" + width, ext), width,
                        PhotoProcessor.heightFor(info, width)));
            }
            photo = new Photo(file, info, List.copyOf(variants));
            PhotoJob job = new PhotoJob(photo, cache);
            long stamp = Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
            for (Photo.Variant v : variants) {
                if (claim(v.file(), file, line)) {
                    files.put(v.file(), new MediaFile(v.file(), stamp * 31 + PhotoSettings.VERSION.hashCode() + v.width(),
                            file, job, v.width(), line));
                }
            }
        } catch (MediaException e) {
            problems.add(Problem.error(shown, line, "the photo " + Quote.code(articleDir.relativize(file)) + " cannot be used: "
                    + e.getMessage(), "replace it with a JPEG or PNG file that opens in an image viewer"));
        } catch (IOException e) {
            problems.add(Problem.error(shown, line, "cannot read the photo " + Quote.code(articleDir.relativize(file)) + ": "
                    + e.getMessage(), "check the file's permissions"));
        }
        photos.put(file, photo);
        return photo;
    }

    private String attach(Path file, String text, int line) {
        Attachment known = attachments.get(file);
        if (known != null) {
            return known.file();
        }
        String relative = articleDir.relativize(file).toString().replace('\\', '/');
        String ext = MediaRefs.extension(relative);
        String published = copy(file, line);
        if (published == null) {
            return null;
        }
        try {
            String name = text == null || text.isBlank() ? file.getFileName().toString() : text.strip();
            lines.putIfAbsent(file, line);
            attachments.put(file, new Attachment(name, published, MediaRefs.ATTACHMENT_TYPES.get(ext), Files.size(file),
                    language));
        } catch (IOException e) {
            problems.add(Problem.error(shown, line, "cannot read " + Quote.code(relative) + ": " + e.getMessage(),
                    "check the file's permissions"));
            return null;
        }
        return published;
    }

    private String copy(Path file, int line) {
        String relative = articleDir.relativize(file).toString().replace('\\', '/');
        String published = MediaRefs.publishedName(relative, "", MediaRefs.extension(relative));
        MediaFile known = files.get(published);
        if (known != null && known.source().equals(file) && known.photo() == null) {
            return published;
        }
        if (!claim(published, file, line)) {
            return null;
        }
        try {
            files.put(published, MediaFile.copy(published, file, line));
        } catch (IOException e) {
            problems.add(Problem.error(shown, line, "cannot read " + Quote.code(relative) + ": " + e.getMessage(),
                    "check the file's permissions"));
            return null;
        }
        return published;
    }

    /** Two files whose published names are the same (`Ảnh.jpg` and `anh.jpg`) would overwrite each other. */
    private boolean claim(String published, Path file, int line) {
        Path before = publishedFrom.putIfAbsent(published, file);
        if (before == null || before.equals(file)) {
            return true;
        }
        problems.add(Problem.error(shown, line, Quote.code(articleDir.relativize(file)) + " and " + Quote.code(articleDir.relativize(before))
                + " would both be published as " + published, "rename one of them"));
        return false;
    }
}
