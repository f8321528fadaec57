package au.ausjobs.notification.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text part of a mail, derived from its rendered HTML so both parts always say the same: paragraphs and
 * blocks become paragraphs, list items "- item", links "text (url)", line breaks stay. Elements marked
 * {@code data-text="skip"} are left out.
 */
final class PlainText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
        "tr", "blockquote", "section", "header", "footer", "main", "article");
    private static final Set<String> SKIPPED = Set.of("head", "title", "style", "script");

    private final StringBuilder out = new StringBuilder();

    private PlainText() {
    }

    static String of(Document doc) {
        PlainText text = new PlainText();
        text.walk(doc.body());
        return text.tidy();
    }

    private void walk(Node node) {
        if (node instanceof TextNode textNode) {
            inline(textNode.getWholeText());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String name = element.normalName();
        if (SKIPPED.contains(name) || "skip".equals(element.attr("data-text"))) {
            return;
        }
        switch (name) {
            case "br" -> out.append('\n');
            case "hr" -> paragraph("----");
            case "img" -> inline(element.attr("alt"));
            case "a" -> link(element);
            case "li" -> {
                lineBreak();
                out.append("- ");
                children(element);
                lineBreak();
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    blankLine();
                    children(element);
                    blankLine();
                }
                else {
                    children(element);
                }
            }
        }
    }

    private void children(Element element) {
        for (Node child : element.childNodes()) {
            walk(child);
        }
    }

    private void link(Element a) {
        PlainText inner = new PlainText();
        inner.children(a);
        String label = inner.tidy().replace('\n', ' ');
        String href = a.attr("href").trim();
        if (label.isEmpty()) {
            inline(href);
        }
        else if (href.isEmpty() || href.equals(label) || href.startsWith("#")) {
            inline(label);
        }
        else {
            inline(label + " (" + href + ")");
        }
    }

    /** Text flows: runs of white space are one space, and none at the start of a line. */
    private void inline(String text) {
        String collapsed = text.replaceAll("[\\s\\u00a0]+", " ");
        if (collapsed.isEmpty()) {
            return;
        }
        boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        boolean afterSpace = lineStart || out.charAt(out.length() - 1) == ' ';
        if (collapsed.startsWith(" ") && afterSpace) {
            collapsed = collapsed.substring(1);
        }
        out.append(collapsed);
    }

    private void paragraph(String text) {
        blankLine();
        out.append(text);
        blankLine();
    }

    private void lineBreak() {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private void blankLine() {
        lineBreak();
        out.append('\n');
    }

    /** Trailing spaces off every line, at most one blank line in a row, none at either end. */
    private String tidy() {
        List<String> lines = new ArrayList<>();
        boolean blank = true;
        for (String line : out.toString().split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                if (!blank) {
                    lines.add("");
                }
                blank = true;
            }
            else {
                lines.add(trimmed);
                blank = false;
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }
}
