package org.sanctionskg.clients;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The w3id.org rule that {@code docs/api.md} publishes, run by a small redirector built from its very text (the
 * {@code RewriteRule} of its {@code apache} block, as w3id's Apache applies it in {@code sanctions-kg/}), in front of
 * our server: a SPARQL query POSTed to the public IRI, by a client that follows redirects (the JDK's, NORMAL),
 * arrives as a POST with its body and gets its answer.
 */
class W3idRedirectTest {
    static final Pattern RULE = Pattern.compile("RewriteRule\\s+(\\S+)\\s+(\\S+)\\s+\\[R=(\\d{3}),L]");
    static final String QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

    @Test
    void aPostedQuerySurvivesTheDocumentedRedirect() throws Exception {
        Matcher rule = documentedRule();
        assertTrue(rule.group(3).equals("307") || rule.group(3).equals("308"), "the rule keeps method and body: R=" + rule.group(3));
        Servers.withServer(ProjectStore.config(), base -> {
            HttpResponse<String> direct = post(base.resolve("sparql"));
            assertEquals(200, direct.statusCode(), direct.body());
            withRedirector(rule, rule.group(3), base, w3id -> {
                HttpResponse<String> redirected = post(w3id.resolve("sanctions-kg/sparql"));
                assertEquals(200, redirected.statusCode(), redirected.body());
                assertTrue(redirected.previousResponse().isPresent(), "it went through the redirect");
                assertEquals(Integer.parseInt(rule.group(3)), redirected.previousResponse().get().statusCode());
                assertEquals(direct.body(), redirected.body(), "the answer to the query, not the service description");
            });
        });
    }

    @Test
    void theSameRuleWithA302WouldTurnThePostIntoAnEmptyGet() throws Exception {
        Matcher rule = documentedRule();
        Servers.withServer(ProjectStore.config(), base -> withRedirector(rule, "302", base, w3id -> {
            HttpResponse<String> redirected = post(w3id.resolve("sanctions-kg/sparql"));
            assertEquals(302, redirected.previousResponse().orElseThrow().statusCode());
            assertFalse(redirected.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"),
                    "a 302 made the client GET the service description: " + redirected.headers().map());
        }));
    }

    /** The one {@code RewriteRule} of the {@code apache} block in {@code docs/api.md}. */
    static Matcher documentedRule() throws Exception {
        String doc = Files.readString(Path.of("docs", "api.md"));
        int block = doc.indexOf("```apache");
        assertTrue(block >= 0, "docs/api.md has the w3id rule in an apache block");
        Matcher m = RULE.matcher(doc.substring(block, doc.indexOf("```", block + 3)));
        assertTrue(m.find(), "the apache block has a RewriteRule with [R=nnn,L]");
        return m;
    }

    static HttpResponse<String> post(URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + Http.encode(QUERY))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs {@code body} with a redirector on a free loopback port answering what Apache would for the rule in the
     * folder {@code /sanctions-kg/}: the pattern matched against the rest of the path, {@code $1} substituted, the
     * query string kept, the deployment's origin replaced by {@code server}'s, and {@code status}.
     */
    static void withRedirector(Matcher rule, String status, URI server, Servers.Body body) throws Exception {
        Pattern pattern = Pattern.compile(rule.group(1));
        String target = rule.group(2).replaceFirst("^https?://[^/]+/", server.toString());
        HttpServer redirector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirector.createContext("/sanctions-kg/", exchange -> {
            URI asked = exchange.getRequestURI();
            Matcher m = pattern.matcher(asked.getRawPath().substring("/sanctions-kg/".length()));
            String location = m.matches() ? m.replaceFirst(target) : null;
            if (location != null && asked.getRawQuery() != null) location += "?" + asked.getRawQuery();
            exchange.getRequestBody().readAllBytes();
            if (location != null) exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(location != null ? Integer.parseInt(status) : 404, -1);
            exchange.close();
        });
        redirector.start();
        try {
            body.run(URI.create("http://127.0.0.1:" + redirector.getAddress().getPort() + "/"));
        } finally {
            redirector.stop(0);
        }
    }
}
