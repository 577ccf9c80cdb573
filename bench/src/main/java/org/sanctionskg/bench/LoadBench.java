package org.sanctionskg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreLayout;

/**
 * Our {@code load} (stream into a new build with entailments, SHACL over the build, dumps, atomic switch) against
 * Jena's {@code tdb2.tdbloader} on the same generated file, both as child JVMs with the same heap limit and the same
 * cores (the machine's): wall and CPU time (cores used), input triples/s, stored quads/s, peak RSS, size on disk, the
 * machine's load average before and after each, and the time of each of our phases (from our load's own report).
 */
final class LoadBench {
    private static final Duration LIMIT = Duration.ofHours(2);
    private static final String PEER = "tdb2.tdbloader";
    /** A contender that used fewer cores than this (of two or more) was starved: its figures say little. */
    private static final double STARVED_CORES = 1.3;

    private LoadBench() {}

    static void run(BenchSettings s, Workspace w, Report report, PrintWriter out) throws InterruptedException {
        SyntheticData.Sources src = w.sources();
        Workspace.warm(src.eventsFile());

        out.printf("load: ours on %,d triples…%n", src.triples());
        out.flush();
        Workspace.deleteTree(w.store());
        String oursBefore = Machine.loadavg();
        ChildProcess.Exit ours;
        try (ChildProcess p = ChildProcess.start("load", w.ourLoad(), w.log("load-ours"))) {
            ours = p.await(LIMIT);
        }
        String oursAfter = Machine.loadavg();
        Optional<Build> build = new StoreLayout(w.store()).current();
        long quads = build.map(b -> Long.parseLong(b.manifest().getProperty("triples"))).orElse(0L);
        long oursDisk = build.map(b -> du(b.database())).orElse(0L);
        long oursDumps = build.map(b -> du(b.downloads())).orElse(0L);

        out.println("load: stock tdb2.tdbloader…");
        out.flush();
        Workspace.deleteTree(w.stockLoad());
        List<String> cmd = new ArrayList<>(s.jvm());
        cmd.addAll(List.of("-cp", s.cmdsClasspath(), "tdb2.tdbloader", "--loc=" + w.stockLoad(), src.eventsFile().toString()));
        String stockBefore = Machine.loadavg();
        ChildProcess.Exit stock;
        try (ChildProcess p = ChildProcess.start(PEER, cmd, w.log("load-stock"))) {
            stock = p.await(LIMIT);
        }
        String stockAfter = Machine.loadavg();
        long stockDisk = du(w.stockLoad());
        Workspace.deleteTree(w.stockLoad());

        double stockRate = src.triples() / stock.seconds();
        report.add(new Row("load", "rate, input triples/s", "triples/s", src.triples() / ours.seconds(), PEER, stockRate, Target.atLeast(0.5)));
        report.add(new Row("load", "rate, stored quads/s (ours) vs input triples/s (stock)", "per s", quads / ours.seconds(), PEER, stockRate,
                Target.atLeast(0.9)));
        report.add(new Row("load", "peak RSS", "MiB", ours.peakRssKb() / 1024.0, PEER, stock.peakRssKb() / 1024.0, Target.atMost(1.0)));
        report.add(new Row("load", "wall time", "s", ours.seconds(), PEER, stock.seconds(), null));
        report.add(new Row("load", "CPU time", "s", ours.cpuSeconds(), PEER, stock.cpuSeconds(), null));
        report.add(new Row("load", "cores used (CPU / wall)", "cores", cores(ours), PEER, cores(stock), null));
        report.add(new Row("load", "TDB2 folder on disk", "MiB", oursDisk / 1024.0, PEER, stockDisk / 1024.0, null));
        report.note(String.format(Locale.ROOT, "load: both read the same %,d-triple N-Triples file (%,d events) with -Xmx%s on all %d cores; "
                + "ours stored %,d quads (the sources' triples in their named graphs and the entailments), validated them (SHACL), "
                + "wrote stats.opt and the dumps (%,.0f MiB beside the TDB2 folder); rates are over wall time including JVM start",
                src.triples(), src.events(), s.xmx(), Runtime.getRuntime().availableProcessors(), quads, oursDumps / 1024.0));
        report.note("load: loadavg ours " + oursBefore + " before, " + oursAfter + " after; " + PEER + " " + stockBefore + " before, "
                + stockAfter + " after");
        report.note("load: our phases: " + phases(w.log("load-ours")));
        for (var c : List.of(new Object[] {"ours", ours}, new Object[] {PEER, stock})) {
            double used = cores((ChildProcess.Exit) c[1]);
            if (Runtime.getRuntime().availableProcessors() >= 2 && used < STARVED_CORES)
                report.note(String.format(Locale.ROOT, "load: WARNING %s used %.2f cores of %d: it was starved (other work on the machine); "
                        + "its figures, and the ratios, are suspect", c[0], used, Runtime.getRuntime().availableProcessors()));
        }
    }

    private static double cores(ChildProcess.Exit e) {
        return e.cpuSeconds() / e.seconds();
    }

    /** Our load's "load: phases …" line, as it printed it. */
    private static String phases(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("load: phases ")).map(l -> l.substring(l.indexOf("load: phases ") + 13)).findFirst()
                    .orElse("not reported (see " + log + ")");
        } catch (IOException e) {
            return "not readable (" + e.getMessage() + ")";
        }
    }

    /** KiB allocated on disk under {@code dir} ({@code du -sk}: TDB2 files are sparse, their length is not their size). */
    private static long du(Path dir) {
        try {
            Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(said.split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
