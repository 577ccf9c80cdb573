package org.sanctionskg.clients;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.util.NodeFactoryExtra;
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
 * Comunica ({@code @comunica/query-sparql}, pinned in {@code .ci/clients}) with its defaults, every request off
 * loopback refused: our endpoint as a SPARQL source, and our documents and the N-Quads dump as plain linked-data
 * sources, read with the {@code Accept} Comunica sends by default (it prefers JSON-LD among what we offer).
 */
class ComunicaTest {
    static final String PER_PARTY = "PREFIX skg: <https://w3id.org/sanctions-kg/ontology#> "
            + "SELECT ?party (COUNT(?m) AS ?n) WHERE { ?m skg:imposedBy ?party } GROUP BY ?party";
    static final String PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";

    @Test
    void comunicaQueriesTheEndpointAsASparqlSourceAndGetsJenasAnswer() throws Exception {
        Clients.requireNode(); // before the load: a missing client fails at once
        Servers.withServer(ProjectStore.config(), base -> {
            JsonObject result = run(job("sparql", sparqlSource(base), PER_PARTY)).getJsonObject(0);
            assertNull(result.get("error"), () -> "Comunica failed: " + result);
            Set<String> expected = rows(base, PER_PARTY);
            assertFalse(expected.isEmpty(), "the data has measures");
            assertEquals(expected, rows(result), "Comunica's rows against our endpoint's");
        });
    }

    @Test
    void comunicaReadsEveryKindOfDocumentAsALinkedDataSourceWithItsDefaultAccept() throws Exception {
        Clients.requireNode(); // before the load: a missing client fails at once
        Servers.withServer(ProjectStore.config(), base -> {
            List<String> paths = new ArrayList<>(ProjectStore.entityPaths(base).subList(0, 12));
            paths.addAll(List.of("ontology", ".well-known/void", "shapes", "graph/entailments"));
            StringBuilder jobs = new StringBuilder("[");
            for (String p : paths) jobs.append(jobs.length() > 1 ? "," : "").append(job(p, "\"" + base.resolve(p) + "\"", "CONSTRUCT WHERE { ?s ?p ?o }"));
            JsonArray results = run(jobs.append("]").toString());
            List<Executable> checks = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                JsonObject r = results.getJsonObject(i);
                String path = paths.get(i);
                checks.add(() -> assertNull(r.get("error"), () -> path + ": Comunica failed: " + r));
                checks.add(() -> assertTrue(r.getJsonArray("responses").getJsonObject(0).getString("type").startsWith("application/ld+json"),
                        () -> path + ": Comunica's default Accept should get JSON-LD here: " + r.getJsonArray("responses")));
                checks.add(() -> {
                    Graph turtle = LinkedFixture.parse(Http.get(base.resolve(path), "text/turtle").body(), Lang.TURTLE);
                    Graph read = Clients.triples(r.getString("nquads", ""));
                    assertFalse(turtle.isEmpty(), path);
                    assertTrue(read.isIsomorphicWith(turtle), () -> path + ": what Comunica read differs from the Turtle");
                });
            }
            assertAll(checks);
        });
    }

    @Test
    void comunicaReadsTheNQuadsDumpAsASourceThroughContentEncoding() throws Exception {
        Clients.requireNode(); // before the load: a missing client fails at once
        Servers.withServer(ProjectStore.config(), base -> {
            JsonObject result = run(job("dump", "\"" + base.resolve("download/sanctions-kg.nq") + "\"", PER_GRAPH)).getJsonObject(0);
            assertNull(result.get("error"), () -> "Comunica failed: " + result);
            JsonObject response = result.getJsonArray("responses").getJsonObject(0);
            assertEquals("gzip", response.getString("encoding", ""), "the dump came gzip-encoded: " + response);
            assertTrue(response.getString("type").startsWith("application/n-quads"), response.toString());
            Set<String> expected = rows(base, PER_GRAPH);
            assertTrue(expected.size() > 2, "several named graphs");
            assertEquals(expected, rows(result), "quads per graph in the dump, by Comunica, against our endpoint");
        });
    }

    static String sparqlSource(URI base) {
        return "{\"type\":\"sparql\",\"value\":\"" + base.resolve("sparql") + "\"}";
    }

    static String job(String name, String source, String query) {
        return Json.createObjectBuilder().add("name", name).add("query", query)
                .add("sources", Json.createArrayBuilder().add(Json.createReader(new StringReader(source)).readValue())).build().toString();
    }

    static JsonArray run(String jobs) {
        String json = jobs.startsWith("[") ? jobs : "[" + jobs + "]";
        return Json.createReader(new StringReader(Clients.node("comunica.mjs", json))).readArray();
    }

    /** Comunica's rows as sorted {@code var=term} strings, terms read back by Jena. */
    static Set<String> rows(JsonObject result) {
        Set<String> rows = new TreeSet<>();
        for (JsonValue row : result.getJsonArray("rows")) {
            JsonObject o = row.asJsonObject();
            rows.add(o.keySet().stream().sorted().map(v -> v + "=" + NodeFmtLib.strNT(NodeFactoryExtra.parseNode(o.getString(v))))
                    .collect(Collectors.joining(" ")));
        }
        return rows;
    }

    /** Our endpoint's answer (Jena) in the same shape. */
    static Set<String> rows(URI base, String sparql) throws Exception {
        Set<String> rows = new TreeSet<>();
        var rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(Http.query(base, sparql, "application/sparql-results+json").body()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        rs.forEachRemaining((QuerySolution s) -> {
            List<String> vars = new ArrayList<>();
            s.varNames().forEachRemaining(vars::add);
            rows.add(vars.stream().sorted().map(v -> v + "=" + NodeFmtLib.strNT(s.get(v).asNode())).collect(Collectors.joining(" ")));
        });
        return rows;
    }
}
