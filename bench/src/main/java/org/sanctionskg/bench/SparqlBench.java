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

/**
 * {@code /sparql} throughput and latency at N loopback clients on the same store and queries: ours against the stock
 * server (the target), and against a bare embedded Fuseki (what our hardening costs, apart from the stock server's
 * extra modules).
 */
final class SparqlBench {

    private SparqlBench() {}

    static void run(BenchSettings s, Workspace w, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        Build build = w.build(out);
        SyntheticData.Sources src = w.sources();
        LoadGenerator load = new LoadGenerator(http, s.clients());
        Duration warmup = s.warmup();
        try (ServerProcess ours = ServerProcess.ours(s, s.serverJvm(), w.store(), src.ontology(), src.data(), w.log("sparql-ours"));
             ServerProcess stock = ServerProcess.stock(s, s.serverJvm(), w.copyFor("stock", build), w.log("sparql-stock"));
             ServerProcess bare = ServerProcess.bare(s, s.serverJvm(), w.copyFor("bare", build), w.log("sparql-bare"))) {
            for (ServerProcess server : List.of(ours, stock, bare)) server.awaitFirstAnswer(http, ServerProcess.STARTUP);
            for (SyntheticData.Workload q : SyntheticData.queries(src)) {
                int rows = sameAnswers(http, q, ours, stock, bare);
                out.printf("sparql: %s (%d rows) at %d clients, %d s each…%n", q.name(), rows, s.clients(), s.duration().toSeconds());
                out.flush();
                Measured o = measure(load, ours, q, warmup, s.duration());
                Measured k = measure(load, stock, q, warmup, s.duration());
                Measured b = measure(load, bare, q, warmup, s.duration());
                report.add(new Row("sparql", q.name() + ", throughput", "q/s", o.perSecond(), "stock Fuseki", k.perSecond(), Target.atLeast(0.95)));
                report.add(new Row("sparql", q.name() + ", throughput", "q/s", o.perSecond(), "bare Fuseki main", b.perSecond(), null));
                report.add(new Row("sparql", q.name() + ", p50", "ms", o.p50Ms(), "stock Fuseki", k.p50Ms(), null));
                report.add(new Row("sparql", q.name() + ", p99", "ms", o.p99Ms(), "stock Fuseki", k.p99Ms(), null));
                report.add(new Row("sparql", q.name() + ", server CPU per query", "ms", o.cpuMs(), "stock Fuseki", k.cpuMs(), null));
                report.add(new Row("sparql", q.name() + ", server CPU per query", "ms", o.cpuMs(), "bare Fuseki main", b.cpuMs(), null));
                if (o.failed() + k.failed() + b.failed() > 0)
                    report.note(String.format(Locale.ROOT, "sparql %s: failed requests ours %d, stock %d, bare %d",
                            q.name(), o.failed(), k.failed(), b.failed()));
            }
        }
        report.note(String.format(Locale.ROOT, "sparql: %d client threads on loopback (java.net.http, GET, SPARQL JSON), "
                + "%d s warm-up then %d s per query and server; answers checked identical first; every server runs with "
                + "-Xms%s -Xmx%s -XX:+AlwaysPreTouch; bare Fuseki main = FusekiServer.create().add(\"/ds\", dsg, false), "
                + "none of our filters", s.clients(), warmup.toSeconds(), s.duration().toSeconds(), s.serverHeap(), s.serverHeap()));
    }

    /** A measured run and the server CPU time it cost per answered query (robust to other work on the machine). */
    record Measured(LoadGenerator.Stats stats, double cpuMs) {
        double perSecond() { return stats.perSecond(); }
        double p50Ms() { return stats.p50Ms(); }
        double p99Ms() { return stats.p99Ms(); }
        long failed() { return stats.failed(); }
    }

    static Measured measure(LoadGenerator load, ServerProcess server, SyntheticData.Workload q, Duration warmup,
                                    Duration duration) throws InterruptedException {
        LoadGenerator.Requests requests = rng -> server.get(q.query().apply(rng), "");
        load.warmUp(requests, warmup);
        double cpu = server.cpuSeconds();
        LoadGenerator.Stats stats = load.measure(requests, duration);
        return new Measured(stats, (server.cpuSeconds() - cpu) * 1000 / stats.ok());
    }

    /** Every server's answer to the same drawn query, compared; returns the row count. */
    static int sameAnswers(HttpClient http, SyntheticData.Workload q, ServerProcess... servers) throws InterruptedException {
        String text = q.query().apply(new SplittableRandom(1));
        List<String> first = Answers.fingerprint(http, servers[0].get(text, ""));
        for (int i = 1; i < servers.length; i++) {
            List<String> other = Answers.fingerprint(http, servers[i].get(text, ""));
            if (!other.equals(first))
                throw new IllegalStateException(q.name() + ": " + servers[0].name + " and " + servers[i].name + " disagree ("
                        + first.size() + " vs " + other.size() + " rows) on\n" + text);
        }
        return first.size();
    }
}
