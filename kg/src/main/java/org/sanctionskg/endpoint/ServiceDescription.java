package org.sanctionskg.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;

/**
 * Answers a GET or HEAD of the SPARQL endpoint that carries no query with the SPARQL 1.1 Service Description,
 * the predeclared prefixes included ({@code sh:declare}).
 */
public final class ServiceDescription extends HttpFilter {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final List<String> RESULT_FORMATS = List.of(
            "http://www.w3.org/ns/formats/SPARQL_Results_JSON", "http://www.w3.org/ns/formats/SPARQL_Results_XML",
            "http://www.w3.org/ns/formats/SPARQL_Results_CSV", "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
            "http://www.w3.org/ns/formats/Turtle", "http://www.w3.org/ns/formats/N-Triples",
            "http://www.w3.org/ns/formats/JSON-LD", "http://www.w3.org/ns/formats/RDF_XML");
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private final List<Node> graphNames;
    private final String endpoint;
    private final PredeclaredPrefixes prefixes;
    private final ReadOnlyServlet page = new ReadOnlyServlet() {
        @Override
        protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
            RdfNegotiation.write(req, res, describe(endpoint));
        }
    };

    /** {@code endpoint} is the public IRI of the SPARQL endpoint (from the configured base, never from a request). */
    public ServiceDescription(DatasetGraph dataset, String endpoint, PredeclaredPrefixes prefixes) {
        this.endpoint = endpoint;
        this.prefixes = prefixes;
        this.graphNames = Txn.calculateRead(dataset, () -> {
            List<Node> names = new java.util.ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(names::add);
            names.sort(java.util.Comparator.comparing(Node::getURI));
            return List.copyOf(names);
        });
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (!read || req.getParameter("query") != null || req.getParameter("update") != null) {
            chain.doFilter(req, res);
            return;
        }
        page.service(req, res);
    }

    private Graph describe(String endpoint) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        Resource service = m.createResource().addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(m.createProperty(SD + "endpoint"), m.createResource(endpoint))
                .addProperty(m.createProperty(SD + "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "UnionDefaultGraph"))
                .addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "BasicFederatedQuery"));
        RESULT_FORMATS.forEach(f -> service.addProperty(m.createProperty(SD + "resultFormat"), m.createResource(f)));
        declarePrefixes(m, service);
        Resource dataset = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"));
        service.addProperty(m.createProperty(SD + "defaultDataset"), dataset);
        dataset.addProperty(m.createProperty(SD + "defaultGraph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph")));
        for (Node g : graphNames)
            dataset.addProperty(m.createProperty(SD + "namedGraph"), m.createResource()
                    .addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
                    .addProperty(m.createProperty(SD + "name"), m.createResource(g.getURI())));
        return m.getGraph();
    }

    /** The predeclared prefixes as SHACL prefix declarations, as the SIB sparql-examples list an endpoint's prefixes. */
    private void declarePrefixes(Model m, Resource service) {
        m.setNsPrefix("sh", SH);
        new java.util.TreeMap<>(prefixes.prefixes()).forEach((prefix, ns) -> service.addProperty(m.createProperty(SH + "declare"),
                m.createResource().addProperty(m.createProperty(SH + "prefix"), prefix)
                        .addProperty(m.createProperty(SH + "namespace"), m.createTypedLiteral(ns, XSDDatatype.XSDanyURI))));
    }
}
