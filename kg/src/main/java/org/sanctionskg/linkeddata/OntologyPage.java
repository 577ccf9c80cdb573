package org.sanctionskg.linkeddata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sanctionskg.web.Citation;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.RdfNegotiation;

/**
 * The ontology's documentation, generated from the ontology itself: its header, then every class and property
 * with label, comment, hierarchy (both ways), domains and ranges, inverses, characteristics and every other
 * statement about it (alignments such as {@code skos:closeMatch}, deprecation). Each term's anchor is its local
 * name, so the term IRI {@code …/ontology#Name} lands on its section.
 */
final class OntologyPage {
    /** Shown in their own place, so not again among "other statements". */
    private static final Set<Node> SHOWN = Set.of(RDF.type.asNode(), RDFS.label.asNode(), RDFS.comment.asNode(),
            RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode(), RDFS.domain.asNode(), RDFS.range.asNode(), OWL2.inverseOf.asNode());

    private final Ontology ontology;
    private final Graph graph;
    private final Labels labels;

    OntologyPage(Ontology ontology, String base) {
        this.ontology = ontology;
        this.graph = ontology.graph();
        this.labels = new Labels(graph, base);
    }

    String render(String release) {
        List<Node> classes = terms(Ontology.CLASS_TYPES);
        List<Node> properties = terms(Ontology.PROPERTY_TYPES);
        StringBuilder body = new StringBuilder(header());
        body.append("<p>").append(classes.size()).append(" classes, ").append(properties.size()).append(" properties. Also as ")
                .append(RdfNegotiation.variantLinks("/ontology")).append(".</p>\n");
        body.append("<h2 id=\"classes\">Classes</h2>\n").append(index(classes));
        classes.forEach(c -> body.append(classSection(c)));
        body.append("<h2 id=\"properties\">Properties</h2>\n").append(index(properties));
        properties.forEach(p -> body.append(propertySection(p)));
        return Html.page(labels.of(ontology.iri()), body + Citation.block(labels.of(ontology.iri()), release, ontology.iri().getURI()));
    }

    private String header() {
        Node o = ontology.iri();
        Map<String, List<Node>> rows = new LinkedHashMap<>();
        rows.put("IRI", List.of(o));
        rows.put("Version", objects(o, OWL2.versionInfo.asNode()));
        rows.put("Version IRI", objects(o, OWL2.versionIRI.asNode()));
        rows.put("Issued", objects(o, DCTerms.issued.asNode()));
        rows.put("Modified", objects(o, DCTerms.modified.asNode()));
        rows.put("Licence", objects(o, DCTerms.license.asNode()));
        rows.put("Preferred prefix", objects(o, node("http://purl.org/vocab/vann/preferredNamespacePrefix")));
        rows.put("Namespace", objects(o, node("http://purl.org/vocab/vann/preferredNamespaceUri")));
        StringBuilder html = new StringBuilder();
        objects(o, DCTerms.description.asNode()).forEach(d -> html.append("<p>").append(Html.escape(d.getLiteralLexicalForm())).append("</p>\n"));
        html.append("<table class=\"ontology\">\n");
        rows.forEach((k, v) -> {
            if (!v.isEmpty()) html.append("<tr><th>").append(k).append("</th><td>").append(values(v)).append("</td></tr>\n");
        });
        return html.append("</table>\n").toString();
    }

    private String classSection(Node c) {
        Map<String, List<Node>> rows = new LinkedHashMap<>();
        rows.put("Subclass of", objects(c, RDFS.subClassOf.asNode()));
        rows.put("Subclasses", subjects(RDFS.subClassOf.asNode(), c));
        rows.put("Domain of", subjects(RDFS.domain.asNode(), c));
        rows.put("Range of", subjects(RDFS.range.asNode(), c));
        return section(c, "class", rows);
    }

    private String propertySection(Node p) {
        Map<String, List<Node>> rows = new LinkedHashMap<>();
        rows.put("Kind", graph.find(p, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
        rows.put("Domain", objects(p, RDFS.domain.asNode()));
        rows.put("Range", objects(p, RDFS.range.asNode()));
        rows.put("Subproperty of", objects(p, RDFS.subPropertyOf.asNode()));
        rows.put("Subproperties", subjects(RDFS.subPropertyOf.asNode(), p));
        rows.put("Inverse of", inverses(p));
        return section(p, "property", rows);
    }

    private String section(Node term, String kind, Map<String, List<Node>> rows) {
        String id = term.getURI().substring(ontology.namespace().length());
        StringBuilder html = new StringBuilder("<section class=\"term ").append(kind).append("\" id=\"").append(Html.escape(id)).append("\">\n")
                .append("<h3>").append(Html.escape(labels.of(term))).append(" <small><code>skg:").append(Html.escape(id)).append("</code></small></h3>\n");
        objects(term, RDFS.comment.asNode()).forEach(c -> html.append("<p>").append(Html.escape(c.getLiteralLexicalForm())).append("</p>\n"));
        html.append("<dl>\n");
        rows.forEach((k, v) -> {
            if (!v.isEmpty()) html.append("<dt>").append(k).append("</dt><dd>").append(values(v)).append("</dd>\n");
        });
        graph.find(term, Node.ANY, Node.ANY).filterDrop(t -> SHOWN.contains(t.getPredicate())).toList().stream()
                .sorted((a, b) -> labels.byLabel().compare(a.getPredicate(), b.getPredicate()))
                .forEach(t -> html.append("<dt>").append(labels.link(t.getPredicate())).append("</dt><dd>").append(labels.value(t.getObject())).append("</dd>\n"));
        return html.append("</dl>\n</section>\n").toString();
    }

    private String index(List<Node> terms) {
        return terms.stream().map(t -> "<a href=\"#" + Html.escape(t.getURI().substring(ontology.namespace().length())) + "\">"
                + Html.escape(labels.of(t)) + "</a>").collect(Collectors.joining(" · ", "<p class=\"index\">", "</p>\n"));
    }

    /** The terms of the ontology's own namespace declared with one of {@code types}, by label. */
    private List<Node> terms(Set<Node> types) {
        return graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).filterKeep(t -> types.contains(t.getObject()))
                .mapWith(Triple::getSubject).filterKeep(s -> s.isURI() && s.getURI().startsWith(ontology.namespace()))
                .toSet().stream().sorted(labels.byLabel()).toList();
    }

    private List<Node> inverses(Node p) {
        List<Node> all = new java.util.ArrayList<>(objects(p, OWL2.inverseOf.asNode()));
        subjects(OWL2.inverseOf.asNode(), p).stream().filter(n -> !all.contains(n)).forEach(all::add);
        return all;
    }

    private List<Node> objects(Node s, Node p) {
        return graph.find(s, p, Node.ANY).mapWith(Triple::getObject).toList().stream().sorted(labels.byLabel()).toList();
    }

    private List<Node> subjects(Node p, Node o) {
        return graph.find(Node.ANY, p, o).mapWith(Triple::getSubject).toList().stream().sorted(labels.byLabel()).toList();
    }

    private String values(List<Node> nodes) {
        return nodes.stream().map(labels::value).collect(Collectors.joining(", "));
    }

    private static Node node(String iri) {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }
}
