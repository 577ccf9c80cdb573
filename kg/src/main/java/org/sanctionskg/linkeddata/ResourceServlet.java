package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.VOID;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;

/**
 * {@code /id/…}: every entity IRI {@code <base>id/…} dereferences here, as an HTML page or as RDF (its bounded
 * {@link Description}) by content negotiation. Answers are 200 with {@code Content-Location}, never 303 (README).
 */
public final class ResourceServlet extends ReadOnlyServlet {
    private final DatasetGraph dataset;
    private final String base;
    private final String version;
    private final ArticleTexts texts;
    private final JsonLdContext context;
    private final RenderCache cache = new RenderCache(20_000);
    private final Node inDataset;

    public ResourceServlet(DatasetGraph dataset, String base, String version, ArticleTexts texts, JsonLdContext context) {
        this.dataset = dataset;
        this.base = base;
        this.version = version;
        this.texts = texts;
        this.context = context;
        this.inDataset = NodeFactory.createURI(DatasetDescription.datasetIri(base));
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        String path = req.getPathInfo();
        Node iri = safePath(path) ? NodeFactory.createURI(base + "id" + path) : null;
        boolean known = iri != null && exists(iri);
        String moved = iri != null && !known ? movedTo(path) : null;
        if (moved != null) {
            res.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            res.setHeader("Location", "/id" + moved + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
            return;
        }
        if (!known) throw new RequestException(404, "nothing is known about this IRI in the published graph");
        RdfNegotiation.links(res, req.getRequestURI(), RdfNegotiation.PAGE_OR_RDF);
        negotiate(req, res, RdfNegotiation.PAGE_OR_RDF, type -> cache.get(path + " " + type, () -> render(iri, type)));
    }

    /**
     * Where an IRI of the first releases' scheme ({@code id/<kind>/<slug>}, e.g. {@code id/excerpt/01-…}) lives now
     * ({@code id/<kind>-<slug>}, a valid prefixed name, issue 13): published IRIs keep answering, with a 301; null if nowhere.
     */
    private String movedTo(String path) {
        int slash = path.indexOf('/', 1);
        if (slash < 0) return null;
        String moved = path.substring(0, slash) + "-" + path.substring(slash + 1);
        return exists(NodeFactory.createURI(base + "id" + moved)) ? moved : null;
    }

    private boolean exists(Node iri) {
        return Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            return union.contains(iri, Node.ANY, Node.ANY) || union.contains(Node.ANY, Node.ANY, iri);
        });
    }

    private Representation render(Node iri, Format type) {
        return Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            Graph description = Description.of(union, iri);
            description.add(iri, VOID.inDataset.asNode(), inDataset); // which dataset the document belongs to (VoID)
            if (type == Format.HTML) {
                Graph entailments = dataset.getGraph(GraphNames.ENTAILMENTS);
                ResourcePage page = new ResourcePage(new Labels(union, base), texts, entailments::contains, version);
                return Representation.html(page.render(iri, description), version);
            }
            description.getPrefixMapping().setNsPrefixes(Namespaces.prefixMapping(base));
            return RdfNegotiation.representation(description, type, context, iri, version);
        });
    }
}
