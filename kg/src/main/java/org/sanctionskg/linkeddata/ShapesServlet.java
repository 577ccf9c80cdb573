package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;

/**
 * {@code /shapes}: the document of every shape IRI {@code …/shapes#Shape}, holding the SHACL triples of
 * {@code ontology/shapes.ttl} as loaded; a page listing each shape (anchored by its fragment) or RDF.
 */
public final class ShapesServlet extends ReadOnlyServlet {
    private final Graph shapes;
    private final String iri;
    private final String version;
    private final JsonLdContext context;
    private final Map<Format, Representation> rendered = new ConcurrentHashMap<>();

    /** Reads the shapes graph from {@code dataset} (inside a read transaction). */
    public ShapesServlet(DatasetGraph dataset, String base, String version, JsonLdContext context) {
        this.shapes = GraphFactory.createDefaultGraph();
        dataset.getGraph(GraphNames.forSource(Path.of("ontology", "shapes.ttl"))).find().forEachRemaining(shapes::add);
        shapes.getPrefixMapping().setNsPrefixes(Namespaces.prefixMapping(base));
        this.iri = base + "shapes";
        this.version = version;
        this.context = context;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (shapes.isEmpty()) throw new RequestException(404, "no shapes are published here");
        RdfNegotiation.links(res, req.getRequestURI(), RdfNegotiation.PAGE_OR_RDF);
        negotiate(req, res, RdfNegotiation.PAGE_OR_RDF, type -> rendered.computeIfAbsent(type, t -> t == Format.HTML
                ? Representation.html(page(), version)
                : RdfNegotiation.representation(shapes, t, context, NodeFactory.createURI(iri), version)));
    }

    private String page() {
        StringBuilder html = new StringBuilder("<p><code>").append(Html.escape(iri)).append("</code>: the SHACL shapes every load is validated against. Also as ")
                .append(RdfNegotiation.variantLinks("/shapes")).append(".</p>\n<table>\n<tr><th>shape</th><th>targets</th><th>message</th></tr>\n");
        shapes.find(Node.ANY, RDF.type.asNode(), Node.ANY).filterKeep(t -> t.getSubject().isURI()
                        && (t.getObject().equals(SHACL.NodeShape) || t.getObject().equals(SHACL.PropertyShape)))
                .mapWith(Triple::getSubject).toSet().stream().sorted((a, b) -> a.getURI().compareTo(b.getURI()))
                .forEach(shape -> html.append("<tr id=\"").append(Html.escape(fragment(shape))).append("\"><td><code>")
                        .append(Html.escape(fragment(shape))).append("</code></td><td>").append(Html.escape(objects(shape, SHACL.targetClass)))
                        .append("</td><td>").append(Html.escape(objects(Description.of(shapes, shape), null, SHACL.message))).append("</td></tr>\n"));
        return Html.page("Shapes", html.append("</table>\n").toString());
    }

    private String objects(Node shape, Node property) {
        return objects(shapes, shape, property);
    }

    private String objects(Graph g, Node subject, Node property) {
        return g.find(subject == null ? Node.ANY : subject, property, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .map(o -> o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? shapes.getPrefixMapping().shortForm(o.getURI()) : "(anonymous)")
                .distinct().sorted().collect(Collectors.joining("; "));
    }

    private static String fragment(Node shape) {
        String uri = shape.getURI();
        return uri.substring(uri.indexOf('#') + 1);
    }
}
