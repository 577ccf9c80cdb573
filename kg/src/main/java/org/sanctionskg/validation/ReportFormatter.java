package org.sanctionskg.validation;

import java.util.Comparator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.path.Path;

/** Renders a SHACL report for people: one block per result naming the focus node, shape, path and message. */
public final class ReportFormatter {
    private final PrefixMapping prefixes;
    private final Graph shapes;

    public ReportFormatter(PrefixMapping prefixes, Graph shapes) {
        this.prefixes = prefixes;
        this.shapes = shapes;
    }

    public String format(ValidationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("SHACL validation failed: ").append(report.getEntries().size()).append(" result(s)\n");
        report.getEntries().stream()
                .sorted(Comparator.comparing((ReportEntry e) -> e.focusNode().toString()).thenComparing(e -> String.valueOf(e.message())))
                .forEach(e -> out.append("  focus   ").append(shorten(e.focusNode())).append('\n')
                        .append("  shape   ").append(shape(e.source())).append('\n')
                        .append("  path    ").append(path(e.resultPath())).append('\n')
                        .append("  value   ").append(e.value() == null ? "-" : shorten(e.value())).append('\n')
                        .append("  message ").append(e.message()).append("\n\n"));
        return out.toString().stripTrailing();
    }

    /** A blank property shape is named by the node shape that holds it. */
    private String shape(Node shape) {
        if (shape == null || !shape.isBlank()) return shorten(shape);
        var parents = shapes.find(Node.ANY, SHACL.property, shape);
        try {
            return parents.hasNext() ? shorten(parents.next().getSubject()) + " (a property shape)" : shorten(shape);
        } finally {
            parents.close();
        }
    }

    private String path(Path path) {
        return path == null ? "-" : path.toString(new org.apache.jena.sparql.core.Prologue(prefixes));
    }

    private String shorten(Node node) {
        return node == null ? "-" : name(node, prefixes);
    }

    /** A node as a reader writes it: a prefixed name by the longest namespace that fits (ours end in {@code -}), else {@code <IRI>}. */
    static String name(Node node, PrefixMapping prefixes) {
        if (!node.isURI()) return node.toString();
        String uri = node.getURI();
        return prefixes.getNsPrefixMap().entrySet().stream()
                .filter(e -> uri.startsWith(e.getValue()) && uri.length() > e.getValue().length())
                .filter(e -> uri.substring(e.getValue().length()).chars().noneMatch(c -> c == '/' || c == '#'))
                .max(java.util.Comparator.comparingInt(e -> e.getValue().length()))
                .map(e -> e.getKey() + ":" + uri.substring(e.getValue().length()))
                .orElse("<" + uri + ">");
    }
}
