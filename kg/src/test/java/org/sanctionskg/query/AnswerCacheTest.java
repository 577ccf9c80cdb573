package org.sanctionskg.query;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.query.AnswerCache.Answer;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class AnswerCacheTest {
    /** A SPARQL function that counts its calls: the query below calls it once per execution. */
    private static final String TICK = "urn:x-sanctions-kg-test:tick";
    private static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @TempDir Path root;

    private static Answer answer(int bytes) {
        return new Answer(new byte[bytes], ResultFormat.JSON, "\"x\"");
    }

    @Test
    void theCacheEvictsTheLeastRecentlyUsedBeyondItsEntryBound() {
        AnswerCache cache = new AnswerCache(2, 1 << 20);
        cache.put("a", answer(1));
        cache.put("b", answer(1));
        cache.get("a");
        cache.put("c", answer(1));
        assertNotNull(cache.get("a"));
        assertNull(cache.get("b"));
        assertEquals(2, cache.size());
    }

    @Test
    void theCacheStaysWithinItsByteBoundAndSkipsHugeAnswers() {
        AnswerCache cache = new AnswerCache(100, 800);
        for (int i = 0; i < 10; i++) cache.put("k" + i, answer(100));
        assertEquals(8, cache.size());
        cache.put("huge", answer(101));
        assertNull(cache.get("huge"));
    }

    @Test
    void aRepeatedCannedQueryExecutesNothing() throws Exception {
        FunctionRegistry.get().put(TICK, uri -> new FunctionBase0() {
            @Override
            public NodeValue exec() {
                return NodeValue.makeInteger(EXECUTIONS.incrementAndGet());
            }
        });
        Config config = QueryFixture.load(root);
        Files.writeString(root.resolve("queries/counted.rq"), """
                #+ summary: Counts its own executions.
                #+ params:
                #+   - name: label
                #+     type: string
                #+     default: Alpha
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?thing ?n { ?thing rdfs:label ?label BIND(<%s>() AS ?n) }
                """.formatted(TICK));
        Servers.withServer(config, base -> {
            var uri = base.resolve("queries/counted");
            int before = EXECUTIONS.get();
            String first = Http.get(uri, "text/csv").body();
            int once = EXECUTIONS.get();
            assertEquals(before + 1, once, "the first request executes the query");
            assertEquals(first, Http.get(uri, "text/csv").body());
            assertEquals(first, Http.get(base.resolve("queries/counted?label=Alpha"), "text/csv").body());
            String etag = Http.get(uri, "text/csv").headers().firstValue("ETag").orElseThrow();
            assertEquals(304, Http.send(HttpRequest.newBuilder(uri).header("Accept", "text/csv").header("If-None-Match", etag).build()).statusCode());
            assertEquals(once, EXECUTIONS.get(), "repeats, the same value given explicitly, and conditional GETs execute nothing");
            Http.get(uri, "application/sparql-results+json");
            Http.get(base.resolve("queries/counted?label=Beta"), "text/csv");
            assertEquals(once + 2, EXECUTIONS.get(), "another format or other parameters are other answers");
        });
    }
}
