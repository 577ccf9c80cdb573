package org.sanctionskg.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import org.sanctionskg.bench.BenchSettings.Part;

/** Runs the chosen comparisons side by side in one run and reports them as ratios, as a table and as JSON. */
public final class Bench {
    private static final Duration QUIET_SAMPLE = Duration.ofSeconds(2);

    private Bench() {}

    /** A comparison of the bench. */
    @FunctionalInterface
    private interface Step {
        void run() throws InterruptedException;
    }

    public static Report run(BenchSettings s, String command, PrintWriter out) throws InterruptedException {
        Report report = new Report(command);
        report.note("machine: " + Machine.describe());
        Workspace w = new Workspace(s);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        if (s.runs(Part.LOAD) || s.runs(Part.START) || s.runs(Part.SPARQL) || s.runs(Part.STATS) || s.runs(Part.ABUSE)
                || s.runs(Part.SWITCH) || s.runs(Part.REPLICAS)) {
            out.printf("generating %,d synthetic triples (seed %d) under %s…%n", s.triples(), s.seed(), s.work());
            out.flush();
            w.sources();
        }
        step(s, Part.LOAD, report, out, () -> LoadBench.run(s, w, report, out));
        step(s, Part.START, report, out, () -> StartBench.run(s, w, http, report, out));
        step(s, Part.SPARQL, report, out, () -> SparqlBench.run(s, w, http, report, out));
        step(s, Part.STATS, report, out, () -> StatsBench.run(s, w, http, report, out));
        step(s, Part.CANNED, report, out, () -> CannedBench.run(s, http, report, out));
        step(s, Part.ABUSE, report, out, () -> AbuseBench.run(s, w, http, report, out));
        step(s, Part.SWITCH, report, out, () -> SwitchBench.run(s, w, http, report, out));
        step(s, Part.REPLICAS, report, out, () -> ReplicasBench.run(s, w, http, report, out));
        report.note("loadavg at the end: " + Machine.loadavg());
        out.println();
        report.print(out);
        report.writeJson(s.json());
        out.println("JSON: " + s.json());
        out.flush();
        return report;
    }

    /** Runs one comparison if chosen, after noting how busy the machine was just before it. */
    private static void step(BenchSettings s, Part part, Report report, PrintWriter out, Step step) throws InterruptedException {
        if (!s.runs(part)) return;
        double busy = Machine.backgroundBusy(QUIET_SAMPLE);
        String name = part.name().toLowerCase(Locale.ROOT);
        report.note(String.format(Locale.ROOT, "%s: before it, loadavg %s, other work kept %.0f%% of the cores busy%s", name,
                Machine.loadavg(), busy * 100, busy > 0.25 ? " (BUSY: figures suspect, re-run on a quiet machine)" : ""));
        step.run();
    }
}
