package org.sanctionskg.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

/**
 * The project's own {@code ontology/}, {@code data/} and {@code queries/}, loaded the way {@code load} does, once
 * for all the client tests of a run (a load costs more than every client check together); deleted at exit.
 */
final class ProjectStore {
    private static Config config;

    private ProjectStore() {}

    static synchronized Config config() {
        if (config == null) {
            try {
                Path dir = Files.createTempDirectory("sanctions-kg-clients");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                config = Servers.config(Path.of(""), dir.resolve("store"));
                Stores.load(config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return config;
    }

    /** Every entity document path ({@code id/…}) of the published graph, as our own endpoint lists them. */
    static List<String> entityPaths(java.net.URI server) throws Exception {
        String id = config().base() + "id/";
        String sparql = "SELECT DISTINCT ?e { { ?e ?p ?o } UNION { ?s ?p ?e } FILTER(isIRI(?e) && STRSTARTS(STR(?e), \"" + id + "\")) }";
        ResultSet rows = ResultSetMgr.read(new java.io.ByteArrayInputStream(
                Http.query(server, sparql, "application/sparql-results+json").body().getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<String> paths = new java.util.ArrayList<>();
        rows.forEachRemaining((QuerySolution s) -> {
            String iri = s.getResource("e").getURI();
            String rest = iri.substring(id.length());
            if (!rest.isEmpty() && !rest.contains("#") && !rest.endsWith("/")) paths.add("id/" + rest);
        });
        paths.sort(null);
        return paths;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
