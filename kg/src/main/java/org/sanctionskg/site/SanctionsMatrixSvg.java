package org.sanctionskg.site;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.sanctionskg.linkeddata.Labels;
import org.sanctionskg.web.Html;

/**
 * Who sanctioned whom as an SVG matrix: one column per imposing party (its own colour, sanctions first, then
 * countermeasures), one row per target, one coloured mark per measure with its date. A matrix, not arrows: four
 * parties listing near-identical sets of targets draw a bundle of crossing arrows, but identical columns here.
 */
final class SanctionsMatrixSvg {
    /** Colours for parties in column order, each dark enough for white text and apart from its neighbours. */
    static final List<String> PALETTE = List.of("#1f6fb2", "#b35806", "#2e7d32", "#7b3294", "#c0392b", "#00838f", "#5d4037", "#ad1457");
    private static final int LABEL_X = 280, X0 = 294, COL = 100, TOP = 58, ROW = 22, LABEL = 38;

    private SanctionsMatrixSvg() {}

    static String render(List<SiteQueries.Edge> edges, Map<Node, String> names, Labels labels) {
        Comparator<Node> byName = Comparator.comparing((Node p) -> name(p, names, labels).toLowerCase(Locale.ROOT)).thenComparing((Node p) -> p.toString());
        List<Node> parties = split(edges, SiteQueries.Edge::imposer, byName);
        int sanctioning = (int) parties.stream().filter(p -> edges.stream().anyMatch(e -> !e.counter() && e.imposer().equals(p))).count();
        List<Node> targets = split(edges, SiteQueries.Edge::target, labels.byLabel());
        int sanctioned = (int) targets.stream().filter(t -> edges.stream().anyMatch(e -> !e.counter() && e.target().equals(t))).count();
        int width = X0 + COL * Math.max(1, parties.size()) + 8, height = TOP + ROW * (targets.size() + 2);
        StringBuilder svg = new StringBuilder(Svg.open(width, height, "sanctions-matrix",
                "Who sanctioned whom: " + edges.stream().filter(e -> !e.counter()).count() + " sanctions and "
                        + edges.stream().filter(SiteQueries.Edge::counter).count() + " countermeasures, by party and target"));
        heading(svg, "sanctions", 0, sanctioning);
        heading(svg, "countermeasures", sanctioning, parties.size());
        for (int c = 0; c < parties.size(); c++) svg.append(party(parties.get(c), c, edges, names, labels));
        int y = TOP;
        for (int r = 0; r < targets.size(); r++) {
            if (r == 0 || r == sanctioned) {
                svg.append("<text x=\"8\" y=\"").append(y + 15).append("\" fill=\"#555\" font-style=\"italic\">")
                        .append(r == 0 && sanctioned > 0 ? "targets of sanctions" : "targets of countermeasures only").append("</text>\n");
                y += ROW;
            }
            svg.append(row(targets.get(r), r, y, parties, edges, names, labels));
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Those that appear with a sanction first, then those with countermeasures only; each part by label. */
    private static List<Node> split(List<SiteQueries.Edge> edges, Function<SiteQueries.Edge, Node> side, Comparator<Node> order) {
        Set<Node> first = new HashSet<>(), second = new HashSet<>();
        edges.forEach(e -> (e.counter() ? second : first).add(side.apply(e)));
        second.removeAll(first);
        return Stream.concat(first.stream().sorted(order), second.stream().sorted(order)).toList();
    }

    private static void heading(StringBuilder svg, String text, int from, int to) {
        if (to <= from) return;
        double x = X0 + COL * (from + to) / 2.0;
        svg.append("<text x=\"").append(Svg.fmt(x)).append("\" y=\"14\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"11\">").append(text).append("</text>")
                .append("<line x1=\"").append(X0 + COL * from + 6).append("\" y1=\"20\" x2=\"").append(X0 + COL * to - 6)
                .append("\" y2=\"20\" stroke=\"#999\"/>\n");
    }

    /** A column heading: the party's colour and short name, its full name and what it did as tooltip. */
    private static String party(Node party, int c, List<SiteQueries.Edge> edges, Map<Node, String> names, Labels labels) {
        List<SiteQueries.Edge> own = edges.stream().filter(e -> e.imposer().equals(party)).toList();
        long measures = own.stream().map(SiteQueries.Edge::measure).distinct().count(), targets = own.stream().map(SiteQueries.Edge::target).distinct().count();
        String title = labels.of(party) + " (" + name(party, names, labels) + "): " + measures + (measures == 1 ? " measure on " : " measures on ")
                + targets + (targets == 1 ? " target" : " targets");
        double x = X0 + COL * c + COL / 2.0;
        return "<g class=\"node party\" data-color=\"" + color(c) + "\"><title>" + Html.escape(title) + "</title>"
                + "<rect x=\"" + Svg.fmt(x - 30) + "\" y=\"26\" width=\"60\" height=\"4\" fill=\"" + color(c) + "\"/>\n"
                + Svg.text(name(party, names, labels), labels.href(party), x, 46, "middle", " font-weight=\"bold\" fill=\"" + color(c) + "\"", null) + "</g>\n";
    }

    /** A target's row: its label (tooltip: who targeted it) and one mark per measure in each party's column. */
    private static String row(Node target, int r, int y, List<Node> parties, List<SiteQueries.Edge> edges, Map<Node, String> names, Labels labels) {
        List<SiteQueries.Edge> on = edges.stream().filter(e -> e.target().equals(target)).toList();
        String by = on.stream().map(SiteQueries.Edge::imposer).distinct().map(p -> name(p, names, labels)).collect(Collectors.joining(", "));
        StringBuilder html = new StringBuilder();
        if (r % 2 == 0) html.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"100%\" height=\"").append(ROW).append("\" fill=\"#f3f5f8\"/>\n");
        html.append("<g class=\"node target\"><title>").append(Html.escape(labels.of(target) + ": targeted by " + by)).append("</title>")
                .append(Svg.label(labels, target, LABEL_X, y + 15, "end", LABEL, " fill=\"#222\"", null)).append("</g>\n");
        for (int c = 0; c < parties.size(); c++) {
            Node party = parties.get(c);
            List<SiteQueries.Edge> cell = on.stream().filter(e -> e.imposer().equals(party)).toList();
            double w = (COL - 10.0) / Math.max(1, cell.size());
            for (int i = 0; i < cell.size(); i++) html.append(mark(cell.get(i), X0 + COL * c + 5 + w * i, y + 3, w, cell.size() > 1, color(c), names, labels));
        }
        return html.toString();
    }

    /** One measure on one target: a coloured mark with its date, linked to the measure, with the whole fact as tooltip. */
    private static String mark(SiteQueries.Edge e, double x, int y, double w, boolean narrow, String color, Map<Node, String> names, Labels labels) {
        String date = e.date() == null ? "no date" : narrow ? e.date().substring(0, 4) : TimelineSvg.display(e.date());
        String title = name(e.imposer(), names, labels) + (e.counter() ? " took countermeasures against " : " sanctioned ") + labels.of(e.target())
                + (e.date() == null ? ", on a date the report does not give" : " on " + e.date()) + " (" + labels.of(e.measure()) + ")";
        String mark = "<g class=\"edge\" data-color=\"" + color + "\"><title>" + Html.escape(title) + "</title><rect x=\"" + Svg.fmt(x + 1) + "\" y=\"" + y
                + "\" width=\"" + Svg.fmt(w - 2) + "\" height=\"" + (ROW - 6) + "\" rx=\"3\" fill=\"" + color + "\"/><text x=\"" + Svg.fmt(x + w / 2)
                + "\" y=\"" + (y + 12) + "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#fff\">" + Html.escape(date) + "</text></g>";
        String href = labels.href(e.measure());
        return (href == null ? mark : "<a href=\"" + Html.escape(href) + "\">" + mark + "</a>") + "\n";
    }

    private static String name(Node party, Map<Node, String> names, Labels labels) {
        return names.getOrDefault(party, labels.of(party));
    }

    static String color(int column) {
        return PALETTE.get(column % PALETTE.size());
    }
}
