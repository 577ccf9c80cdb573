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
import org.sanctionskg.rdf.Format;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;

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
    private final Map<Format, Representation> rendered = new ConcurrentHashMap<>();

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
        if (ontology.isEmpty() || path != null && !isVersion(path))
            throw new RequestException(404, "no such ontology or ontology version is published here");
        RdfNegotiation.links(res, req.getRequestURI(), RdfNegotiation.PAGE_OR_RDF);
        negotiate(req, res, RdfNegotiation.PAGE_OR_RDF, type -> rendered.computeIfAbsent(type, this::render));
    }

    private boolean isVersion(String path) {
        if (!safePath(path)) return false;
        Node iri = NodeFactory.createURI(Namespaces.ontologyIri(base) + path);
        return ontology.get().graph().contains(ontology.get().iri(), OWL2.versionIRI.asNode(), iri);
    }

    private Representation render(Format type) {
        Ontology o = ontology.get();
        if (type == Format.HTML) return Representation.html(new OntologyPage(o, base).render(version), version);
        return RdfNegotiation.representation(o.graph(), type, context, o.iri(), version);
    }
}
