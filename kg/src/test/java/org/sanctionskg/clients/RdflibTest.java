package org.sanctionskg.clients;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sanctionskg.linkeddata.LinkedFixture;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's rdflib ({@code python3-rdflib}) parses every RDF format of a sample of documents, and every dump, to the
 * graph (or dataset) Jena reads from the same server; no request leaves loopback.
 */
class RdflibTest {
    /** Media type → rdflib parser name. */
    static final List<String[]> FORMATS = List.of(new String[] {"text/turtle", "turtle"}, new String[] {"application/ld+json", "json-ld"},
            new String[] {"application/n-triples", "nt"}, new String[] {"application/rdf+xml", "xml"});

    @Test
    void rdflibParsesEveryFormatOfASampleOfDocuments() throws Exception {
        Clients.requireRdflib(); // before the load: a missing client fails at once
        Servers.withServer(ProjectStore.config(), base -> {
            List<String> entities = ProjectStore.entityPaths(base);
            List<String> paths = new ArrayList<>(List.of(entities.get(0), entities.get(entities.size() / 2), entities.get(entities.size() - 1)));
            paths.addAll(List.of("ontology", ".well-known/void", "shapes", "graph/entailments"));
            JsonArrayBuilder jobs = Json.createArrayBuilder();
            for (String p : paths) for (String[] f : FORMATS) jobs.add(job(base.resolve(p), f[0], f[1], false));
            JsonArray results = run(jobs);
            List<Executable> checks = new ArrayList<>();
            int i = 0;
            for (String p : paths) {
                Graph turtle = LinkedFixture.parse(Http.get(base.resolve(p), "text/turtle").body(), Lang.TURTLE);
                for (String[] f : FORMATS) {
                    JsonObject r = results.getJsonObject(i++);
                    checks.add(() -> assertNull(r.get("error"), () -> p + " as " + f[0] + ": " + r.getString("error", "")));
                    checks.add(() -> assertTrue(r.getString("type", "").startsWith(f[0]), () -> p + " came as " + r.getString("type", "")));
                    checks.add(() -> assertTrue(Clients.triples(r.getString("nquads", "")).isIsomorphicWith(turtle),
                            () -> p + " as " + f[0] + ": rdflib read another graph than Jena"));
                }
            }
            assertAll(checks);
        });
    }

    @Test
    void rdflibParsesEveryDump() throws Exception {
        Clients.requireRdflib(); // before the load: a missing client fails at once
        Servers.withServer(ProjectStore.config(), base -> {
            URI dl = base.resolve("download/");
            JsonArray results = run(Json.createArrayBuilder()
                    .add(job(dl.resolve("sanctions-kg.ttl"), "text/turtle", "turtle", false))
                    .add(job(dl.resolve("sanctions-kg.jsonld"), "application/ld+json", "json-ld", false))
                    .add(job(dl.resolve("sanctions-kg.nq.gz"), "application/gzip", "nquads", true))
                    .add(job(dl.resolve("sanctions-kg.nq"), "application/n-quads", "nquads", false)));
            DatasetGraph dump = DatasetGraphFactory.create();
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes(dl.resolve("sanctions-kg.nq.gz"))))) {
                RDFParser.source(in).lang(Lang.NQUADS).parse(dump);
            }
            Graph union = LinkedFixture.parse(Http.get(dl.resolve("sanctions-kg.ttl"), null).body(), Lang.TURTLE);
            assertFalse(dump.isEmpty());
            for (JsonObject r : results.getValuesAs(JsonObject.class)) assertNull(r.get("error"), () -> r.getString("url") + ": " + r.getString("error", ""));
            assertAll(
                    () -> assertTrue(Clients.triples(results.getJsonObject(0).getString("nquads")).isIsomorphicWith(union), "Turtle dump"),
                    () -> assertTrue(Clients.triples(results.getJsonObject(1).getString("nquads")).isIsomorphicWith(union), "JSON-LD dump"),
                    () -> assertSameGraphs(dump, Clients.nquads(results.getJsonObject(2).getString("nquads")), "N-Quads dump, gzip"),
                    () -> assertEquals("application/n-quads", results.getJsonObject(3).getString("type").split(";")[0], "the .nq is N-Quads"),
                    () -> assertSameGraphs(dump, Clients.nquads(results.getJsonObject(3).getString("nquads")), "N-Quads dump, plain"));
        });
    }

    /** The same named graphs, each isomorphic to its counterpart (graph by graph: a whole-dataset match is exponential here). */
    static void assertSameGraphs(DatasetGraph expected, DatasetGraph actual, String what) {
        List<Node> names = new ArrayList<>();
        expected.listGraphNodes().forEachRemaining(names::add);
        List<Node> actualNames = new ArrayList<>();
        actual.listGraphNodes().forEachRemaining(actualNames::add);
        assertEquals(new java.util.HashSet<>(names), new java.util.HashSet<>(actualNames), what + ": the named graphs");
        for (Node g : names)
            assertTrue(actual.getGraph(g).isIsomorphicWith(expected.getGraph(g)), () -> what + ": graph " + g);
    }

    static JsonObject job(URI url, String accept, String format, boolean gzip) {
        return Json.createObjectBuilder().add("url", url.toString()).add("accept", accept).add("format", format).add("gzip", gzip).build();
    }

    static JsonArray run(JsonArrayBuilder jobs) {
        return Json.createReader(new StringReader(Clients.python("rdflib_parse.py", jobs.build().toString()))).readArray();
    }

    static byte[] bytes(URI uri) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
