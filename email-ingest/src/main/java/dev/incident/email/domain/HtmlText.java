package dev.incident.email.domain;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns an HTML body into text a person reads: paragraphs and line breaks kept, markup gone. */
final class HtmlText {

    private static final Set<String> BLOCKS =
            Set.of(
                    "p",
                    "div",
                    "br",
                    "tr",
                    "li",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table",
                    "blockquote",
                    "pre",
                    "hr",
                    "ul",
                    "ol");

    private HtmlText() {}

    static String toText(String html) {
        if (html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.select("head, style, script, title").remove();
        var text = new StringBuilder();
        NodeTraversor.traverse(new Collector(text), document.body());
        return text.toString()
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private record Collector(StringBuilder text) implements NodeVisitor {

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.text());
            } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                text.append('\n');
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element
                    && BLOCKS.contains(element.normalName())
                    && !element.normalName().equals("br")) {
                text.append('\n');
            }
        }
    }
}
