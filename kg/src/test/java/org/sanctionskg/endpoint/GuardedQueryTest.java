package org.sanctionskg.endpoint;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config.Limits;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardedQueryTest {
    private static final String JSON = "application/sparql-results+json";
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = Stores.loaded("engine", root);
    }

    private static Config capped(int rows, int serviceCalls) {
        Limits d = Limits.defaults();
        return config.with(b -> b.limits(new Limits(d.queryBytes(), d.queryDepth(), d.queryUnions(), rows, serviceCalls,
                d.concurrentQueries(), d.clientConcurrent(), d.clientSecondsPerMinute(), "")));
    }

    @Test
    void aSelectOverTheRowCapIsCutAndTheHeadersSaySoBeforeTheBody() throws Exception {
        Servers.withServer(capped(5, 50), base -> {
            HttpResponse<String> cut = Http.query(base, "SELECT * { ?s ?p ?o }", JSON);
            assertEquals(200, cut.statusCode());
            assertEquals("5", cut.headers().firstValue("X-Result-Limit").orElseThrow());
            assertEquals("true", cut.headers().firstValue("X-Result-Truncated").orElseThrow());
            assertEquals(5, rows(cut.body()), "exactly the cap, no marker rows");
            HttpResponse<String> whole = Http.query(base, "SELECT * { ?s ?p ?o } LIMIT 3", JSON);
            assertEquals("false", whole.headers().firstValue("X-Result-Truncated").orElseThrow());
            assertEquals(3, rows(whole.body()));
            HttpResponse<String> csv = Http.query(base, "SELECT * { ?s ?p ?o }", "text/csv");
            assertEquals(6, csv.body().lines().count(), "CSV: the header line and five rows, nothing else");
        });
    }

    @Test
    void aRefusedServiceInsideExistsIsA422NotAnEmptyAnswer() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, "ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }", JSON);
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().startsWith("422 Unprocessable") && r.body().contains("is not allowed"), r.body());
            HttpResponse<String> select = Http.query(base, "SELECT ?s { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } }", JSON);
            assertEquals(422, select.statusCode(), select.body());
        });
    }

    @Test
    void aQueryMakingMoreServiceCallsThanTheCapIsRefused() throws Exception {
        String values = IntStream.rangeClosed(1, 40).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        String perBinding = "SELECT * { VALUES ?i { " + values + " } SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?i } }";
        Servers.withPlainFuseki(Servers.wikidataStandIn(), wd -> {
            Servers.withServer(capped(10_000, 5).with(b -> b.wikidataEndpoint(wd.resolve("sparql"))), base -> {
                HttpResponse<String> r = Http.query(base, perBinding, JSON);
                assertEquals(422, r.statusCode(), r.body());
                assertTrue(r.body().contains("more than 5 SERVICE requests"), r.body());
                assertEquals(200, Http.query(base, "SELECT * { SERVICE <https://query.wikidata.org/sparql> { BIND(1 AS ?j) } }", JSON).statusCode(),
                        "one call is fine");
            });
        });
    }

    private static int rows(String json) {
        return ResultSetFormatter.consume(ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
}
