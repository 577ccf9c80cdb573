package org.sanctionskg.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedFixture;
import org.sanctionskg.testing.RawRequest;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityHeadersTest {
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = LinkedFixture.load(root);
    }

    @Test
    void everyResponseSaysNosniffAndNoReferrerAndPagesRunOnlyOurScripts() throws Exception {
        Servers.withServer(config, base -> {
            for (String path : List.of("/", "/ui", "/ontology", "/.well-known/void", "/queries", "/sparql", "/id/nothing", "/queries/nothing"))
                for (String accept : List.of("text/html", "text/turtle", "*/*")) {
                    RawRequest.Answer a = RawRequest.get(base, path, accept);
                    assertEquals("nosniff", a.header("X-Content-Type-Options"), path + " " + accept);
                    assertEquals("no-referrer", a.header("Referrer-Policy"), path);
                    String csp = a.header("Content-Security-Policy");
                    assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), path + ": " + csp);
                }
        });
    }

    @Test
    void aForgedHostHeaderNeverReachesAPubliclyCacheableAnswer() throws Exception {
        Servers.withServer(config, base -> {
            for (String path : List.of("/.well-known/sparql-examples", "/sparql", "/.well-known/void", "/queries/openapi.json", "/")) {
                String request = "GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                        + "Accept: text/turtle, */*;q=0.5\r\nConnection: close\r\n\r\n";
                RawRequest.Answer a = RawRequest.send(base, request.getBytes(StandardCharsets.US_ASCII));
                assertEquals(200, a.status(), path);
                assertFalse(a.body().contains("evil.example"), path + " reflected the Host header");
            }
        });
    }
}
