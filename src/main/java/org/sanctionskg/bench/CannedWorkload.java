package org.sanctionskg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The canned queries the bench repeats. Until the canned-query API ({@code /queries/{name}}) is on main, ours is the
 * same query text posted to {@code /sparql}, and only queries that need no parameter value are used.
 */
final class CannedWorkload {
    static final String NOTE = "canned: the canned-query API (/queries/{name}, answer cache, ETag) is not on main yet: "
            + "ours is each canned query's SPARQL sent to /sparql, uncached; queries with parameter defaults and "
            + "federated ones are left out; the first-uncached-vs-/sparql figure cannot be measured yet";

    /** One canned query: its name (file stem) and the SPARQL both servers run. */
    record Canned(String name, String sparql) {}

    private CannedWorkload() {}

    static List<Canned> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".rq")).sorted()
                    .map(p -> new Canned(p.getFileName().toString().replaceFirst("\\.rq$", ""), read(p)))
                    .filter(q -> !q.sparql().contains("#+     default:") && !q.sparql().contains("SERVICE"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our request for a canned query. */
    static HttpRequest request(ServerProcess ours, Canned q) {
        return ours.get(q.sparql(), "");
    }
}
