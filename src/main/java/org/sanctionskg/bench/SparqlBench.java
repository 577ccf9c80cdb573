package org.sanctionskg.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;
import org.sanctionskg.store.Build;

/** {@code /sparql} throughput and latency at N loopback clients: ours against the stock server, same store, same queries. */
final class SparqlBench {
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private SparqlBench() {}

    static void run(BenchSettings s, Workspace w, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        Build build = w.build(out);
        SyntheticData.Sources src = w.sources();
        LoadGenerator load = new LoadGenerator(http, s.clients());
        Duration warmup = warmup(s.duration());
        try (ServerProcess ours = ServerProcess.ours(s, w.store(), src.ontology(), src.data(), w.log("sparql-ours"));
             ServerProcess stock = ServerProcess.stock(s, w.stockCopy(build), w.log("sparql-stock"))) {
            ours.awaitFirstAnswer(http, STARTUP);
            stock.awaitFirstAnswer(http, STARTUP);
            for (SyntheticData.Workload q : SyntheticData.queries(src)) {
                int rows = sameAnswers(http, q, ours, stock);
                out.printf("sparql: %s (%d rows) at %d clients, %d s each…%n", q.name(), rows, s.clients(), s.duration().toSeconds());
                out.flush();
                var o = load.run(rng -> ours.get(q.query().apply(rng), ""), warmup, s.duration());
                var k = load.run(rng -> stock.get(q.query().apply(rng), ""), warmup, s.duration());
                report.add(new Row("sparql", q.name() + ", throughput", "q/s", o.perSecond(), "stock Fuseki", k.perSecond(), Target.atLeast(0.95)));
                report.add(new Row("sparql", q.name() + ", p50", "ms", o.p50Ms(), "stock Fuseki", k.p50Ms(), null));
                report.add(new Row("sparql", q.name() + ", p99", "ms", o.p99Ms(), "stock Fuseki", k.p99Ms(), null));
                if (o.failed() + k.failed() > 0)
                    report.note(String.format(Locale.ROOT, "sparql %s: failed requests ours %d, stock %d", q.name(), o.failed(), k.failed()));
            }
            report.add(new Row("sparql", "server peak RSS", "MiB", ours.peakRssKb() / 1024.0, "stock Fuseki", stock.peakRssKb() / 1024.0, null));
        }
        report.note(String.format(Locale.ROOT, "sparql: %d client threads on loopback (java.net.http, GET, SPARQL JSON), "
                + "%d s warm-up then %d s per query and server; answers checked identical first; both servers -Xmx%s",
                s.clients(), warmup.toSeconds(), s.duration().toSeconds(), s.xmx()));
    }

    static Duration warmup(Duration measured) {
        return Duration.ofSeconds(Math.max(2, Math.min(5, measured.toSeconds() / 4)));
    }

    /** Both servers' answers to the same drawn query, compared; returns the row count. */
    private static int sameAnswers(HttpClient http, SyntheticData.Workload q, ServerProcess a, ServerProcess b) throws InterruptedException {
        String text = q.query().apply(new SplittableRandom(1));
        List<String> x = Answers.fingerprint(http, a.get(text, ""));
        List<String> y = Answers.fingerprint(http, b.get(text, ""));
        if (!x.equals(y))
            throw new IllegalStateException(q.name() + ": the servers disagree (" + x.size() + " vs " + y.size() + " rows) on\n" + text);
        return x.size();
    }
}
