package org.sanctionskg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;

/**
 * Canned queries on the project's own data. Repeated: {@code /queries/{name}} at N clients against Virtuoso 7
 * running the same SPARQL on the same triples (our store exported as N-Quads, flattened into one Virtuoso graph).
 * First, uncached: {@link UncachedBench}.
 */
final class CannedBench {

    private CannedBench() {}

    static void run(BenchSettings s, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        Path dir = s.work().resolve("canned");
        Path store = dir.resolve("store");
        Path ontology = s.project().resolve("ontology");
        Path data = s.project().resolve("data");
        out.println("canned: loading the project's own data…");
        out.flush();
        Workspace.deleteTree(store);
        child(s, "load-canned", dir, "load", "--store", store.toString(), "--ontology", ontology.toString(), "--data", data.toString());
        CannedWorkload workload = new CannedWorkload(s.project().resolve("queries"));
        Virtuoso virtuoso = s.virtuoso() ? virtuoso(s, dir, store, out) : null; // export needs the store unlocked
        try (virtuoso; ServerProcess ours = ServerProcess.ours(s, s.serverJvm(), store, ontology, data, dir.resolve("logs/serve.log"))) {
            ours.awaitFirstAnswer(http, ServerProcess.STARTUP);
            UncachedBench.run(s, http, ours, workload, report, out);
            repeated(s, http, ours, virtuoso, workload.repeatable(), report, out);
        }
        if (!s.virtuoso()) report.note("canned: Virtuoso not run (add --virtuoso); its column is n/a");
    }

    private static void repeated(BenchSettings s, HttpClient http, ServerProcess ours, Virtuoso virtuoso,
                                 List<CannedWorkload.Call> calls, Report report, PrintWriter out) throws InterruptedException {
        LoadGenerator load = new LoadGenerator(http, s.clients());
        Duration warmup = s.warmup();
        boolean first = true;
        for (CannedWorkload.Call call : calls) {
            out.printf("canned: %s, repeated at %d clients…%n", call.name(), s.clients());
            out.flush();
            HttpRequest mine = call.get(ours.endpoint, null);
            double peer = Double.NaN;
            if (virtuoso != null) {
                HttpRequest theirs = virtuoso.server.get(call.sparql(), Virtuoso.graphParameter());
                compare(http, call, mine, theirs, report);
                peer = load.run(rng -> theirs, warmup, s.duration()).perSecond();
            }
            var o = load.run(rng -> mine, warmup, s.duration());
            report.add(new Row("canned", call.name() + ", repeated", "q/s", o.perSecond(), "Virtuoso 7", peer, Target.atLeast(1.0)));
            if (first) {
                HttpRequest revalidate = call.get(ours.endpoint, etag(http, mine));
                var c = load.run(rng -> revalidate, warmup, s.duration());
                report.add(new Row("canned", call.name() + ", repeated, If-None-Match → 304", "q/s", c.perSecond(), "Virtuoso 7", peer, null));
                first = false;
            }
        }
        report.note(String.format(Locale.ROOT, "canned repeated: %d clients, GET /queries/{name} with its defaults (SPARQL JSON), "
                + "%d s warm-up then %d s each; Virtuoso gets the same SPARQL with default-graph-uri; a 304 row revalidates "
                + "with the ETag instead (Virtuoso has no such shortcut, so its figure is the plain one)",
                s.clients(), warmup.toSeconds(), s.duration().toSeconds()));
    }

    private static String etag(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag")
                    .orElseThrow(() -> new IllegalStateException(request.uri() + " sent no ETag"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Virtuoso's answer may differ from ours where its SPARQL does; say so rather than compare unlike work silently. */
    private static void compare(HttpClient http, CannedWorkload.Call call, HttpRequest ours, HttpRequest theirs, Report report)
            throws InterruptedException {
        List<String> a = Answers.fingerprint(http, ours);
        List<String> b = Answers.fingerprint(http, theirs);
        report.note(String.format(Locale.ROOT, "canned %s: ours %d rows, Virtuoso %d rows, %s", call.name(), a.size(), b.size(),
                a.equals(b) ? "identical" : "DIFFERENT answers"));
    }

    private static Virtuoso virtuoso(BenchSettings s, Path dir, Path store, PrintWriter out) throws InterruptedException {
        out.println("canned: exporting our store and bulk-loading it into Virtuoso 7…");
        out.flush();
        Path nq = dir.resolve("export.nq");
        child(s, "export-canned", dir, "export", "--store", store.toString(), "--format", "nq", "--out", nq.toString());
        Path nt = dir.resolve("virtuoso-data/data.nt");
        flatten(nq, nt);
        return Virtuoso.up(s, nt, dir.resolve("virtuoso-db"), dir.resolve("logs/virtuoso-up.log"));
    }

    /** The served default graph is the union of the named graphs: write every quad as a triple. */
    static void flatten(Path nq, Path nt) {
        try {
            Files.createDirectories(nt.getParent());
            try (OutputStream out = Files.newOutputStream(nt)) {
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
                writer.start();
                RDFParser.source(nq).parse(new StreamRDFWrapper(writer) {
                    @Override public void quad(Quad quad) { writer.triple(quad.asTriple()); }
                    @Override public void start() {}
                    @Override public void finish() {}
                });
                writer.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void child(BenchSettings s, String name, Path dir, String... args) throws InterruptedException {
        List<String> cmd = new ArrayList<>(s.jvm());
        cmd.addAll(List.of("-jar", s.jar().toString()));
        cmd.addAll(List.of(args));
        try (ChildProcess p = ChildProcess.start(name, cmd, dir.resolve("logs/" + name + ".log"))) {
            p.await(Duration.ofMinutes(10));
        }
    }
}
