package org.sanctionskg.linkeddata;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.web.Citation;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.RdfNegotiation;

/**
 * The HTML page of a resource, drawn from its description: label, types, every property with its values named by
 * their labels, the Wikidata link, the supporting excerpts shown highlighted in their paragraph, incoming links.
 * Statements the load entailed rather than the data asserted are marked.
 */
public final class ResourcePage {
    private final Labels labels;
    private final ArticleTexts texts;
    private final Predicate<Triple> entailed;
    private final String release;

    public ResourcePage(Labels labels, ArticleTexts texts, Predicate<Triple> entailed, String release) {
        this.release = release;
        this.labels = labels;
        this.texts = texts;
        this.entailed = entailed;
    }

    public String render(Node resource, Graph description) {
        StringBuilder body = new StringBuilder();
        body.append("<p><code>").append(Html.escape(resource.getURI())).append("</code></p>\n");
        List<Node> types = description.find(resource, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        if (!types.isEmpty()) body.append(types.stream().sorted(labels.byLabel())
                .map(t -> labels.link(t) + mark(Triple.create(resource, RDF.type.asNode(), t)))
                .collect(Collectors.joining(", ", "<p>Types: ", "</p>\n")));
        body.append(formats(resource)).append(wikidata(resource, description));
        body.append(statements(resource, description));
        body.append(evidence(resource, description));
        body.append(incoming(resource, description));
        return Html.page(labels.of(resource), body + Citation.block(labels.of(resource), release, resource.getURI()));
    }

    private String formats(Node resource) {
        return "<p>Also as " + RdfNegotiation.variantLinks(labels.href(resource)) + "</p>\n";
    }

    private String wikidata(Node resource, Graph description) {
        List<Node> same = description.find(resource, OWL2.sameAs.asNode(), Node.ANY).mapWith(Triple::getObject)
                .filterKeep(o -> o.isURI() && o.getURI().startsWith(Namespaces.WIKIDATA_ENTITY)).toList();
        return same.stream().map(o -> "<a class=\"wikidata\" href=\"" + Html.escape(o.getURI()) + "\">Wikidata "
                        + Html.escape(o.getURI().substring(Namespaces.WIKIDATA_ENTITY.length())) + "</a>")
                .collect(Collectors.joining(", ", same.isEmpty() ? "" : "<p>Same as ", same.isEmpty() ? "" : "</p>\n"));
    }

    private String statements(Node resource, Graph description) {
        Map<Node, List<Triple>> byProperty = group(description.find(resource, Node.ANY, Node.ANY).toList(), Triple::getPredicate);
        byProperty.remove(RDF.type.asNode());
        if (byProperty.isEmpty()) return "";
        StringBuilder html = new StringBuilder("<h2>Statements</h2>\n<table class=\"statements\">\n");
        byProperty.forEach((p, triples) -> html.append("<tr><th>").append(labels.link(p)).append("</th><td>")
                .append(triples.stream().sorted((a, b) -> labels.byLabel().compare(a.getObject(), b.getObject()))
                        .map(t -> value(t.getObject(), description, 0) + mark(t)).collect(Collectors.joining("<br>\n")))
                .append("</td></tr>\n"));
        return html.append("</table>\n<p><small><sup>e</sup> entailed by the ontology at load time, not asserted in the data</small></p>\n").toString();
    }

    private String incoming(Node resource, Graph description) {
        List<Triple> in = description.find(Node.ANY, Node.ANY, resource).toList();
        if (in.isEmpty()) return "";
        StringBuilder html = new StringBuilder("<h2>Referenced by</h2>\n<table class=\"incoming\">\n");
        group(in, Triple::getPredicate).forEach((p, triples) -> html.append("<tr><th>").append(labels.link(p)).append(" of</th><td>")
                .append(triples.stream().map(Triple::getSubject).sorted(labels.byLabel()).map(labels::link).collect(Collectors.joining("<br>\n")))
                .append("</td></tr>\n"));
        return html.append("</table>\n").toString();
    }

    private String evidence(Node resource, Graph description) {
        List<Node> excerpts = new java.util.ArrayList<>(Description.excerpts(description, resource));
        if (description.contains(resource, OA.hasSelector.asNode(), Node.ANY)) excerpts.add(0, resource);
        if (excerpts.isEmpty()) return "";
        StringBuilder html = new StringBuilder("<h2>Evidence</h2>\n");
        for (Node e : excerpts) html.append(new ExcerptView(description, e).render(labels, texts));
        return html.toString();
    }

    /** A value; blank nodes are shown inline with their own statements, two levels deep at most. */
    private String value(Node o, Graph description, int depth) {
        if (!o.isBlank()) return labels.value(o);
        if (depth >= 2) return "(anonymous)";
        return description.find(o, Node.ANY, Node.ANY).toList().stream()
                .map(t -> "<li>" + labels.link(t.getPredicate()) + ": " + value(t.getObject(), description, depth + 1) + "</li>")
                .sorted().collect(Collectors.joining("", "<ul class=\"bnode\">", "</ul>"));
    }

    private String mark(Triple t) {
        return entailed.test(t) ? " <sup title=\"entailed\">e</sup>" : "";
    }

    private Map<Node, List<Triple>> group(List<Triple> triples, java.util.function.Function<Triple, Node> key) {
        Map<Node, List<Triple>> map = new TreeMap<>(labels.byLabel());
        for (Triple t : triples) map.computeIfAbsent(key.apply(t), k -> new java.util.ArrayList<>()).add(t);
        return map;
    }
}
