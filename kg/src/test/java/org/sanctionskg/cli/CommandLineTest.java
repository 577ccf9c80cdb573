package org.sanctionskg.cli;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.testing.ChildJvm;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Stores;
import org.sanctionskg.testing.Trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and one-line messages for each kind of bad input; never a stack trace. */
class CommandLineTest {

    private static void assertOneLineError(Cli run, int code, String mentions) {
        assertEquals(code, run.exitCode(), run.err());
        assertTrue(run.err().contains(mentions), "expected '" + mentions + "' in: " + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void unknownCommandIsOneLineAndExitCodeOne() {
        assertOneLineError(Cli.run("frobnicate"), 1, "frobnicate");
    }

    @Test
    void unknownOptionIsOneLineAndExitCodeOne() {
        assertOneLineError(Cli.run("load", "--frob"), 1, "--frob");
    }

    @Test
    void missingDirectoryIsNamed(@TempDir Path root) {
        assertOneLineError(Cli.run("validate", "--ontology", root.resolve("nope").toString(), "--data", root.toString()), 1, "nope: no such directory");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn(@TempDir Path root) throws Exception {
        Fixtures.copy("engine", root);
        Files.writeString(root.resolve("data/broken.ttl"), "@prefix ex: <https://example.org/mini#> .\nex:a ex:b ex:c ;\n  ex:d \"unterminated .\n");
        Cli run = Cli.run(Cli.withSources(root, "load"));
        assertOneLineError(run, 1, "broken.ttl:");
        assertTrue(run.err().matches("(?s).*broken\\.ttl:\\d+:\\d+: .*"), "file:line:col — " + run.err());
        assertFalse(Files.exists(root.resolve("store/CURRENT")), "nothing was published");
    }

    @Test
    void everyBadFileIsReportedAtOnce(@TempDir Path root) throws Exception {
        Fixtures.copy("engine", root);
        Files.writeString(root.resolve("data/one.ttl"), "<a> <b> .\n");
        Files.writeString(root.resolve("data/two.nt"), "<urn:a> <urn:b> \"x\"^^<urn:nonsense .\n");
        Cli run = Cli.run(Cli.withSources(root, "validate"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("one.ttl:1:") && run.err().contains("two.nt:1:"), run.err());
    }

    @Test
    void validateWritesNothingAndSaysValid(@TempDir Path root) {
        Fixtures.copy("engine", root);
        Cli run = Cli.run(Cli.withSources(root, "validate"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Valid"));
        assertFalse(Files.exists(root.resolve("store")));
    }

    @Test
    void malformedSparqlNamesLineAndColumn(@TempDir Path root) {
        Stores.loaded("engine", root);
        assertOneLineError(Cli.run("query", "--store", root.resolve("store").toString(), "--sparql", "SELECT * WHERE {\n ?s ?p"), 1, "query:2:");
    }

    @Test
    void queryPrintsRowsInTheChosenFormat(@TempDir Path root) {
        Stores.loaded("engine", root);
        Cli run = Cli.run("query", "--store", root.resolve("store").toString(), "--format", "csv",
                "--sparql", "SELECT ?s { ?s a <https://example.org/mini#State> } ORDER BY ?s");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("s\nhttps://example.org/id/alpha\nhttps://example.org/id/beta", run.out().strip().replace("\r", ""));
    }

    @Test
    void queryWithoutAStoreSaysToLoadFirst(@TempDir Path root) {
        assertOneLineError(Cli.run("query", "--store", root.resolve("none").toString(), "--sparql", "ASK {}"), 1, "run 'load' first");
    }

    @Test
    void exportWritesTheWholeDatasetThatParsesBack(@TempDir Path root) {
        Stores.loaded("engine", root);
        Path out = root.resolve("dump.nq");
        Cli run = Cli.run("export", "--store", root.resolve("store").toString(), "--format", "nq", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.source(out).lang(Lang.NQUADS).parse(dsg);
        assertTrue(dsg.containsGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/sanctions-kg/graph/entailments")));
        assertTrue(dsg.stream().count() > 40);
        for (String format : new String[] {"ttl", "jsonld"}) {
            Path file = root.resolve("dump." + format);
            assertEquals(0, Cli.run("export", "--store", root.resolve("store").toString(), "--format", format, "--out", file.toString()).exitCode());
            org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            RDFParser.source(file).parse(g);
            assertEquals(dsg.getUnionGraph().size(), g.size(), format + " holds the union graph");
        }
        assertOneLineError(Cli.run("export", "--store", root.resolve("store").toString(), "--format", "xls"), 1, "xls");
    }

    @Test
    void statsCountsTriplesGraphsAndInstances(@TempDir Path root) {
        Stores.loaded("engine", root);
        Cli run = Cli.run("stats", "--store", root.resolve("store").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("https://w3id.org/sanctions-kg/graph/data/facts"));
        assertTrue(run.out().matches("(?s).*\\s2\\s+https://example.org/mini#State.*"), run.out());
    }

    @Test
    void portInUseIsOneLine(@TempDir Path root) throws Exception {
        Stores.loaded("engine", root);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Cli run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Cli.run(Cli.withSources(root, "serve", "--loopback", "--port", Integer.toString(taken.getLocalPort()))));
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("port " + taken.getLocalPort() + " is already in use"), run.err());
        }
    }

    @Test
    void storeLockedByAnotherProcessIsOneLine(@TempDir Path root) throws Exception {
        Stores.loaded("engine", root);
        try (ChildJvm server = new ChildJvm(root, Cli.withSources(root, "serve", "--loopback", "--port", "0"))) {
            server.awaitLine("Serving build", 60);
            assertOneLineError(Cli.run("query", "--store", root.resolve("store").toString(), "--sparql", "ASK {}"), 1, "locked by another process");
        }
    }

    @Test
    void badTimeoutIsRefusedWithItsName(@TempDir Path root) {
        Stores.loaded("engine", root);
        assertOneLineError(Cli.run(Cli.withSources(root, "serve", "--timeout", "0")), 1, "timeout");
    }

    @Test
    void remoteJsonLdContextIsNeverFetched(@TempDir Path root) throws Exception {
        Fixtures.copy("engine", root);
        try (Trap trap = new Trap()) {
            Files.writeString(root.resolve("data/remote.jsonld"), "{\"@context\": \"" + trap.uri("/context.jsonld") + "\", \"@id\": \"urn:x\", \"name\": \"x\"}");
            Cli run = Cli.run(Cli.withSources(root, "validate"));
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("remote.jsonld"), run.err());
            assertEquals(0, trap.connections());
        }
    }

    @Test
    void eachRequestIsLoggedOnceAndSigtermStopsTheServerCleanly(@TempDir Path root) throws Exception {
        Stores.loaded("engine", root);
        try (ChildJvm server = new ChildJvm(root, Cli.withSources(root, "serve", "--loopback", "--port", "0"))) {
            String serving = server.awaitLine("Serving build", 60);
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("localhost:(\\d+)/").matcher(serving);
            assertTrue(port.find(), serving);
            java.net.URI base = java.net.URI.create("http://127.0.0.1:" + port.group(1) + "/");
            assertEquals(200, org.sanctionskg.testing.Http.query(base, "ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
            assertTrue(server.awaitLine("GET /sparql 200 ", 30).matches(".*GET /sparql 200 \\d+ms$"), "one log line: method, path, status, ms");
            // Refused requests are logged too, with the status they got: by our guard, and by Jetty before any filter.
            assertEquals(400, org.sanctionskg.testing.RawRequest.get(base, "/queries/timeline?from=%zz", null).status());
            assertTrue(server.awaitLine("GET /queries/timeline 400 ", 30).matches(".*GET /queries/timeline 400 \\d+ms$"));
            assertEquals(405, org.sanctionskg.testing.RawRequest.send(base, "PROPFIND /ontology HTTP/1.1", "", new byte[0]).status());
            assertTrue(server.awaitLine("PROPFIND /ontology 405 ", 30).contains("PROPFIND /ontology 405"));
            var badPath = org.sanctionskg.testing.RawRequest.get(base, "/id/%zz", null);
            assertEquals(400, badPath.status(), "a bad escape in the path, refused by Jetty itself");
            assertTrue(badPath.body().startsWith("400 Bad Request: malformed request"), "in our format: " + badPath.body());
            String logged = server.awaitLine(" 400 ", 30);
            assertTrue(logged.matches(".*BAD /badMessage 400 \\d+ms$"), "and logged once, as Jetty names a request it cannot parse: " + logged);
            server.process().destroy();
            assertTrue(server.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "stopped on SIGTERM");
        }
        Cli after = Cli.run("query", "--store", root.resolve("store").toString(), "--sparql", "ASK { ?s ?p ?o }");
        assertEquals(0, after.exitCode(), after.err());
    }

    @Test
    void aBrokenCannedQueryStopsServeBeforeAnythingIsLoaded(@TempDir Path root) throws Exception {
        Cli run = serveWithQuery(root, "broken.rq", "#+ summary: Broken on purpose\nSELECT * WHERE {\n  ?s ?p\n");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().matches("(?s).*broken\\.rq:\\d+:\\d+.*"), "file:line:col — " + run.err());
        assertFalse(Files.exists(root.resolve("store/CURRENT")), "nothing was loaded");
    }

    @Test
    void aCannedQueryCallingADisallowedServiceStopsServe(@TempDir Path root) throws Exception {
        Cli run = serveWithQuery(root, "elsewhere.rq", "#+ summary: Calls a host we do not allow\nSELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }\n");
        assertOneLineError(run, 1, "elsewhere.rq: SERVICE <http://127.0.0.1:9/sparql> is not allowed");
    }

    /** Runs serve on the engine fixture with one canned query; a test expects it to refuse to start. */
    private static Cli serveWithQuery(Path root, String file, String text) throws Exception {
        Fixtures.copy("engine", root);
        Files.createDirectories(root.resolve("queries"));
        Files.writeString(root.resolve("queries").resolve(file), text);
        return assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.run(Cli.withSources(root, "serve", "--loopback", "--port", "0", "--queries", root.resolve("queries").toString())));
    }

    @Test
    void aBaseThatIsNotAnHttpIriIsRefusedWithItsName(@TempDir Path root) {
        Stores.loaded("engine", root);
        assertOneLineError(Cli.run(Cli.withSources(root, "serve", "--base", "javascript:alert(1)")), 1, "Illegal base=");
        assertOneLineError(Cli.run(Cli.withSources(root, "serve", "--base", "https://example.org/a b/")), 1, "Illegal base=");
    }
}
