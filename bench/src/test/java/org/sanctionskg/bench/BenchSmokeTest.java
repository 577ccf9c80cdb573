package org.sanctionskg.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bench, every part, on the smallest input it takes: 1,000 synthetic triples, 2 clients, 1 measured
 * second, 1 cold start each, a 1 s query time limit for the abuse part, against the stock Jena tools that the build copies from Maven Central into
 * {@code target/stock} (see bench/pom.xml). It proves the harness runs end to end and reports figures for both
 * contenders of every row; the figures themselves mean nothing at this size. Virtuoso is left out (--virtuoso).
 *
 * <p>Runs in {@code mvn verify}, after the kg module's package phase has written the product jar. Surefire passes
 * where that jar and the stock tools are; the defaults are for a run from the repository root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchSmokeTest {
    // Not switch and replicas: their 8 s windows and three replica JVMs would take mvn verify past its 10 minutes on
    // 2 cores; what they measure is tested in kg (LiveSwitchTest, ReplicasBehindNginxTest) and they run in the bench.
    private static final List<String> PARTS = List.of("load", "start", "sparql", "stats", "canned", "abuse");

    @TempDir static Path work;

    private int exit;
    private String out;
    private String err;
    private JsonObject results;

    @BeforeAll
    void runEveryPartOnATinyInput() throws Exception {
        Path jar = Path.of(System.getProperty("bench.productJar", "target/sanctions-kg.jar")).toAbsolutePath();
        Path stock = Path.of(System.getProperty("bench.stockDir", "bench/target/stock")).toAbsolutePath();
        Path project = Path.of(System.getProperty("bench.project", ".")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "no product jar at " + jar
                + ": the kg module's package phase writes it; run `mvn verify` (not `mvn test`) from the repository root");

        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        exit = BenchCommand.run(new PrintWriter(o), new PrintWriter(e),
                "--triples", "1000", "--clients", "2", "--seconds", "1", "--warmup", "0", "--start-runs", "1",
                "--xmx", "512m", "--server-heap", "256m", "--abuse-timeout", "1",
                "--only", String.join(",", PARTS),
                "--work", work.toString(), "--stock-dir", stock.toString(),
                "--project", project.toString(), "--jar", jar.toString());
        out = o.toString();
        err = e.toString();
        System.out.println(out); // the report, for the build log
        System.err.print(err);
        Path json = work.resolve("bench-results.json");
        if (Files.isRegularFile(json)) results = JSON.read(json.toString());
    }

    @Test
    void everyPartRunsToTheEndAndWritesItsResultsAsJson() {
        assertEquals(0, exit, () -> "exit " + exit + "; stderr: " + err + "\nstdout: " + out);
        assertEquals("", err.strip());
        assertNotNull(results, "no " + work.resolve("bench-results.json"));
        assertTrue(results.getString("command").startsWith("sanctions-kg-bench --triples 1000 "), results.getString("command"));
        assertTrue(out.contains("JSON: " + work.resolve("bench-results.json")), out);
    }

    @Test
    void everyPartReportsPositiveFiguresForBothContendersOfEachRow() {
        assertNotNull(results, "no results: " + err);
        List<JsonObject> rows = rows();
        for (String part : PARTS)
            assertTrue(rows.stream().anyMatch(r -> r.getString("part").equals(part)), "no row for part " + part);
        List<Executable> checks = new ArrayList<>();
        for (JsonObject r : rows) {
            if (part(r, "abuse")) continue; // counts that may be 0, and the abuser's rows have no peer: see below
            if (r.getString("metric").contains("failed") || r.getString("metric").startsWith("releases installed")) continue; // counts that may be 0
            String what = r.getString("part") + " / " + r.getString("metric") + " vs " + r.getString("peer") + ": " + r;
            checks.add(() -> assertTrue(positive(r.get("ours")), "ours not positive: " + what));
            if (isVirtuoso(r)) {
                // Not run without --virtuoso: the peer's column is n/a, never a made-up figure.
                checks.add(() -> assertTrue(r.get("peerValue").isNull() && r.get("ratio").isNull(), "Virtuoso figures without Virtuoso: " + what));
            } else {
                checks.add(() -> assertTrue(positive(r.get("peerValue")), "peer not positive: " + what));
                checks.add(() -> assertTrue(positive(r.get("ratio")), "ratio not positive: " + what));
            }
        }
        assertAll(checks);
    }

    @Test
    void eachPartComparesOursWithItsStockPeer() {
        assertNotNull(results, "no results: " + err);
        assertAll(
                () -> assertRow(r -> part(r, "load") && r.getString("metric").startsWith("rate") && peer(r, "tdb2.tdbloader")),
                () -> assertRow(r -> part(r, "load") && r.getString("metric").equals("peak RSS") && peer(r, "tdb2.tdbloader")),
                () -> assertRow(r -> part(r, "start") && peer(r, "stock Fuseki")),
                () -> {
                    for (String q : List.of("lookup", "2-hop join + date filter", "COUNT … GROUP BY")) {
                        assertRow(r -> part(r, "sparql") && r.getString("metric").equals(q + ", throughput") && peer(r, "stock Fuseki"));
                        assertRow(r -> part(r, "sparql") && r.getString("metric").equals(q + ", throughput") && peer(r, "bare Fuseki main"));
                    }
                },
                () -> assertRow(r -> part(r, "canned") && r.getString("metric").startsWith("first uncached: sanctioning-parties")
                        && peer(r, "same SPARQL, /sparql")),
                () -> assertRow(r -> part(r, "canned") && r.getString("metric").startsWith("first uncached: targets-compared")
                        && peer(r, "same SPARQL, /sparql")),
                () -> assertRow(r -> part(r, "canned") && r.getString("metric").endsWith(", repeated")));
    }

    @Test
    void theAbusePartReportsTheNormalClientsWithAndWithoutTheAbuserAndWhatTheAbuserWasAnswered() {
        assertNotNull(results, "no results: " + err);
        List<Executable> checks = new ArrayList<>();
        for (String metric : List.of("normal clients, requests", "normal clients, throughput", "normal clients, p50", "normal clients, p99")) {
            JsonObject r = abuseRow(metric);
            checks.add(() -> assertTrue(positive(r.get("ours")) && positive(r.get("peerValue")) && positive(r.get("ratio")), metric + ": " + r));
        }
        JsonObject p99 = abuseRow("normal clients, p99");
        checks.add(() -> assertEquals("≤ 1.50×", p99.getString("target"), p99.toString()));
        JsonObject errors = abuseRow("normal clients, errors (≥ 400 or no answer)");
        checks.add(() -> assertTrue(count(errors.get("ours")) && count(errors.get("peerValue")), errors.toString()));
        checks.add(() -> assertEquals("ours ≤ 0", errors.getString("target"), errors.toString()));
        for (String metric : List.of("server CPU", "bench JVM CPU (clients + abuser)", "other processes' CPU")) {
            JsonObject r = abuseRow(metric);
            checks.add(() -> assertTrue(count(r.get("ours")) && count(r.get("peerValue")), metric + ": " + r));
        }
        // The abuser was answered: its refusals (400, 413, 429) come back at once, even within one second.
        JsonObject answered = abuseRow("abuser, requests answered");
        checks.add(() -> assertTrue(positive(answered.get("ours")), answered.toString()));
        checks.add(() -> assertTrue(rows().stream().anyMatch(r -> part(r, "abuse") && r.getString("metric").matches("abuser, answered (400|413|429|503)")
                && positive(r.get("ours"))), rows().toString()));
        List<String> notes = notes();
        checks.add(() -> assertTrue(notes.stream().anyMatch(n -> n.matches("abuse, without abuser: loadavg [0-9. ]+ before, [0-9. ]+ after; all cores busy .*")), notes.toString()));
        checks.add(() -> assertTrue(notes.stream().anyMatch(n -> n.matches("abuse, with abuser: loadavg [0-9. ]+ before, [0-9. ]+ after; all cores busy .*")), notes.toString()));
        assertAll(checks);
    }

    @Test
    void theReportSaysHowManyCoresAndHowBusyTheMachineWasBeforeEachPart() {
        assertNotNull(results, "no results: " + err);
        List<String> notes = notes();
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("machine: " + cores + " cores, ")), notes.toString());
        for (String part : PARTS)
            assertTrue(notes.stream().anyMatch(n -> n.matches(part + ": before it, loadavg [0-9.]+ [0-9.]+ [0-9.]+, other work kept [0-9]+% of the cores busy.*")),
                    "no machine load before " + part + ": " + notes);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("loadavg at the end: ")), notes.toString());
        assertTrue(notes.contains("canned: Virtuoso not run (add --virtuoso); its column is n/a"), notes.toString());
        assertFalse(notes.stream().anyMatch(n -> n.contains("failed requests")), notes.toString());
        // The printed table carries the same rows and notes.
        assertTrue(out.contains("note: machine: " + cores + " cores"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("part ") && l.contains("ratio")), out);
    }

    private List<String> notes() {
        return results.get("notes").getAsArray().stream().map(v -> v.getAsString().value()).toList();
    }

    private JsonObject abuseRow(String metric) {
        return rows().stream().filter(r -> part(r, "abuse") && r.getString("metric").equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no abuse row " + metric + " in " + rows()));
    }

    private List<JsonObject> rows() {
        return results.get("rows").getAsArray().stream().map(JsonValue::getAsObject).toList();
    }

    private void assertRow(Predicate<JsonObject> wanted) {
        assertTrue(rows().stream().anyMatch(wanted), "no such row in " + rows());
    }

    private static boolean part(JsonObject r, String part) {
        return r.getString("part").equals(part);
    }

    private static boolean peer(JsonObject r, String peer) {
        return r.getString("peer").equals(peer);
    }

    private static boolean isVirtuoso(JsonObject r) {
        return r.getString("peer").equals("Virtuoso 7");
    }

    /** A figure that may be 0: a count, or CPU seconds over a short run. */
    private static boolean count(JsonValue v) {
        if (v == null || !v.isNumber()) return false;
        double d = v.getAsNumber().value().doubleValue();
        return d >= 0 && Double.isFinite(d);
    }

    private static boolean positive(JsonValue v) {
        if (v == null || !v.isNumber()) return false;
        double d = v.getAsNumber().value().doubleValue();
        return d > 0 && Double.isFinite(d);
    }
}
