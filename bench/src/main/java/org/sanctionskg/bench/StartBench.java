package org.sanctionskg.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;
import org.sanctionskg.store.Build;

/** Cold start to the first answered query: our {@code serve} against the stock Fuseki server, on the same store. */
final class StartBench {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private StartBench() {}

    static void run(BenchSettings s, Workspace w, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        Build build = w.build(out);
        Path copy = w.copyFor("stock", build);
        SyntheticData.Sources src = w.sources();
        List<Double> ours = new ArrayList<>();
        List<Double> stock = new ArrayList<>();
        for (int i = 0; i < s.startRuns(); i++) {
            out.printf("start: run %d of %d%n", i + 1, s.startRuns());
            out.flush();
            // Alternate who goes first, so neither always inherits the other's warm caches.
            if (i % 2 == 0) {
                ours.add(time(ServerProcess.ours(s, s.jvm(), w.store(), src.ontology(), src.data(), w.log("start-ours")), http));
                stock.add(time(ServerProcess.stock(s, s.jvm(), copy, w.log("start-stock")), http));
            } else {
                stock.add(time(ServerProcess.stock(s, s.jvm(), copy, w.log("start-stock")), http));
                ours.add(time(ServerProcess.ours(s, s.jvm(), w.store(), src.ontology(), src.data(), w.log("start-ours")), http));
            }
        }
        report.add(new Row("start", "cold start to first answer, median", "s", median(ours), "stock Fuseki", median(stock),
                Target.atMost(1.0)));
        report.note(String.format(Locale.ROOT, "start: %d runs each, alternating; ours %s s, stock %s s; page cache warm "
                + "(the store was just written or read); probe query: %s", s.startRuns(), seconds(ours), seconds(stock), ServerProcess.PROBE));
    }

    private static double time(ServerProcess server, HttpClient http) throws InterruptedException {
        try (server) {
            return server.awaitFirstAnswer(http, LIMIT).toNanos() / 1e9;
        }
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
