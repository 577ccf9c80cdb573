package org.sanctionskg.web;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;
import org.sanctionskg.testing.Trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceFederationTest {
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = Stores.loaded("engine", root);
    }

    private static Config allowing(URI... endpoints) {
        List<URI> allowed = new java.util.ArrayList<>(List.of(Config.WIKIDATA_SPARQL));
        allowed.addAll(List.of(endpoints));
        return config.with(b -> b.timeout(Duration.ofSeconds(10)).allowedServices(allowed));
    }

    private static DatasetGraph peerData() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.add(Quad.create(Quad.defaultGraphIRI, NodeFactory.createURI("urn:peer:x"), NodeFactory.createURI("urn:peer:says"), NodeFactory.createLiteralString("hello")));
        return dsg;
    }

    @Test
    void serviceToADisallowedEndpointIsRefusedBeforeAnyConnection() throws Exception {
        try (Trap trap = new Trap()) {
            Servers.withServer(allowing(), base -> {
                for (String q : new String[] {
                        "SELECT * { SERVICE <" + trap.uri("/sparql") + "> { ?s ?p ?o } }",
                        "SELECT * { SERVICE SILENT <" + trap.uri("/sparql") + "> { ?s ?p ?o } }",
                        "SELECT * { BIND(<" + trap.uri("/sparql") + "> AS ?svc) SERVICE ?svc { ?s ?p ?o } }"}) {
                    HttpResponse<String> r = Http.query(base, q, "application/sparql-results+json");
                    assertEquals(422, r.statusCode(), q);
                    assertTrue(r.body().contains("not allowed"), r.body());
                }
            });
            assertEquals(0, trap.connections(), "no connection may reach a disallowed endpoint");
        }
    }

    @Test
    void serviceToAnAllowedEndpointAnswers() throws Exception {
        Servers.withPlainFuseki(peerData(), peer -> {
            Servers.withServer(allowing(peer.resolve("sparql")), base -> {
                HttpResponse<String> r = Http.query(base, "SELECT ?o { SERVICE <" + peer.resolve("sparql") + "> { <urn:peer:x> <urn:peer:says> ?o } }", "text/csv");
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("hello"));
            });
        });
    }

    @Test
    void wikidataServiceIsMappedToTheConfiguredEndpoint() throws Exception {
        Servers.withPlainFuseki(peerData(), peer -> {
            Config mapped = config.with(b -> b.timeout(Duration.ofSeconds(10)).wikidataEndpoint(peer.resolve("sparql")));
            Servers.withServer(mapped, base -> {
                HttpResponse<String> r = Http.query(base, "SELECT ?o { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }", "text/csv");
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("hello"));
            });
        });
    }

    @Test
    void aRedirectFromAnAllowedEndpointIsNotFollowed() throws Exception {
        try (Trap trap = new Trap()) {
            HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            redirector.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Location", trap.uri("/internal").toString() + "?" + exchange.getRequestURI().getRawQuery());
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            redirector.start();
            try {
                URI allowedButRedirecting = URI.create("http://127.0.0.1:" + redirector.getAddress().getPort() + "/sparql");
                Servers.withServer(allowing(allowedButRedirecting), base -> {
                    HttpResponse<String> r = Http.query(base, "SELECT * { SERVICE <" + allowedButRedirecting + "> { ?s ?p ?o } }", "text/csv");
                    assertEquals(502, r.statusCode(), "a redirect is a bad gateway, not a hop: " + r.body());
                    assertTrue(r.body().contains("redirects are not followed"), r.body());
                });
            } finally {
                redirector.stop(0);
            }
            assertEquals(0, trap.connections(), "the redirect target must never be contacted");
        }
    }
}
