package io.gazette.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the blocks between the date line and the end of the article into the Markdown body: the
 * signature that closes the article becomes the author, photo captions become images with the
 * caption as text ({@code ![caption]()} when the photo is lost, {@code ![caption](src)} when the
 * page still names it), and every other block stays a paragraph, as written.
 *
 * @param author       the signature, or null when the article is not signed
 * @param blocks       Markdown blocks in order
 * @param plainTexts   the article's text (captions included) for tag suggestion
 * @param pictureSources every image {@code src} the body refers to, in order
 */
record LegacyBody(String author, List<String> blocks, List<String> plainTexts, List<String> pictureSources) {

    /** Captions are one line under a photo; anything longer is a paragraph that lacks its period. */
    static final int MAX_CAPTION_LENGTH = 250;
    private static final int MAX_SIGNATURE_LENGTH = 60;
    private static final int MAX_SIGNATURE_NAME_WORDS = 6;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…:;,]\\s*[\"”’)]*$");
    /**
     * Words that mark a stand-alone line as the caption of a lost photo: who speaks, chairs,
     * presents or poses. Checked on lower-cased text.
     */
    private static final List<String> CAPTION_CUES = List.of(
            "phát biểu", "chủ trì", "toàn cảnh", "trao tặng", "trao bằng", "trao cờ", "trao giải",
            "trao danh hiệu", "trao quyết định", "chụp ảnh", "ký kết", "tặng hoa", "đón tiếp",
            "ảnh:", "(ảnh", "ảnh minh họa", "ảnh minh hoạ");

    LegacyBody {
        blocks = List.copyOf(blocks);
        plainTexts = List.copyOf(plainTexts);
        pictureSources = List.copyOf(pictureSources);
    }

    static LegacyBody of(List<Block> source) throws ImportFailure {
        List<Block> blocks = new ArrayList<>(source);
        String author = takeSignature(blocks);
        if (blocks.stream().noneMatch(b -> b instanceof Block.Text)) {
            throw new ImportFailure(source.isEmpty() ? 0 : source.get(0).line(),
                    "no article text after the date line");
        }
        List<String> markdown = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (block instanceof Block.Picture picture) {
                if (!picture.src().isEmpty()) {
                    sources.add(picture.src());
                }
                String caption = picture.alt();
                if (next instanceof Block.Text text && isCaptionUnderPhoto(text, blocks, i + 1)) {
                    caption = text.plain();
                    i++;
                }
                plain.add(caption);
                markdown.add(image(caption, picture.src()));
            } else if (block instanceof Block.Text text) {
                plain.add(text.plain());
                if (isLostPhotoCaption(text, next)) {
                    markdown.add(image(text.plain(), ""));
                } else {
                    markdown.add(text.markdown());
                }
            }
        }
        return new LegacyBody(author, markdown, plain, sources);
    }

    private static String image(String caption, String src) {
        return "![" + MarkdownText.escapeInline(caption) + "](" + MarkdownText.destination(src) + ")";
    }

    /** The text right under a photo is its caption when it reads like one. */
    private static boolean isCaptionUnderPhoto(Block.Text text, List<Block> blocks, int index) {
        if (!text.paragraph() || !isShortUnfinished(text.plain())) {
            return false;
        }
        // Not if it is the last text of the article: then it may be a closing line of the body.
        for (int j = index + 1; j < blocks.size(); j++) {
            if (blocks.get(j) instanceof Block.Text) {
                return true;
            }
        }
        return false;
    }

    /**
     * A paragraph that stands for a lost photo: a short line without a final period that is
     * either repeated as the opening of the next paragraph (the old site printed the caption
     * under the photo and again as the lead) or reads like a caption (see {@link #CAPTION_CUES}).
     */
    static boolean isLostPhotoCaption(Block.Text text, Block next) {
        String line = text.plain();
        if (!text.paragraph() || !isShortUnfinished(line)) {
            return false;
        }
        if (next instanceof Block.Text following && repeatsAsLead(line, following.plain())) {
            return true;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        return next != null && CAPTION_CUES.stream().anyMatch(lower::contains);
    }

    private static boolean repeatsAsLead(String caption, String paragraph) {
        if (!paragraph.startsWith(caption) || paragraph.length() == caption.length()) {
            return false;
        }
        char after = paragraph.charAt(caption.length());
        return ".,;:!?…".indexOf(after) >= 0;
    }

    private static boolean isShortUnfinished(String line) {
        return !line.isEmpty() && line.length() <= MAX_CAPTION_LENGTH && !SENTENCE_END.matcher(line).matches()
                && Character.isUpperCase(line.codePointAt(0));
    }

    /**
     * Removes and returns the signature: the last block when it is a short line whose name part
     * (before a "(" or a dash) is one to six capitalised words, as in {@code Quỳnh Anh} or
     * {@code Minh Hằng (Văn phòng Khối)}. "Theo Báo Xây dựng" is a source, not a signature: its
     * last word is lower case.
     */
    private static String takeSignature(List<Block> blocks) {
        if (blocks.size() < 2 || !(blocks.get(blocks.size() - 1) instanceof Block.Text last)) {
            return null;
        }
        if (!last.paragraph() || !isSignature(last.plain())) {
            return null;
        }
        blocks.remove(blocks.size() - 1);
        return last.plain();
    }

    static boolean isSignature(String line) {
        if (line.isEmpty() || line.length() > MAX_SIGNATURE_LENGTH || SENTENCE_END.matcher(line).matches()) {
            return false;
        }
        String name = line.split("\\s*\\(|\\s+[-–—]\\s+", 2)[0].trim();
        String[] words = name.split(" ");
        if (name.isEmpty() || words.length > MAX_SIGNATURE_NAME_WORDS) {
            return false;
        }
        for (String word : words) {
            int first = word.codePointAt(0);
            if (!Character.isUpperCase(first) || word.codePoints().anyMatch(c -> !Character.isLetter(c) && c != '.')) {
                return false;
            }
        }
        return true;
    }
}
