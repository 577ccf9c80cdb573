package org.sanctionskg.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanctionskg.Config;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

/** What WDQS users and generic SPARQL clients expect of {@code /sparql}: predeclared prefixes, and conneg by its rules. */
class SparqlConventionsTest {
    private static final String STATES = "SELECT ?s { ?s rdf:type <https://example.org/mini#State> }";
    private static final String CONSTRUCT = "CONSTRUCT WHERE { ?s a <https://example.org/mini#Sanction> }";
    private static final String SH = "http://www.w3.org/ns/shacl#";
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = Stores.loaded("engine", root);
    }

    @Test
    void commonPrefixesNeedNoDeclaration() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, STATES, "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(3, r.body().lines().count(), "the header and alpha and beta: " + r.body());
        });
    }

    @Test
    void aClientsOwnDeclarationOfAPrefixWins() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, "PREFIX rdf: <https://example.org/mini#> SELECT ?s { ?s a rdf:State }", "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(3, r.body().lines().count(), r.body());
        });
    }

    @Test
    void aParseErrorPointsIntoTheQueryAsSent() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, "SELECT ?s WHERE {\n  ?s rdfs:label ?l .\n  FILTER(\n}", "text/csv");
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().startsWith("400 Bad Request: Parse error") && r.body().contains("line 4"), r.body());
            assertEquals(1, r.body().lines().count(), "one line");
        });
    }

    @Test
    void theServiceDescriptionListsEveryPredeclaredPrefix() throws Exception {
        Servers.withServer(config, base -> {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(Http.get(base.resolve("sparql"), "text/turtle").body(), Lang.TURTLE).parse(m);
            Map<String, String> expected = Namespaces.prefixes(config.base());
            var declared = m.listObjectsOfProperty(m.createProperty(SH + "declare")).toList();
            assertEquals(expected.size(), declared.size());
            Resource skg = declared.stream().map(n -> n.asResource())
                    .filter(d -> d.getProperty(m.createProperty(SH + "prefix")).getString().equals("skg")).findFirst().orElseThrow();
            var ns = skg.getProperty(m.createProperty(SH + "namespace")).getLiteral();
            assertEquals(config.base() + "ontology#", ns.getLexicalForm());
            assertEquals(XSDDatatype.XSDanyURI.getURI(), ns.getDatatypeURI());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CONSTRUCT WHERE { ?s a <https://example.org/mini#Sanction> }|application/sparql-results+json|text/turtle",
            "DESCRIBE <https://example.org/id/alpha>|application/sparql-results+xml|text/turtle",
            "SELECT * { ?s ?p ?o }|text/turtle|application/sparql-results+json",
            "ASK { ?s ?p ?o }|application/ld+json|application/sparql-results+json"})
    void anAcceptThatNamesNoFormatOfTheQueryFormIs406ListingThem(String query, String accept, String listed) throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, query, accept);
            assertEquals(406, r.statusCode(), r.body());
            assertTrue(r.body().startsWith("406 Not Acceptable: a ") && r.body().contains(listed), r.body());
            assertEquals(1, r.body().lines().count(), "one line: " + r.body());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"*/*|text/turtle", "application/sparql-results+json, */*;q=0.1|text/turtle", "|text/turtle"})
    void aWildcardOrNoAcceptGetsTheDefault(String accept, String type) throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, CONSTRUCT, accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), r.headers().toString());
        });
    }
}
