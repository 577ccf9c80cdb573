package org.sanctionskg.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config.Limits;
import org.sanctionskg.Config;
import org.sanctionskg.endpoint.TimeoutGuard;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeout really stops runaway queries, and a cut-short result never passes for a complete one. */
class TimeoutTest {
    private static final Duration LIMIT = Duration.ofSeconds(2);
    /** Generous: the point is that the query stops at all, not how fast this machine is. */
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(20);
    private static final String CROSS = "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }";
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = Stores.loaded("engine", root).with(b -> b.timeout(LIMIT));
    }

    private static void assertStopped(String query, String accept) throws Exception {
        Servers.withServer(config, base -> {
            long start = System.nanoTime();
            HttpResponse<String> r = Http.query(base, query, accept);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(503, r.statusCode(), "a runaway query is an error, not a 200");
            assertTrue(r.body().contains("time limit of 2 s"), "the error names the limit: " + r.body());
            assertEquals("false", r.headers().firstValue(TimeoutGuard.COMPLETE).orElse(""));
            assertTrue(took.compareTo(STOPPED_WITHIN) < 0, "stopped after " + took);
        });
    }

    @Test
    void runawayAggregateIsStoppedAndNamesTheLimit() throws Exception {
        assertStopped("SELECT (COUNT(*) AS ?count) " + CROSS, "application/sparql-results+json");
    }

    @Test
    void runawayStreamingSelectIsNotPassedOffAsComplete() throws Exception {
        assertStopped("SELECT DISTINCT ?a " + CROSS, "text/csv");
    }

    @Test
    void runawaySortIsStopped() throws Exception {
        assertStopped("SELECT * " + CROSS + " ORDER BY ?a ?o", "application/sparql-results+json");
    }

    @Test
    void aRunawayResultLargerThanTheHeldSizeIsStillA503BeforeAnyByte() throws Exception {
        Limits d = Limits.defaults(); // a row cap far above what the limit lets it compute: the rows are taken before sending
        Config uncapped = config.with(b -> b.heldResultBytes(64 << 10).limits(new Limits(d.queryBytes(), d.queryDepth(), d.queryUnions(),
                100_000_000, d.serviceCalls(), d.concurrentQueries(), d.clientConcurrent(), d.clientSecondsPerMinute(), "")));
        Servers.withServer(uncapped, base -> {
            RawHttp.Response r = RawHttp.get(base, "/sparql?query=" + Http.encode("SELECT * " + CROSS), "text/csv");
            assertEquals(503, r.status(), "no byte of a result the timeout cut is sent");
        });
    }

    @Test
    void aCompleteResultLargerThanTheHeldSizeSaysItIsCompleteBeforeTheBody() throws Exception {
        Servers.withServer(config.with(b -> b.heldResultBytes(16 << 10)), base -> {
            RawHttp.Response r = RawHttp.get(base, "/sparql?query=" + Http.encode("SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 5000"), "text/csv");
            assertEquals(200, r.status());
            assertTrue(r.bodyBytes() > 16 << 10, "larger than what is held: " + r.bodyBytes());
            assertEquals("true", r.headers().get(TimeoutGuard.COMPLETE.toLowerCase()), "a header, not a trailer: " + r.headers());
            assertTrue(r.trailers().isEmpty(), "no trailer: " + r.trailers());
        });
    }

    @Test
    void completeResultsSayTheyAreComplete() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.query(base, "SELECT * { ?s a ?c }", "text/csv");
            assertEquals(200, r.statusCode());
            assertEquals("true", r.headers().firstValue(TimeoutGuard.COMPLETE).orElse(""));
        });
    }
}
