package org.sanctionskg.site;

import org.apache.jena.graph.Node;
import org.sanctionskg.linkeddata.Labels;
import org.sanctionskg.web.Html;

/** What both pictures share: an SVG frame with a title for screen readers, and linked, escaped, shortened labels. */
final class Svg {
    private Svg() {}

    static String open(int width, int height, String id, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" role=\"img\" aria-labelledby=\"" + id + "-title\" viewBox=\"0 0 "
                + width + " " + height + "\" width=\"100%\" style=\"max-width:" + width + "px\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n"
                + "<title id=\"" + id + "-title\">" + Html.escape(title) + "</title>\n";
    }

    /**
     * {@code node}'s label as SVG text at (x, y), cut to {@code max} characters, with {@code title} as its tooltip
     * (none when null: an enclosing element has it), linked to its page when it has one.
     */
    static String label(Labels labels, Node node, double x, double y, String anchor, int max, String style, String title) {
        String full = labels.of(node);
        return text(full.length() <= max ? full : full.substring(0, max - 1).strip() + "…", labels.href(node), x, y, anchor, style, title);
    }

    /** {@code shown} as escaped SVG text at (x, y), with an optional tooltip, linked to {@code href} unless it is null. */
    static String text(String shown, String href, double x, double y, String anchor, String style, String title) {
        String text = "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\"" + style + ">"
                + (title == null ? "" : "<title>" + Html.escape(title) + "</title>") + Html.escape(shown) + "</text>";
        return href == null ? text + "\n" : "<a href=\"" + Html.escape(href) + "\">" + text + "</a>\n";
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
