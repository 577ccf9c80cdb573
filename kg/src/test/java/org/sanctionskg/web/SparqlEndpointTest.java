package org.sanctionskg.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparqlEndpointTest {
    private static final String STATES = "PREFIX ex: <https://example.org/mini#> SELECT ?s { ?s a ex:State } ORDER BY ?s";
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = Stores.loaded("engine", root);
    }

    @ParameterizedTest
    @CsvSource({"application/sparql-results+json, rs-json", "application/sparql-results+xml, rs-xml",
            "text/csv, rs-csv", "text/tab-separated-values, rs-tsv"})
    void selectAnswersInEveryResultFormat(String accept, String lang) throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, STATES, accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept));
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON.getName().equals(lang) ? ResultSetLang.RS_JSON : langOf(lang));
            int rows = 0;
            while (rs.hasNext()) { rs.next(); rows++; }
            assertEquals(2, rows, "alpha and beta are states");
        });
    }

    private static Lang langOf(String name) {
        return switch (name) {
            case "rs-xml" -> ResultSetLang.RS_XML;
            case "rs-csv" -> ResultSetLang.RS_CSV;
            case "rs-tsv" -> ResultSetLang.RS_TSV;
            default -> ResultSetLang.RS_JSON;
        };
    }

    @Test
    void askAnswersTrueAndFalse() throws Exception {
        Servers.withServer(config, base -> {
            assertTrue(Http.query(base, "ASK { <https://example.org/id/alpha> a <https://example.org/mini#State> }", "application/sparql-results+json").body().contains("true"));
            assertTrue(Http.query(base, "ASK { <https://example.org/id/nobody> ?p ?o }", "application/sparql-results+json").body().contains("false"));
        });
    }

    @ParameterizedTest
    @CsvSource({"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"})
    void constructAnswersInEveryRdfSyntax(String accept) throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, "CONSTRUCT WHERE { ?s a <https://example.org/mini#Sanction> }", accept);
            assertEquals(200, r.statusCode(), r.body());
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), RDFLanguages.contentTypeToLang(accept)).parse(g);
            assertEquals(2, g.size());
        });
    }

    @Test
    void postFormAndPostQueryBodyAreAnswered() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> form = Http.send(HttpRequest.newBuilder(base.resolve("sparql"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + Http.encode(STATES))).build());
            HttpResponse<String> direct = Http.send(HttpRequest.newBuilder(base.resolve("sparql"))
                    .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(STATES)).build());
            assertEquals(200, form.statusCode());
            assertEquals(form.body(), direct.body());
            assertTrue(form.body().contains("https://example.org/id/alpha"));
        });
    }

    @Test
    void entailmentsAreServedInTheUnionDefaultGraph() throws Exception {
        Servers.withServer(config, base -> {
            String p = "PREFIX ex: <https://example.org/mini#> PREFIX id: <https://example.org/id/> ";
            for (String ask : new String[] {"ASK { id:alpha ex:imposed id:s1 }", "ASK { id:s1 a ex:Measure }",
                    "ASK { id:s1 ex:concerns id:gamma }", "ASK { id:beta ex:partnerOf id:alpha }", "ASK { id:delta ex:partOf id:beta }",
                    "ASK { GRAPH <https://w3id.org/sanctions-kg/graph/entailments> { id:alpha ex:imposed id:s1 } }"})
                assertTrue(Http.query(base, p + ask, "application/sparql-results+json").body().contains("true"), ask);
        });
    }

    @Test
    void bareGetReturnsTheServiceDescription() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.get(base.resolve("sparql"), "text/turtle");
            assertEquals(200, r.statusCode());
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
            // The endpoint is named by its public IRI, from the configured base: never from the request's Host.
            assertTrue(r.body().contains("sd:Service") && r.body().contains(config.base() + "sparql"));
            assertTrue(r.body().contains("https://w3id.org/sanctions-kg/graph/data/facts"), "named graphs are listed");
        });
    }

    @Test
    void updateIsRefusedAndChangesNothing() throws Exception {
        Servers.withServer(config, base -> {
            String before = Http.query(base, COUNT, "text/csv").body();
            String insert = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }";
            int viaForm = Http.send(HttpRequest.newBuilder(base.resolve("sparql")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + Http.encode(insert))).build()).statusCode();
            int viaBody = Http.send(HttpRequest.newBuilder(base.resolve("sparql")).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(insert)).build()).statusCode();
            int viaUpdatePath = Http.send(HttpRequest.newBuilder(base.resolve("sparql/update")).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(insert)).build()).statusCode();
            for (int status : new int[] {viaForm, viaBody, viaUpdatePath}) assertTrue(status >= 400 && status < 500, "status " + status);
            assertEquals(before, Http.query(base, COUNT, "text/csv").body());
        });
    }

    @ParameterizedTest
    @CsvSource({"PUT, sparql?default", "POST, sparql?default", "DELETE, sparql?default", "PUT, sparql?graph=urn:g",
            "POST, sparql/data?default", "PUT, sparql/data?default", "DELETE, sparql/data?graph=urn:g"})
    void graphStoreWritesAreRefusedAndChangeNothing(String method, String path) throws Exception {
        Servers.withServer(config, base -> {
            String before = Http.query(base, COUNT, "text/csv").body();
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "text/turtle")
                    .method(method, HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build());
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, method + " " + path + " -> " + r.statusCode());
            assertEquals(before, Http.query(base, COUNT, "text/csv").body());
        });
    }

    @Test
    void malformedQueryIsA400WithTheParseError() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, "SELECT * { ?s ?p ", "text/csv");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("line 1"), r.body());
        });
    }

    @Test
    void browsersMayQueryFromAnyOriginWithoutCredentials() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> pre = Http.send(HttpRequest.newBuilder(base.resolve("sparql")).header("Origin", "https://example.net")
                    .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(204, pre.statusCode());
            assertEquals("*", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(pre.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
            assertTrue(!pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"));
            HttpResponse<String> get = Http.send(HttpRequest.newBuilder(URI.create(base + "sparql?query=" + Http.encode(STATES)))
                    .header("Origin", "https://example.net").build());
            assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        });
    }

    @Test
    void errorAnswersKeepTheirCorsHeaders() throws Exception {
        Servers.withServer(config, base -> {
            for (String path : new String[] {"queries/no-such-query", "sparql?query=" + Http.encode("SELECT * {")}) {
                HttpResponse<String> r = Http.send(HttpRequest.newBuilder(base.resolve(path)).header("Origin", "https://example.net").build());
                assertTrue(r.statusCode() >= 400, path);
                assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path + " -> " + r.statusCode());
            }
        });
    }
}
