package org.sanctionskg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.store.Build;

/**
 * What TDB2's optimizer statistics ({@code stats.opt}, written into every build) do to the {@code sparql} part's
 * queries: the same bare Fuseki on two copies of our build, one with the file and one without it (TDB2 then falls
 * back to its fixed reordering), the same clients and queries, one after the other.
 */
final class StatsBench {
    private StatsBench() {}

    static void run(BenchSettings s, Workspace w, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        Build build = w.build(out);
        Path with = w.copyFor("stats-with", build);
        Path without = w.copyFor("stats-without", build);
        deleteStats(without);
        LoadGenerator load = new LoadGenerator(http, s.clients());
        try (ServerProcess withStats = ServerProcess.bare(s, s.serverJvm(), with, w.log("stats-with"));
             ServerProcess withoutStats = ServerProcess.bare(s, s.serverJvm(), without, w.log("stats-without"))) {
            for (ServerProcess server : List.of(withStats, withoutStats)) server.awaitFirstAnswer(http, ServerProcess.STARTUP);
            for (SyntheticData.Workload q : SyntheticData.queries(w.sources())) {
                int rows = SparqlBench.sameAnswers(http, q, withStats, withoutStats);
                out.printf("stats: %s (%d rows), with and without stats.opt…%n", q.name(), rows);
                out.flush();
                SparqlBench.Measured on = SparqlBench.measure(load, withStats, q, s.warmup(), s.duration());
                SparqlBench.Measured off = SparqlBench.measure(load, withoutStats, q, s.warmup(), s.duration());
                report.add(new Row("stats", q.name() + ", throughput", "q/s", on.perSecond(), "without stats.opt", off.perSecond(), null));
                report.add(new Row("stats", q.name() + ", server CPU per query", "ms", on.cpuMs(), "without stats.opt", off.cpuMs(), null));
            }
        }
        report.note(String.format(Locale.ROOT, "stats: bare Fuseki main on two copies of our build, with and without "
                + "Data-0001/stats.opt; %d clients, %d s warm-up then %d s per query and copy", s.clients(), s.warmup().toSeconds(), s.duration().toSeconds()));
    }

    private static void deleteStats(Path tdb2) {
        try (var data = Files.list(tdb2)) {
            for (Path dir : data.filter(d -> d.getFileName().toString().startsWith("Data-")).toList())
                Files.deleteIfExists(dir.resolve("stats.opt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
