package org.sanctionskg.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.sanctionskg.linkeddata.Labels;

/**
 * Who sanctioned whom, and who counter-sanctioned whom, as an SVG in three columns: the parties that imposed
 * sanctions; their targets, with the parties that answered with countermeasures; the targets of the
 * countermeasures. Blue arrows are sanctions, red arrows countermeasures.
 */
final class SanctionsGraphSvg {
    static final String SANCTION = "#1f6fb2", COUNTER = "#c0392b";
    private static final int WIDTH = 800, TOP = 56, ROW = 22, LABEL = 34;
    /** Per column: where its text is anchored, how, and where edges meet it on the left and on the right. */
    private static final int[] TEXT_X = {236, 400, 564}, LEFT = {0, 286, 556}, RIGHT = {244, 514, 0};
    private static final String[] ANCHOR = {"end", "middle", "start"};

    private SanctionsGraphSvg() {}

    static String render(List<SiteQueries.Edge> edges, Labels labels) {
        Map<Node, Integer> column = columns(edges);
        List<List<Node>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        column.forEach((n, c) -> columns.get(c).add(n));
        Map<Node, Integer> row = new HashMap<>();
        for (List<Node> col : columns) {
            col.sort(labels.byLabel());
            for (int i = 0; i < col.size(); i++) row.put(col.get(i), i);
        }
        int height = TOP + ROW * Math.max(1, columns.stream().mapToInt(List::size).max().orElse(0));
        StringBuilder svg = new StringBuilder(Svg.open(WIDTH, height, "sanctions-graph",
                "Who sanctioned whom: " + edges.stream().filter(e -> !e.counter()).count() + " sanctions and "
                        + edges.stream().filter(SiteQueries.Edge::counter).count() + " countermeasures, imposer to target"));
        svg.append(defs()).append(legend());
        for (SiteQueries.Edge e : edges) svg.append(edge(e, column, row));
        column.forEach((n, c) -> svg.append(Svg.label(labels, n, TEXT_X[c], y(row.get(n)) + 4, ANCHOR[c], LABEL,
                " fill=\"#222\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"")));
        return svg.append("</svg>\n").toString();
    }

    /** Column 0: imposers of sanctions; 2: targets of countermeasures who impose nothing; 1: everyone else. */
    static Map<Node, Integer> columns(List<SiteQueries.Edge> edges) {
        Set<Node> sanctioning = new HashSet<>();
        Set<Node> imposing = new HashSet<>();
        edges.forEach(e -> {
            imposing.add(e.imposer());
            if (!e.counter()) sanctioning.add(e.imposer());
        });
        Map<Node, Integer> column = new java.util.LinkedHashMap<>();
        for (SiteQueries.Edge e : edges) {
            for (Node n : List.of(e.imposer(), e.target())) {
                int c = sanctioning.contains(n) ? 0 : !imposing.contains(n) && isCounterTarget(n, edges) ? 2 : 1;
                column.put(n, c);
            }
        }
        return column;
    }

    private static boolean isCounterTarget(Node n, List<SiteQueries.Edge> edges) {
        return edges.stream().anyMatch(e -> e.counter() && e.target().equals(n));
    }

    private static String edge(SiteQueries.Edge e, Map<Node, Integer> column, Map<Node, Integer> row) {
        int from = column.get(e.imposer()), to = column.get(e.target());
        double x1 = RIGHT[from] > 0 ? RIGHT[from] : LEFT[from], y1 = y(row.get(e.imposer()));
        double x2 = LEFT[to] > 0 ? LEFT[to] : RIGHT[to], y2 = y(row.get(e.target()));
        double bend = Math.max(40, Math.abs(x2 - x1) / 2);
        String color = e.counter() ? COUNTER : SANCTION;
        return "<path d=\"M" + Svg.fmt(x1) + " " + Svg.fmt(y1) + " C" + Svg.fmt(x1 + bend) + " " + Svg.fmt(y1) + " " + Svg.fmt(x2 - bend)
                + " " + Svg.fmt(y2) + " " + Svg.fmt(x2) + " " + Svg.fmt(y2) + "\" fill=\"none\" stroke=\"" + color
                + "\" stroke-opacity=\"0.7\" marker-end=\"url(#arrow-" + (e.counter() ? "counter" : "sanction") + ")\"/>\n";
    }

    private static double y(int row) {
        return TOP + ROW * row + ROW / 2.0;
    }

    private static String defs() {
        return "<defs>" + marker("sanction", SANCTION) + marker("counter", COUNTER) + "</defs>\n";
    }

    private static String marker(String id, String color) {
        return "<marker id=\"arrow-" + id + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
                + "<path d=\"M0 0L10 5L0 10z\" fill=\"" + color + "\"/></marker>";
    }

    private static String legend() {
        return "<text x=\"236\" y=\"16\" text-anchor=\"end\" font-weight=\"bold\">imposed sanctions</text>"
                + "<text x=\"400\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">targets · counter-sanctioning</text>"
                + "<text x=\"564\" y=\"16\" font-weight=\"bold\">targets of countermeasures</text>\n"
                + "<line x1=\"250\" y1=\"34\" x2=\"290\" y2=\"34\" stroke=\"" + SANCTION + "\" stroke-width=\"2\" marker-end=\"url(#arrow-sanction)\"/>"
                + "<text x=\"296\" y=\"38\">sanctions</text>"
                + "<line x1=\"420\" y1=\"34\" x2=\"460\" y2=\"34\" stroke=\"" + COUNTER + "\" stroke-width=\"2\" marker-end=\"url(#arrow-counter)\"/>"
                + "<text x=\"466\" y=\"38\">countermeasures</text>\n";
    }
}
