package org.sanctionskg.query;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctionskg.query.Answered.rows;

/** SERVICE &lt;https://query.wikidata.org/sparql&gt; answered offline by a stand-in serving real Wikidata statements. */
class FederationTest {
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = QueryFixture.load(root);
    }

    /** The Wikidata fixture (WDQS's RDF shape), as a stand-in endpoint's dataset. */
    static DatasetGraph wikidata() {
        return Servers.wikidataStandIn();
    }

    /** {@code config} with SERVICE calls to Wikidata sent to {@code endpoint} and the given time limit. */
    static Config mirroredTo(Config config, URI endpoint, Duration timeout) {
        return config.with(b -> b.timeout(timeout).wikidataEndpoint(endpoint));
    }

    @Test
    void aFederatedQueryIsAnsweredByTheWikidataStandIn() throws Exception {
        Servers.withPlainFuseki(wikidata(), wd ->
            Servers.withServer(mirroredTo(config, wd.resolve("sparql"), Duration.ofSeconds(30)), base -> {
                var r = Http.get(base.resolve("queries/wikidata-label"), "application/sparql-results+json");
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(List.of(Map.of("label", "Chen Quanguo", "birthDate", "1955-11-01T00:00:00Z")), rows(r.body()));
                assertTrue(r.headers().firstValue("ETag").isPresent());
            }));
    }

    @Test
    void anUnreachableWikidataIsA502NotAnEmptyAnswer() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed + "/sparql");
        Servers.withServer(mirroredTo(config, nowhere, Duration.ofSeconds(10)), base -> {
            var r = Http.get(base.resolve("queries/wikidata-label"), "application/sparql-results+json");
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(r.body().contains("could not be reached"), r.body());
        });
    }

    @Test
    void aWikidataThatNeverAnswersIsA504WithinTheTimeLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI hanging = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/sparql");
            Servers.withServer(mirroredTo(config, hanging, Duration.ofSeconds(2)), base -> {
                var r = Http.get(base.resolve("queries/wikidata-label"), "application/sparql-results+json");
                assertEquals(504, r.statusCode(), r.body());
                assertTrue(r.body().contains("timed out") || r.body().contains("did not answer"), r.body());
            });
        }
    }
}
