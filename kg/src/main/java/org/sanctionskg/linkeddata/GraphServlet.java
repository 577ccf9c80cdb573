package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;

/**
 * {@code /graph/…}: every named graph IRI of the store ({@link GraphNames}) dereferences to its description: a
 * {@code void:Dataset} and {@code sd:Graph} with its triple count, the dataset it belongs to, the N-Quads dump that
 * holds it, and a SPARQL {@code CONSTRUCT} URL that downloads it alone; as a page or as RDF.
 */
public final class GraphServlet extends ReadOnlyServlet {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private final DatasetGraph dataset;
    private final String base;
    private final String version;
    private final ArticleTexts texts;
    private final JsonLdContext context;
    private final RenderCache cache = new RenderCache(1_000);

    public GraphServlet(DatasetGraph dataset, String base, String version, ArticleTexts texts, JsonLdContext context) {
        this.dataset = dataset;
        this.base = base;
        this.version = version;
        this.texts = texts;
        this.context = context;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        String path = req.getPathInfo();
        Node graph = safePath(path) ? NodeFactory.createURI(GraphNames.NS + path.substring(1)) : null;
        if (graph == null || !Txn.calculateRead(dataset, () -> dataset.containsGraph(graph)))
            throw new RequestException(404, "no such named graph in the store");
        RdfNegotiation.links(res, req.getRequestURI(), RdfNegotiation.PAGE_OR_RDF);
        negotiate(req, res, RdfNegotiation.PAGE_OR_RDF, type -> cache.get(path + " " + type, () -> render(graph, type)));
    }

    private Representation render(Node graph, Format type) {
        Graph description = Txn.calculateRead(dataset, () -> describe(graph, dataset.getGraph(graph).size()));
        if (type == Format.HTML)
            return Representation.html(new ResourcePage(new Labels(description, base), texts, t -> false, version).render(graph, description), version);
        description.getPrefixMapping().setNsPrefixes(Namespaces.prefixMapping(base));
        return RdfNegotiation.representation(description, type, context, graph, version);
    }

    private Graph describe(Node graph, long triples) {
        Graph g = GraphFactory.createDefaultGraph();
        Node named = NodeFactory.createBlankNode();
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph.getURI() + "> { ?s ?p ?o } }";
        g.add(graph, RDF.type.asNode(), VOID.Dataset.asNode());
        g.add(graph, RDF.type.asNode(), sd("Graph"));
        g.add(graph, RDFS.label.asNode(), NodeFactory.createLiteralString("named graph " + graph.getURI().substring(GraphNames.NS.length())));
        g.add(graph, VOID.triples.asNode(), NodeFactory.createLiteralDT(Long.toString(triples), XSDDatatype.XSDinteger));
        g.add(graph, VOID.inDataset.asNode(), NodeFactory.createURI(DatasetDescription.datasetIri(base)));
        g.add(graph, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(base + "sparql"));
        g.add(graph, VOID.dataDump.asNode(), NodeFactory.createURI(base + "download/" + Published.NQUADS.file()));
        g.add(graph, DCAT.downloadURL.asNode(), NodeFactory.createURI(base + "sparql?query="
                + java.net.URLEncoder.encode(construct, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        g.add(named, RDF.type.asNode(), sd("NamedGraph"));
        g.add(named, sd("name"), graph);
        g.add(named, sd("graph"), graph);
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }
}
