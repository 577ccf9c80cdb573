package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL2;
import org.sanctionskg.web.JsonLdContext;
import org.sanctionskg.web.RdfNegotiation;

/**
 * {@code /ontology} (the ontology's IRI, and so every term IRI {@code …/ontology#Term}) and its version IRIs
 * {@code /ontology/<version>}: the generated documentation for browsers, the ontology in any RDF syntax by
 * {@code Accept}. Rendered once, since the ontology is fixed for the life of the server.
 */
public final class OntologyServlet extends ReadOnlyServlet {
    private final Optional<Ontology> ontology;
    private final String base;
    private final String version;
    private final JsonLdContext context;
    private final Map<String, Representation> rendered = new ConcurrentHashMap<>();

    public OntologyServlet(Optional<Ontology> ontology, String base, String version, JsonLdContext context) {
        this.ontology = ontology;
        this.base = base;
        this.version = version;
        this.context = context;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        String path = req.getPathInfo();
        if (ontology.isEmpty() || path != null && !isVersion(path)) {
            notFound(req, res, "No such ontology or ontology version is published here.");
            return;
        }
        negotiate(req, res, ResourceServlet.EXTRA_OFFERS, type -> rendered.computeIfAbsent(type, this::render));
    }

    private boolean isVersion(String path) {
        if (!safePath(path)) return false;
        Node iri = NodeFactory.createURI(Namespaces.ontologyIri(base) + path);
        return ontology.get().graph().contains(ontology.get().iri(), OWL2.versionIRI.asNode(), iri);
    }

    private Representation render(String type) {
        Ontology o = ontology.get();
        if (type.equals(RdfNegotiation.HTML)) return Representation.html(new OntologyPage(o, base).render(), version);
        return Representation.of(RdfNegotiation.serialize(o.graph(), type, context, o.iri()), type + "; charset=utf-8",
                version + "-" + RdfNegotiation.formatName(type));
    }
}
