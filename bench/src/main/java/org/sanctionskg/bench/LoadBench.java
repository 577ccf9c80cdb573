package org.sanctionskg.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;
import org.sanctionskg.store.StoreLayout;

/**
 * Our {@code load} (parse, SHACL, entailments, TDB2 bulk load, atomic switch) against Jena's {@code tdb2.tdbloader}
 * on the same generated file, both as child JVMs with the same heap limit: input triples per second and peak RSS.
 */
final class LoadBench {
    private static final Duration LIMIT = Duration.ofHours(2);

    private LoadBench() {}

    static void run(BenchSettings s, Workspace w, Report report, PrintWriter out) throws InterruptedException {
        SyntheticData.Sources src = w.sources();
        Workspace.warm(src.eventsFile());

        out.printf("load: ours on %,d triples…%n", src.triples());
        out.flush();
        Workspace.deleteTree(w.store());
        ChildProcess.Exit ours;
        try (ChildProcess p = ChildProcess.start("load", w.ourLoad(), w.log("load-ours"))) {
            ours = p.await(LIMIT);
        }

        out.println("load: our validate alone (parse, entailments, SHACL; no store)…");
        out.flush();
        List<String> validate = new ArrayList<>(s.jvm());
        validate.addAll(List.of("-jar", s.jar().toString(), "validate",
                "--ontology", src.ontology().toString(), "--data", src.data().toString()));
        ChildProcess.Exit checked;
        try (ChildProcess p = ChildProcess.start("validate", validate, w.log("validate-ours"))) {
            checked = p.await(LIMIT);
        }

        out.println("load: stock tdb2.tdbloader…");
        out.flush();
        Workspace.deleteTree(w.stockLoad());
        List<String> cmd = new ArrayList<>(s.jvm());
        cmd.addAll(List.of("-cp", s.cmdsClasspath(), "tdb2.tdbloader", "--loc=" + w.stockLoad(), src.eventsFile().toString()));
        ChildProcess.Exit stock;
        try (ChildProcess p = ChildProcess.start("tdb2.tdbloader", cmd, w.log("load-stock"))) {
            stock = p.await(LIMIT);
        }
        Workspace.deleteTree(w.stockLoad());

        String peer = "tdb2.tdbloader";
        report.add(new Row("load", "rate, input triples/s", "triples/s", src.triples() / ours.seconds(), peer,
                src.triples() / stock.seconds(), Target.atLeast(0.9)));
        report.add(new Row("load", "peak RSS", "MiB", ours.peakRssKb() / 1024.0, peer, stock.peakRssKb() / 1024.0, Target.atMost(1.0)));
        report.add(new Row("load", "wall time", "s", ours.seconds(), peer, stock.seconds(), null));
        report.add(new Row("load", "CPU time", "s", ours.cpuSeconds(), peer, stock.cpuSeconds(), null));
        String stored = new StoreLayout(w.store()).current().map(b -> b.manifest().getProperty("triples")).orElse("?");
        report.note(String.format(Locale.ROOT, "load: both read the same %,d-triple N-Triples file (%,d events) with -Xmx%s; "
                + "ours also validated it (SHACL), materialized entailments and stored %s triples in all; "
                + "rates are input triples over wall time including JVM start", src.triples(), src.events(), s.xmx(), stored));
        report.note(String.format(Locale.ROOT, "load: where ours spends it: our validate alone (parse, entailments, SHACL, "
                + "in memory, no store) took %.1f s wall, %.1f s CPU, peak RSS %,.0f MiB; the rest of the load (%.1f s) "
                + "writes %s triples to TDB2, then the build's published files (compressed dumps, dataset description), "
                + "and switches", checked.seconds(), checked.cpuSeconds(), checked.peakRssKb() / 1024.0,
                ours.seconds() - checked.seconds(), stored));
    }
}
