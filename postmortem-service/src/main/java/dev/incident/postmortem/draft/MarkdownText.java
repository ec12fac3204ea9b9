package dev.incident.postmortem.draft;

import io.quarkus.qute.TemplateExtension;

/**
 * {@code {text.md}} in a template: user text that Markdown shows as typed, never as markup. Every
 * character Markdown (or the HTML it may carry) gives a meaning is backslash-escaped, and line
 * breaks become spaces so a text cannot start a heading or a list.
 */
@TemplateExtension
public final class MarkdownText {

    private static final String SPECIAL = "\\`*_{}[]()#+-.!|<>~&\"'";

    private MarkdownText() {}

    static String md(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            if (c == '\r' || c == '\n') {
                escaped.append(' ');
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
