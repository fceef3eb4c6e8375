package io.gazette.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Where things are on a page of the old site, which marked up nothing: the date line, the title
 * above it, the element holding the body, the author's line and the breadcrumb's section, each
 * found by its wording or by the class and id names the old CMS happened to use.
 */
final class HtmlLandmarks {
    /** Elements the old editor used as paragraphs. */
    static final Set<String> PARAGRAPHS = Set.of("p", "div", "center", "td", "span", "font");
    private static final Pattern AUTHOR_MARK = Pattern.compile("(?i).*(author|tacgia|tac-gia|tac_gia|butdanh|nguoiviet).*");
    /** "Tác giả: " and the like before an author's name. */
    static final Pattern AUTHOR_PREFIX = Pattern.compile("(?iu)^(tác giả|người viết|bút danh)\\s*:\\s*");
    private static final Pattern BREADCRUMB_MARK = Pattern.compile("(?i).*(breadcrumb|duongdan|duong-dan|path|navigator).*");
    private static final Pattern HOME = Pattern.compile("(?iu)(trang chủ|home|trang nhất)");

    private HtmlLandmarks() {
    }

    /** An element whose whole text is a date line such as {@code Thứ hai, 18/08/2014}, and no child's is. */
    static boolean isDateElement(Element element) {
        String text = SavedPageText.clean(element.text());
        if (!DateLines.looksLikeDateLine(text)) {
            return false;
        }
        for (Element child : element.children()) {
            if (DateLines.looksLikeDateLine(SavedPageText.clean(child.text()))) {
                return false;
            }
        }
        return true;
    }

    /** The nearest text above the date element that is not a link, chrome or another date line. */
    static Optional<String> titleAbove(Element body, Element dateElement) {
        List<TextNode> before = new ArrayList<>();
        boolean[] reached = {false};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node == dateElement) {
                    reached[0] = true;
                }
                if (!reached[0] && node instanceof TextNode text && !text.isBlank()) {
                    before.add(text);
                }
            }
        }, body);
        for (int i = before.size() - 1; i >= 0; i--) {
            TextNode node = before.get(i);
            Element parent = node.parent();
            if (parent == null || insideLink(parent)) {
                continue;
            }
            String line = SavedPageText.clean(node.text());
            if (line.isEmpty() || PageChrome.isNoise(line)) {
                continue;
            }
            Element titleElement = parent;
            while (!titleElement.isBlock() && titleElement.parent() != null
                    && !contains(titleElement.parent(), dateElement)) {
                titleElement = titleElement.parent();
            }
            String title = contains(titleElement, dateElement) ? line : SavedPageText.clean(titleElement.text());
            if (PageChrome.isNoise(title) || PageChrome.endsArticle(title) || DateLines.looksLikeDateLine(title)) {
                return Optional.empty();
            }
            return Optional.of(title);
        }
        return Optional.empty();
    }

    /** True when {@code inner} is {@code outer} or inside it; walks up from the inner element only. */
    static boolean contains(Element outer, Element inner) {
        for (Element e = inner; e != null; e = e.parent()) {
            if (e == outer) {
                return true;
            }
        }
        return false;
    }

    static boolean insideLink(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.normalName().equals("a")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The element after the date line with the most text in its own paragraphs: a {@code <td>}
     * that wraps the article and the "Bài viết khác" list holds no paragraphs itself, the article
     * div does.
     */
    static Element bodyContainer(Document doc, Element dateElement) {
        Elements all = doc.body().getAllElements();
        int dateIndex = all.indexOf(dateElement);
        Element best = null;
        int bestScore = 0;
        for (int i = dateIndex + 1; i < all.size(); i++) {
            Element candidate = all.get(i);
            if (contains(candidate, dateElement)) {
                continue;
            }
            int score = 0;
            for (Element child : candidate.children()) {
                if (child.normalName().equals("p") || (PARAGRAPHS.contains(child.normalName()) && !hasBlockChild(child))) {
                    String text = SavedPageText.clean(child.text());
                    if (!PageChrome.isNoise(text) && !PageChrome.startsEndOfArticle(text)) {
                        score += text.length();
                    }
                }
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (child.isBlock() && !child.normalName().equals("br")) {
                return true;
            }
        }
        return false;
    }

    /** The first element after the date line that the CMS marked as the author's (by class or id), or null. */
    static Element authorElement(Document doc, Element dateElement) {
        boolean after = false;
        for (Element element : doc.body().getAllElements()) {
            if (element == dateElement) {
                after = true;
                continue;
            }
            if (after && (AUTHOR_MARK.matcher(element.className()).matches() || AUTHOR_MARK.matcher(element.id()).matches())) {
                String text = AUTHOR_PREFIX.matcher(SavedPageText.clean(element.text())).replaceFirst("");
                if (!text.isEmpty() && text.length() <= 80) {
                    return element;
                }
            }
        }
        return null;
    }

    /** The last breadcrumb link that is not "Trang chủ": the section the article was filed in. */
    static String category(Document doc) {
        for (Element element : doc.body().getAllElements()) {
            if (BREADCRUMB_MARK.matcher(element.className()).matches() || BREADCRUMB_MARK.matcher(element.id()).matches()) {
                String last = null;
                for (Element link : element.select("a")) {
                    String text = SavedPageText.clean(link.text());
                    if (!text.isEmpty() && !HOME.matcher(text).matches()) {
                        last = text;
                    }
                }
                if (last != null) {
                    return last;
                }
            }
        }
        return null;
    }

    /** The element's line in the saved page; 0 when unknown. */
    static int line(Element element) {
        int line = element.sourceRange().start().lineNumber();
        return Math.max(line, 0);
    }
}
