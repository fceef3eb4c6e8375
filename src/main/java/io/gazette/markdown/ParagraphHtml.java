package io.gazette.markdown;

import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.LineAppendable;

/**
 * The HTML of a body that is nothing but paragraphs of text (with typographic marks, emphasis and
 * line breaks), written straight into a char array: the same characters Flexmark's
 * {@link HtmlRenderer} writes for it, without its line-formatting writer, which looks at every
 * character on its own, appends each to a builder one at a time and tracks indents and
 * whitespace (a sixth of the content stage at 10,000 real articles, most of whose bodies are
 * just that). Any other body is left to Flexmark: {@link #render} returns null for a document
 * holding any other node, and for a text whose whitespace that writer would change (a line it
 * starts with a space or a tab, whose leading spaces it drops, or a line end inside a text).
 *
 * <p>One instance serves every thread: it keeps no state between calls.
 */
final class ParagraphHtml {
    private final String softBreak;
    private final String hardBreak;
    /** False when the renderer's options make it write these nodes otherwise than assumed here. */
    private final boolean enabled;
    /**
     * What Flexmark writes for the marks of {@link #SMARTS}, and for a double and a single quote that open, close or
     * stay unmatched (indexed by {@link QuotePairs#OPEN}, {@link QuotePairs#CLOSE},
     * {@link QuotePairs#UNMATCHED}), as its parser with these options gives them (see
     * {@link #smarts(DataHolder, String)} and {@link #quotes}); null when it gives them otherwise than as a {@link TypographicSmarts},
     * {@link TypographicQuotes} and an unmatched quote as the probe expects: {@link #renderUnparsed}
     * then leaves bodies holding them to the parser.
     */
    private final String[] smarts;
    private final String[] doubleQuotes;
    private final String[] singleQuotes;
    /** The text {@link HtmlText} reads off each mark (see {@link #textOf}), or null. */
    private final String[] smartsText;
    private final String[] doubleQuotesText;
    private final String[] singleQuotesText;
    /** Which quotes of a paragraph Flexmark pairs, worked out without parsing. */
    private final QuotePairs quotePairs;
    /**
     * Whether {@link #renderUnparsed} can give a body's text too: when a soft break is a line end
     * (each line of a paragraph on a line of the HTML) and each mark it writes reads as one
     * character of text wherever it stands, the text {@link HtmlText} reads off the HTML of a body
     * whose only whitespace is single spaces is its lines, marks read, joined by spaces, and its
     * words are those of the Markdown.
     */
    private final boolean withText;

    /** @param options the options the {@link HtmlRenderer} this stands in for was built with */
    ParagraphHtml(DataHolder options) {
        softBreak = HtmlRenderer.SOFT_BREAK.get(options);
        hardBreak = HtmlRenderer.HARD_BREAK.get(options);
        enabled = HtmlRenderer.FORMAT_FLAGS.get(options) == LineAppendable.F_TRIM_LEADING_WHITESPACE
                && HtmlRenderer.INDENT_SIZE.get(options) == 0
                && HtmlRenderer.SOURCE_POSITION_ATTRIBUTE.get(options).isEmpty()
                && !HtmlRenderer.SOURCE_POSITION_PARAGRAPH_LINES.get(options)
                && !HtmlRenderer.NO_P_TAGS_USE_BR.get(options)
                && HtmlRenderer.EMPHASIS_STYLE_HTML_OPEN.get(options) == null
                && HtmlRenderer.EMPHASIS_STYLE_HTML_CLOSE.get(options) == null
                && HtmlRenderer.STRONG_EMPHASIS_STYLE_HTML_OPEN.get(options) == null
                && HtmlRenderer.STRONG_EMPHASIS_STYLE_HTML_CLOSE.get(options) == null
                && isPlainLine(softBreak) && isPlainLine(hardBreak);
        quotePairs = new QuotePairs(options);
        smarts = new String[SMARTS.length];
        for (int k = 0; k < SMARTS.length; k++) {
            smarts[k] = smarts(options, SMARTS[k]);
        }
        doubleQuotes = quotePairs.enabled ? quotes(options, '"') : null;
        singleQuotes = quotePairs.enabled ? quotes(options, '\'') : null;
        smartsText = textsOf(smarts, 0);
        doubleQuotesText = textsOf(doubleQuotes, QuotePairs.OPEN);
        singleQuotesText = textsOf(singleQuotes, QuotePairs.OPEN);
        withText = "\n".equals(softBreak) && smartsText != null && doubleQuotesText != null && singleQuotesText != null;
    }

    /**
     * {@link #textOf} each mark from {@code from} on; null when one of them is not sure to read as one
     * character (a mark that is null is never written: it needs none).
     */
    private static String[] textsOf(String[] marks, int from) {
        if (marks == null) {
            return new String[4];
        }
        String[] texts = new String[marks.length];
        for (int k = from; k < marks.length; k++) {
            texts[k] = textOf(marks[k]);
            if (texts[k] == null) {
                return null;
            }
        }
        return texts;
    }

    /**
     * The one character of text {@link HtmlText} reads off {@code mark} wherever it stands in a
     * paragraph, or null when it is not sure to be one: a character, or one reference ending within
     * the mark, that is no letter, digit or whitespace (it then neither joins nor splits a word and
     * is not merged with a space). "" for no mark: never written.
     */
    private static String textOf(String mark) {
        if (mark == null) {
            return "";
        }
        boolean reference = mark.startsWith("&") && mark.indexOf(';') == mark.length() - 1 && mark.length() <= 11
                && mark.lastIndexOf('&') == 0;
        if (mark.indexOf('<') >= 0 || mark.indexOf('&') >= 0 && !reference) {
            return null;
        }
        String text = HtmlText.of(mark);
        return text.length() == 1 && !CharTables.LETTER_OR_DIGIT[text.charAt(0)] && !CharTables.WHITESPACE[text.charAt(0)]
                ? text : null;
    }

    /**
     * A body written without parsing: its HTML and, when {@link #withText} and its only whitespace
     * is single spaces and line ends, its plain text, lead and word count, as {@link HtmlText}
     * would read them off the HTML (else null, null, -1).
     */
    record Unparsed(String html, String text, String lead, int words) {
    }

    /** The paragraph Flexmark's parser with {@code options} makes of {@code markdown}, or null. */
    private static Node paragraphOf(DataHolder options, String markdown) {
        Node paragraph = com.vladsch.flexmark.parser.Parser.builder(options).build().parse(markdown).getFirstChild();
        return paragraph instanceof Paragraph && paragraph.getNext() == null ? paragraph : null;
    }

    /**
     * The marks the typographic extension makes of text, each matched where the parser meets its
     * first character (every {@code .} and {@code -} it reads), the first that matches taken whole:
     * an ellipsis, a spaced one, an em dash, an en dash. Indexes of {@link #smarts}.
     */
    private static final String[] SMARTS = {"...", ". . .", "---", "--"};

    /**
     * What Flexmark's parser with {@code options} makes of {@code mark} between two letters: the
     * text of a {@link TypographicSmarts}, when it is a plain mark, else null.
     */
    private static String smarts(DataHolder options, String mark) {
        Node paragraph = paragraphOf(options, "b" + mark + "c\n");
        Node smarts = paragraph == null || paragraph.getFirstChild() == null ? null : paragraph.getFirstChild().getNext();
        return smarts instanceof TypographicSmarts e && smarts.getNext() instanceof Text
                && smarts.getNext().getChars().toString().equals("c") && smarts.getNext().getNext() == null
                && isPlainMark(e.getTypographicText()) ? e.getTypographicText() : null;
    }

    /** Which of {@link #SMARTS} starts at {@code md[at]}, or -1 (up to four characters after it are read). */
    private static int smartsAt(char[] md, int at) {
        char c = md[at];
        if (c == '.') {
            return md[at + 1] == '.' && md[at + 2] == '.' ? 0
                    : md[at + 1] == ' ' && md[at + 2] == '.' && md[at + 3] == ' ' && md[at + 4] == '.' ? 1 : -1;
        }
        return c == '-' && md[at + 1] == '-' ? md[at + 2] == '-' ? 2 : 3 : -1;
    }

    /**
     * What Flexmark's parser with {@code options} writes for a {@code quote} that opens, closes and
     * stays unmatched (see {@link QuotePairs}), or null when {@code "a" b"c} (with {@code quote})
     * is not a {@link TypographicQuotes} of plain marks holding the text {@code a}, then the text
     * {@code " b"}, then either a {@link TypographicSmarts} of a plain mark between the texts
     * {@code b} and {@code c} or, with no unmatched mark, the text {@code b"c} (written escaped).
     */
    private static String[] quotes(DataHolder options, char quote) {
        String q = String.valueOf(quote);
        Node paragraph = paragraphOf(options, q + "a" + q + " b" + q + "c\n");
        Node quotes = paragraph == null ? null : paragraph.getFirstChild();
        if (!(quotes instanceof TypographicQuotes pair) || !isPlainMark(pair.getTypographicOpening())
                || !isPlainMark(pair.getTypographicClosing()) || pair.getFirstChild() == null
                || !pair.getFirstChild().getChars().toString().equals("a") || pair.getFirstChild().getNext() != null) {
            return null;
        }
        Node rest = quotes.getNext();
        String unmatched;
        if (rest instanceof Text && rest.getChars().toString().equals(" b" + q + "c") && rest.getNext() == null) {
            unmatched = Escaping.escapeHtml(q, false);
        } else if (rest instanceof Text && rest.getChars().toString().equals(" b")
                && rest.getNext() instanceof TypographicSmarts smarts && isPlainMark(smarts.getTypographicText())
                && rest.getNext().getNext() instanceof Text && rest.getNext().getNext().getChars().toString().equals("c")
                && rest.getNext().getNext().getNext() == null) {
            unmatched = smarts.getTypographicText();
        } else {
            return null;
        }
        String[] marks = new String[4];
        marks[QuotePairs.OPEN] = pair.getTypographicOpening();
        marks[QuotePairs.CLOSE] = pair.getTypographicClosing();
        marks[QuotePairs.UNMATCHED] = unmatched;
        return marks;
    }

    /** A mark written as is by {@link #inlines}: not empty, no whitespace, left as is by {@link HtmlScrub}. */
    private static boolean isPlainMark(String text) {
        return text != null && !text.isEmpty() && text.chars().noneMatch(Character::isWhitespace)
                && HtmlScrub.clean(text).equals(text);
    }

    /** A break is written as is when only its end, if anything, is a line end. */
    private static boolean isPlainLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 || newline == text.length() - 1) && text.indexOf('\r') < 0
                && !text.startsWith(" ") && !text.startsWith("\t");
    }

    /** The document's HTML as Flexmark would write it, or null when it is not only paragraphs of text. */
    String render(Document document) {
        if (!enabled) {
            return null;
        }
        Out out = new Out(document.getTextLength() + 64);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block.getClass() != Paragraph.class) {
                return null;
            }
            out.raw("<p>");
            if (!inlines(block, out)) {
                return null;
            }
            out.raw("</p>\n");
            out.atLineStart = true;
        }
        return out.toString();
    }

    /**
     * Characters that may make a body more than plain paragraphs wherever they stand: markup
     * ({@code * _ ` [ ] < > ~ | # { }}), escapes and references ({@code \ &}), an e-mail's
     * {@code @} (autolinks), and every control character but the line feed. Quotes are plain:
     * {@link QuotePairs} says what the typographic extension makes of them.
     */
    private static final boolean[] NOT_PLAIN = new boolean[128];

    static {
        for (char c : "*_`[]<>~|#{}\\&@".toCharArray()) {
            NOT_PLAIN[c] = true;
        }
        for (char c = 0; c < 0x20; c++) {
            NOT_PLAIN[c] = c != '\n';
        }
        NOT_PLAIN[0x7F] = true;
    }

    /**
     * The HTML of a body of plain paragraphs, straight from its Markdown, without parsing it;
     * null for any other body, which must then be parsed. Plain: lines of text separated by empty
     * lines, no character of {@link #NOT_PLAIN} but the escapes and ampersands {@link #isLiteral}
     * takes as text (a third of the bodies the parser still got held one), dots and dashes
     * read as the typographic extension reads them ({@link #SMARTS}), no two quotes of a kind side by side
     * (a run of them; single ones are paired as {@link QuotePairs} pairs them), no {@code ://} or {@code www.}
     * (autolinks), no line starting with whitespace, {@code - + =} or a number and {@code .} or
     * {@code )} (lists, headings, code), none ending with whitespace (hard breaks, trimmed
     * spaces), no character {@link HtmlScrub} replaces. Flexmark then makes a {@link Paragraph} of
     * texts, quotes, ellipses, dashes and soft line breaks, which {@link #render} would write as this
     * writes it (three quarters of the real articles; their parse was a fifth of the content
     * stage), and {@link HtmlScrub#clean} leaves it as it is. Such a body is within every limit
     * of {@link MarkdownRenderer}'s checks (no nesting, no backticks).
     */
    Unparsed renderUnparsed(String markdown, int leadLimit) {
        if (!enabled) {
            return null;
        }
        // Read from an array: String.charAt's checks are most of such a scan on the C1 compiler.
        int n = markdown.length();
        char[] md = new char[n + 5];
        markdown.getChars(0, n, md, 0);
        java.util.Arrays.fill(md, n, n + 5, '\n'); // line ends past the text: the checks below look up to five ahead
        boolean[] notPlain = NOT_PLAIN;
        boolean[] letters = CharTables.LETTER_OR_DIGIT;
        boolean[] whitespace = CharTables.WHITESPACE;
        boolean lineStart = true;
        // The quotes' places, and what each is (QuotePairs' marks), worked out paragraph by paragraph.
        int[] quotes = NO_QUOTES;
        int quoteCount = 0;
        int paragraphQuotes = 0;
        byte[] marks = null;
        // The words of the text, counted here: it differs from the Markdown only in marks, line
        // ends and spaces, none of them part of a word.
        int words = 0;
        boolean inWord = false;
        boolean singleSpaces = withText;
        for (int i = 0; i < n; i++) {
            char c = md[i];
            // Most characters are letters or digits inside a line: none of the checks below can
            // refuse one (no letter is a control, a noncharacter, a surrogate or a space) but the
            // w of a "www." and a digit starting a line (a list item).
            if (letters[c] && c != 'w' && !lineStart) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
                continue;
            }
            if (c < 128 ? notPlain[c] && !isLiteral(md, i) : HtmlScrub.replaces(md, i)) {
                return null;
            }
            char next = md[i + 1];
            boolean letter = letters[c];
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
            if (c == ' ' && next == ' ' || c >= 0x80 && whitespace[c]) {
                singleSpaces = false; // HtmlText would make one space of them: it reads the text off the HTML
            }
            if (lineStart && (isSpace(c) || c == '-' || c == '+' || c == '=' || isNumberedItem(md, i))) {
                return null;
            }
            if (lineStart && c == '\n' && quoteCount > paragraphQuotes) {
                marks = pairQuotes(md, quotes, marks, paragraphQuotes, quoteCount);
                paragraphQuotes = quoteCount;
            }
            if (next == '\n' && c != '\n' && isSpace(c)) {
                return null;
            }
            int smart = c == '.' || c == '-' ? smartsAt(md, i) : -1;
            if (smart >= 0) {
                if (smarts[smart] == null) {
                    return null;
                }
                i += SMARTS[smart].length() - 1;
                c = md[i];
                next = md[i + 1];
            }
            if (c == '"' || c == '\'') {
                if ((c == '"' ? doubleQuotes : singleQuotes) == null || next == c) {
                    return null;
                }
                if (quoteCount == quotes.length) {
                    quotes = java.util.Arrays.copyOf(quotes, Math.max(16, quoteCount * 2));
                }
                quotes[quoteCount++] = i;
            }
            if (c == ':' && markdown.startsWith("//", i + 1) || c == 'w' && markdown.startsWith("ww.", i + 1)) {
                return null;
            }
            lineStart = c == '\n';
            if (c == '\\' && isEscape(md, i)) {
                i++; // the escaped character: a mark, neither a letter nor anything the checks above look for
            }
        }
        if (quoteCount > paragraphQuotes) {
            marks = pairQuotes(md, quotes, marks, paragraphQuotes, quoteCount);
        }
        Out out = new Out(n + 64);
        Out text = singleSpaces ? new Out(n) : null;
        StringBuilder lead = singleSpaces ? new StringBuilder() : null;
        int paragraphLines = 0;
        int paragraphStart = 0;
        int quote = 0;
        // Up to the line ends put past the text: the last of them is an empty line, closing the last paragraph.
        for (int i = 0, end; i <= n + 1; i = end + 1) {
            end = i;
            while (md[end] != '\n') {
                end++;
            }
            if (end == i) {
                if (paragraphLines > 0) {
                    out.raw("</p>\n");
                    // HtmlText.lead takes the paragraphs standing on one line of the HTML.
                    if (lead != null && paragraphLines == 1 && lead.length() < leadLimit) {
                        HtmlText.addPlainParagraph(lead, leadLimit, text.chars, paragraphStart, text.length);
                    }
                    paragraphLines = 0;
                }
            } else {
                out.raw(paragraphLines > 0 ? softBreak : "<p>");
                if (text != null && text.length > 0) {
                    text.raw(" ");
                }
                if (paragraphLines == 0 && text != null) {
                    paragraphStart = text.length;
                }
                quote = line(md, i, end, marks, quote, out, text);
                paragraphLines++;
            }
        }
        return text == null ? new Unparsed(out.toString(), null, null, -1)
                : new Unparsed(out.toString(), text.toString(), lead.toString(), words);
    }

    /**
     * Writes the line {@code md[from, to)} of a body {@link #renderUnparsed} found plain: its
     * text, with its quotes and ellipses as Flexmark writes them, into {@code out} and, when it is
     * not null, into {@code text}; {@code marks[quote]} says what its first quote is (see
     * {@link QuotePairs}). Returns the index of the next line's first quote.
     */
    private int line(char[] md, int from, int to, byte[] marks, int quote, Out out, Out text) {
        int copied = from;
        for (int i = from; i < to; i++) {
            char c = md[i];
            if (c == '\\' && isEscape(md, i) || c == '&') {
                // An escape is its character, a literal ampersand is text: as Flexmark writes them
                // (a backslash that escapes nothing is text too, written as it is).
                char literal = c == '&' ? c : md[i + 1];
                out.raw(md, copied, i).raw(literal == '&' ? "&amp;" : literal == '>' ? "&gt;" : String.valueOf(literal));
                if (text != null) {
                    text.raw(md, copied, i).raw(md, c == '&' ? i : i + 1, c == '&' ? i + 1 : i + 2);
                }
                i += c == '&' ? 0 : 1;
                copied = i + 1;
                continue;
            }
            int smart = c == '.' || c == '-' ? smartsAt(md, i) : -1;
            if (smart >= 0) {
                out.raw(md, copied, i).raw(smarts[smart]);
                if (text != null) {
                    text.raw(md, copied, i).raw(smartsText[smart]);
                }
                i += SMARTS[smart].length() - 1;
                copied = i + 1;
            } else if (c == '"' || c == '\'') {
                int mark = marks[quote++];
                out.raw(md, copied, i).raw(c == '"' ? doubleQuotes[mark] : singleQuotes[mark]);
                if (text != null) {
                    text.raw(md, copied, i).raw(c == '"' ? doubleQuotesText[mark] : singleQuotesText[mark]);
                }
                copied = i + 1;
            }
        }
        out.raw(md, copied, to);
        if (text != null) {
            text.raw(md, copied, to);
        }
        return quote;
    }

    private static final int[] NO_QUOTES = new int[0];

    /** {@code marks} (grown to hold them) with what the quotes {@code quotes[from, to)}, one paragraph's, are. */
    private byte[] pairQuotes(char[] md, int[] quotes, byte[] marks, int from, int to) {
        byte[] grown = marks == null || marks.length < quotes.length ? new byte[quotes.length] : marks;
        if (grown != marks && marks != null) {
            System.arraycopy(marks, 0, grown, 0, from);
        }
        quotePairs.pair(md, quotes, grown, from, to);
        return grown;
    }

    /** Whitespace as Java knows it, Unicode spaces included: Flexmark's writer may trim any of it. */
    private static boolean isSpace(char c) {
        // The ASCII ones other than the space are control characters, refused before this is asked.
        return c == ' ' || c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** The characters a backslash before them makes literal that {@link #renderUnparsed} writes (the archive's escapes). */
    private static final String ESCAPED = "_*[]>|~#-";

    /** Whether the backslash at {@code at} escapes the character after it (one of {@link #ESCAPED}). */
    private static boolean isEscape(char[] md, int at) {
        return ESCAPED.indexOf(md[at + 1]) >= 0;
    }

    /**
     * Whether the {@link #NOT_PLAIN} character at {@code at} is text all the same: a backslash
     * before one of {@link #ESCAPED} (that character, written as text) or before an ASCII letter or
     * digit (itself, as text: {@code \1.} in the archive), or an ampersand that
     * cannot start a character reference (no {@code ;} after the letters, digits or {@code #}
     * following it), written {@code &amp;}. Both read as one character that is no letter or digit.
     */
    private static boolean isLiteral(char[] md, int at) {
        if (md[at] == '\\') {
            // Before an ASCII letter or digit a backslash escapes nothing (only punctuation can be escaped).
            char next = md[at + 1];
            return isEscape(md, at) || next < 128 && (next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z' || next >= '0' && next <= '9');
        }
        if (md[at] != '&') {
            return false;
        }
        int i = at + 1;
        if (md[i] == '#') {
            i++;
        }
        while (md[i] < 128 && (md[i] >= 'a' && md[i] <= 'z' || md[i] >= 'A' && md[i] <= 'Z' || md[i] >= '0' && md[i] <= '9')) {
            i++;
        }
        return md[i] != ';';
    }

    /** Whether the line starting at {@code at} starts with digits and {@code .} or {@code )}: a list item. */
    private static boolean isNumberedItem(char[] line, int at) {
        int i = at;
        while (line[i] >= '0' && line[i] <= '9') {
            i++;
        }
        return i > at && (line[i] == '.' || line[i] == ')');
    }

    /** Writes the children of {@code parent}; false when one of them is not of the kinds handled here. */
    private boolean inlines(Node parent, Out out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            Class<?> kind = node.getClass();
            if (kind == Text.class) {
                if (!out.text(PlainTextExtension.rendered(node.getChars()))) {
                    return false;
                }
            } else if (kind == SoftLineBreak.class) {
                out.raw(softBreak);
                out.atLineStart = softBreak.endsWith("\n");
            } else if (kind == HardLineBreak.class) {
                out.raw(hardBreak);
                out.atLineStart = hardBreak.endsWith("\n");
            } else if (kind == TypographicSmarts.class) {
                if (!out.checkedRaw(((TypographicSmarts) node).getTypographicText())) {
                    return false;
                }
            } else if (kind == TypographicQuotes.class) {
                TypographicQuotes quotes = (TypographicQuotes) node;
                if (!out.checkedRaw(quotes.getTypographicOpening()) || !inlines(node, out)
                        || !out.checkedRaw(quotes.getTypographicClosing())) {
                    return false;
                }
            } else if (kind == Emphasis.class || kind == StrongEmphasis.class) {
                String tag = kind == Emphasis.class ? "em" : "strong";
                out.raw("<").raw(tag).raw(">");
                if (!inlines(node, out)) {
                    return false;
                }
                out.raw("</").raw(tag).raw(">");
            } else {
                return false;
            }
        }
        return true;
    }

    /** The HTML being written, in a char array grown as needed. */
    private static final class Out {
        private char[] chars;
        private int length;
        /** Whether the last thing written ended a line: a text starting with a space or tab may not follow. */
        boolean atLineStart = true;

        Out(int capacity) {
            chars = new char[capacity];
        }

        Out raw(String text) {
            return raw(text, 0, text.length());
        }

        Out raw(char[] text, int from, int to) {
            int n = to - from;
            room(n);
            System.arraycopy(text, from, chars, length, n);
            length += n;
            if (n > 0) {
                atLineStart = false;
            }
            return this;
        }

        Out raw(String text, int from, int to) {
            int n = to - from;
            room(n);
            text.getChars(from, to, chars, length);
            length += n;
            if (n > 0) {
                atLineStart = false;
            }
            return this;
        }

        /** {@link #raw} for a text that may be empty, null or hold whitespace where Flexmark's writer would change it. */
        boolean checkedRaw(String text) {
            if (text == null || text.isEmpty()) {
                return true;
            }
            if (!fits(text)) {
                return false;
            }
            raw(text);
            return true;
        }

        /** Whether {@code text} is written unchanged here: no line end in it, no space or tab starting a line. */
        private boolean fits(String text) {
            char first = text.charAt(0);
            return !(atLineStart && (first == ' ' || first == '\t')) && text.indexOf('\n') < 0;
        }

        /** Writes {@code text} escaped as Flexmark's {@code Escaping.escapeHtml(text, false)} does; false when it does not {@link #fits}. */
        boolean text(String text) {
            int n = text.length();
            if (n == 0) {
                return true;
            }
            if (!fits(text)) {
                return false;
            }
            // Copied whole, then each & < > " widened in place from the end (the rare case).
            room(n);
            text.getChars(0, n, chars, length);
            int start = length;
            int end = length + n;
            int extra = 0;
            for (int i = start; i < end; i++) {
                switch (chars[i]) {
                    case '&' -> extra += 4;
                    case '<', '>' -> extra += 3;
                    case '"' -> extra += 5;
                    default -> {
                    }
                }
            }
            if (extra > 0) {
                room(n + extra);
                int to = end + extra;
                for (int i = end - 1; i >= start; i--) {
                    char c = chars[i];
                    String entity = switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        default -> null;
                    };
                    if (entity == null) {
                        chars[--to] = c;
                    } else {
                        to -= entity.length();
                        entity.getChars(0, entity.length(), chars, to);
                    }
                }
            }
            length = end + extra;
            atLineStart = false;
            return true;
        }

        private void room(int more) {
            if (length + more > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
