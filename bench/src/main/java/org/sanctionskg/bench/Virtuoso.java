package org.sanctionskg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * OpenLink Virtuoso 7 for the comparison, set up by {@code .ci/bench/virtuoso.sh}: a private database, loopback
 * only, bulk-loaded into one graph that every query names with {@code default-graph-uri} (Virtuoso's default graph
 * is the union of all its graphs, its system graph included).
 */
final class Virtuoso implements AutoCloseable {
    static final String GRAPH = "urn:sanctions-kg:bench";

    private final Path script;
    private final Path dir;
    final ServerProcess server;

    private Virtuoso(Path script, Path dir, URI endpoint) {
        this.script = script;
        this.dir = dir;
        this.server = ServerProcess.external("Virtuoso 7", endpoint);
    }

    /** A fresh database in {@code dir} holding the triples of {@code ntFile}. */
    static Virtuoso up(BenchSettings s, Path ntFile, Path dir, Path log) throws InterruptedException {
        int sql = ServerProcess.freePort();
        int http = ServerProcess.freePort();
        Path script = s.virtuosoScript();
        List<String> cmd = List.of("bash", script.toString(), "up", dir.toString(), ntFile.toString(), GRAPH,
                Integer.toString(sql), Integer.toString(http));
        try (ChildProcess p = ChildProcess.start("virtuoso.sh up", cmd, log)) {
            p.await(Duration.ofMinutes(15));
        }
        return new Virtuoso(script, dir, URI.create("http://127.0.0.1:" + http + "/sparql"));
    }

    /** The query string suffix that selects our graph. */
    static String graphParameter() {
        return "&default-graph-uri=" + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        try (ChildProcess p = ChildProcess.start("virtuoso.sh down", List.of("bash", script.toString(), "down", dir.toString()),
                dir.resolveSibling("virtuoso-down.log"))) {
            p.await(Duration.ofMinutes(1));
        }
    }
}
