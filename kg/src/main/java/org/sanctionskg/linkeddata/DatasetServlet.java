package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.VOID;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.web.Citation;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;

/** {@code /.well-known/void}: the VoID + DCAT description computed at load, as RDF or as a page. */
public final class DatasetServlet extends ReadOnlyServlet {
    private final VoidDocument description;
    private final String version;
    private final JsonLdContext context;
    private final String page;
    private final Map<Format, Representation> rendered = new ConcurrentHashMap<>();

    /** {@code labels} names the classes of the partitions (the store's labels, read while building the page). */
    public DatasetServlet(VoidDocument description, Labels labels, String version, JsonLdContext context, String base) {
        this.description = description;
        this.version = version;
        this.context = context;
        this.page = page(description, labels, version, base);
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        RdfNegotiation.links(res, req.getRequestURI(), RdfNegotiation.PAGE_OR_RDF);
        negotiate(req, res, RdfNegotiation.PAGE_OR_RDF, type -> rendered.computeIfAbsent(type, t -> t == Format.HTML
                ? Representation.html(page, version)
                : RdfNegotiation.representation(description.graph(), t, context, description.dataset(), version)));
    }

    private static String page(VoidDocument d, Labels labels, String release, String base) {
        var g = d.graph();
        StringBuilder html = new StringBuilder();
        g.find(d.dataset(), DCTerms.description.asNode(), Node.ANY)
                .forEachRemaining(t -> html.append("<p>").append(Html.escape(t.getObject().getLiteralLexicalForm())).append("</p>\n"));
        html.append("<p>Also as ").append(RdfNegotiation.variantLinks("/.well-known/void"))
                .append(". Licence: <a href=\"").append(Html.escape(DatasetDescription.LICENSE)).append("\">CC BY 4.0</a>.</p>\n");
        html.append("<table class=\"counts\">\n");
        Map.of("triples", VOID.triples, "entities", VOID.entities, "distinct subjects", VOID.distinctSubjects,
                        "distinct objects", VOID.distinctObjects, "properties", VOID.properties, "classes", VOID.classes)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> html.append("<tr><th>").append(e.getKey())
                        .append("</th><td>").append(String.format("%,d", d.count(e.getValue()))).append("</td></tr>\n"));
        html.append("<tr><th>links to Wikidata</th><td>").append(String.format("%,d", d.wikidataLinks())).append("</td></tr>\n</table>\n");
        html.append("<h2>Dumps</h2>\n<ul>\n");
        g.find(d.dataset(), DCAT.distribution.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream().sorted(labels.byLabel())
                .forEach(dist -> html.append("<li>").append(labels.link(value(g, dist, DCAT.downloadURL.asNode()))).append(" — ")
                        .append(Html.escape(value(g, dist, DCTerms.title.asNode()).getLiteralLexicalForm())).append(" (")
                        .append(String.format("%,d", (Number) value(g, dist, DCAT.byteSize.asNode()).getLiteralValue())).append(" bytes)</li>\n"));
        html.append("</ul>\n<h2>Instances per class</h2>\n<table class=\"partitions\">\n");
        d.classPartitions().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> html.append("<tr><td>").append(labels.link(e.getKey())).append("</td><td>").append(e.getValue()).append("</td></tr>\n"));
        return Html.page("Dataset description", html.append("</table>\n") + Citation.block("Dataset description", release, new Paths(base).iri(Paths.VOID)));
    }

    private static Node value(org.apache.jena.graph.Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).next().getObject();
    }
}
