package org.sanctionskg.server;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GracefulStopTest {
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";

    @Test
    void stoppingLetsARequestInFlightFinishAndRefusesNewOnes(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root).with(b -> b.timeout(Duration.ofSeconds(3)));
        try (LiveReleases releases = LiveReleases.of(config, new java.io.PrintWriter(System.err, true))) {
            FusekiServer server = KgServer.drainOnStop(KgServer.build(config, releases, Catalogue.load(config.queriesDir())), Duration.ofSeconds(10)).start();
            URI base = URI.create("http://127.0.0.1:" + server.getPort() + "/");
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return Http.query(base, SLOW, "application/sparql-results+json");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500); // the query is running
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(503, answer.statusCode(), "the request in flight got its whole answer: " + answer.body());
            assertTrue(answer.body().contains("time limit"), answer.body());
            stopping.get(30, TimeUnit.SECONDS);
            Exception refused = assertThrows(Exception.class, () -> Http.query(base, "ASK {}", "application/sparql-results+json"));
            assertTrue(refused instanceof ConnectException || refused.getCause() instanceof ConnectException
                    || refused instanceof java.io.IOException, "a stopped server accepts nothing: " + refused);
        }
    }
}
