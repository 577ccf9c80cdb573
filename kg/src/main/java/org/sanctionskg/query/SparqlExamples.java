package org.sanctionskg.query;

import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The canned queries as SPARQL example data in the SIB {@code sparql-examples} convention: one
 * {@code sh:SPARQLExecutable} per query with its text ({@code sh:select}, {@code sh:ask} or {@code sh:construct}),
 * its summary ({@code rdfs:label}), description ({@code rdfs:comment}), {@code schema:keywords} and
 * {@code schema:target} (the endpoint to run it on).
 */
final class SparqlExamples {
    static final String SH = "http://www.w3.org/ns/shacl#";
    static final String SCHEMA = "https://schema.org/";
    static final String SPEX = "https://purl.expasy.org/sparql-examples/ontology#";

    private SparqlExamples() {}

    /** {@code site} is the server's base URL, ending in '/': queries are {@code site/queries/name}, the endpoint {@code site/sparql}. */
    static Graph graph(Collection<CannedQuery> queries, String site, String endpointPath) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sh", SH).setNsPrefix("schema", SCHEMA).setNsPrefix("rdfs", RDFS.getURI()).setNsPrefix("ex", site + "queries/");
        Resource endpoint = m.createResource(site + endpointPath.replaceFirst("^/", ""));
        for (CannedQuery q : queries) {
            Resource ex = m.createResource(site + "queries/" + q.name())
                    .addProperty(RDF.type, m.createResource(SH + "SPARQLExecutable"))
                    .addProperty(RDF.type, m.createResource(executableClass(q)))
                    .addProperty(RDFS.label, q.header().summary(), "en")
                    .addProperty(RDFS.comment, comment(q), "en")
                    .addProperty(m.createProperty(textProperty(q)), sparqlOnly(q.text()))
                    .addProperty(m.createProperty(SCHEMA + "target"), endpoint);
            q.header().tags().forEach(t -> ex.addProperty(m.createProperty(SCHEMA + "keywords"), t));
        }
        return m.getGraph();
    }

    /** The description; the summary where there is none (an example needs a comment, SIB's checks say). */
    private static String comment(CannedQuery q) {
        String d = q.header().description();
        return d.isEmpty() ? q.header().summary() : d;
    }

    private static String executableClass(CannedQuery q) {
        return switch (q.form()) {
            case "select" -> SH + "SPARQLSelectExecutable";
            case "ask" -> SH + "SPARQLAskExecutable";
            case "construct" -> SH + "SPARQLConstructExecutable";
            default -> SPEX + "SPARQLDescribeExecutable";
        };
    }

    private static String textProperty(CannedQuery q) {
        return q.form().equals("describe") ? SPEX + "describe" : SH + q.form();
    }

    /** The query without its {@code #+} header: example consumers want runnable SPARQL, not our documentation syntax. */
    static String sparqlOnly(String text) {
        return text.lines().filter(l -> !l.startsWith("#+")).collect(Collectors.joining("\n")).strip() + "\n";
    }
}
