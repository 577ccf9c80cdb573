package org.sanctionskg.endpoint;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config.Limits;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.RawRequest;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairShareTest {
    /** Runs until the 2 s limit stops it. */
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
    private static final String CHEAP = "ASK { ?s ?p ?o }";
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = Stores.loaded("engine", root).with(b -> b.timeout(Duration.ofSeconds(2)));
    }

    private static Config with(int clientConcurrent, int clientSeconds, String trustedProxy) {
        Limits d = Limits.defaults();
        return config.with(b -> b.limits(new Limits(d.queryBytes(), d.queryDepth(), d.queryUnions(), d.resultRows(), d.serviceCalls(),
                d.concurrentQueries(), clientConcurrent, clientSeconds, trustedProxy)));
    }

    @Test
    void aClientOverItsConcurrentQueriesGets429WithRetryAfterWhileOthersAreServed() throws Exception {
        Servers.withServer(with(1, 120, ""), base -> {
            HttpResponse<String> refused = null;
            for (int attempt = 0; attempt < 10 && refused == null; attempt++) {
                CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> query(base, SLOW));
                while (refused == null && !slow.isDone()) { // cheap ones sent before the slow one arrives are served
                    HttpResponse<String> r = Http.query(base, CHEAP, "application/sparql-results+json");
                    if (r.statusCode() == 429) refused = r;
                    else assertEquals(200, r.statusCode(), r.body());
                }
                int slowStatus = slow.get(30, TimeUnit.SECONDS).statusCode();
                // The slow one is refused instead when it arrives while a cheap one runs: then try again.
                assertTrue(slowStatus == 503 || slowStatus == 429 && refused == null, "the slow one: " + slowStatus);
            }
            assertTrue(refused != null, "a second query while the first ran was refused");
            assertTrue(refused.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"));
            assertTrue(refused.body().startsWith("429 Too Many Requests: this client already has 1 queries running"), refused.body());
            assertEquals(200, Http.query(base, CHEAP, "application/sparql-results+json").statusCode(), "free again once it ended");
        });
    }

    @Test
    void aClientOverItsQueryTimePerMinuteGets429UntilTheMinuteEnds() throws Exception {
        Servers.withServer(with(4, 1, ""), base -> {
            assertEquals(503, query(base, SLOW).statusCode(), "2 s of query time, over the 1 s a minute");
            HttpResponse<String> next = Http.query(base, CHEAP, "application/sparql-results+json");
            assertEquals(429, next.statusCode(), next.body());
            long retry = Long.parseLong(next.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 1 && retry <= 61, "retry within the minute: " + retry);
            assertTrue(next.body().contains("1 s of query time"), next.body());
        });
    }

    @Test
    void xForwardedForNamesTheClientOnlyWhenItComesFromTheTrustedProxy() throws Exception {
        Servers.withServer(with(4, 1, "127.0.0.1"), base -> {
            assertEquals(503, RawRequest.get(base, "/sparql?query=" + Http.encode(SLOW), null, "X-Forwarded-For: 203.0.113.7").status());
            assertEquals(429, RawRequest.get(base, "/sparql?query=" + Http.encode(CHEAP), null, "X-Forwarded-For: 203.0.113.7").status(),
                    "the proxied client used its time");
            assertEquals(200, RawRequest.get(base, "/sparql?query=" + Http.encode(CHEAP), null, "X-Forwarded-For: 198.51.100.9").status(),
                    "another client behind the same proxy is served");
        });
        Servers.withServer(with(4, 1, ""), base -> {
            assertEquals(503, RawRequest.get(base, "/sparql?query=" + Http.encode(SLOW), null, "X-Forwarded-For: 203.0.113.7").status());
            assertEquals(429, RawRequest.get(base, "/sparql?query=" + Http.encode(CHEAP), null, "X-Forwarded-For: 198.51.100.9").status(),
                    "without a trusted proxy a forged X-Forwarded-For does not make a new client");
        });
    }

    private static HttpResponse<String> query(URI base, String q) {
        try {
            return Http.query(base, q, "application/sparql-results+json");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
