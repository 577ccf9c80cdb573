package org.sanctionskg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;

/**
 * What a first, uncached canned query costs against the same query posted to {@code /sparql}: one client, one
 * request at a time, each {@code /queries/{name}} call with parameter values never asked before (so the answer cache
 * misses) paired with its SPARQL on {@code /sparql}, the order alternating within pairs. Medians are compared.
 */
final class UncachedBench {
    private static final int WARMUP = 30;
    private static final int DATES = 300;
    private static final String PARTIES = "SELECT DISTINCT ?p WHERE { ?m <https://w3id.org/sanctions-kg/ontology#imposedBy> ?p } ORDER BY ?p";

    private UncachedBench() {}

    static void run(BenchSettings s, HttpClient http, ServerProcess ours, CannedWorkload workload, Report report, PrintWriter out)
            throws InterruptedException {
        out.println("canned: first, uncached calls against the same SPARQL on /sparql…");
        out.flush();
        List<CannedWorkload.Call> dates = new ArrayList<>();
        LocalDate day = LocalDate.of(2020, 1, 1); // the report's dated measures fall in 2020-2021
        for (int i = 0; i < WARMUP + DATES; i++) dates.add(workload.call("sanctioning-parties", Map.of("date", day.plusDays(i).toString())));
        compare(http, ours, dates, "sanctioning-parties, " + DATES + " dates", report);

        List<String> parties = Answers.fingerprint(http, ours.get(PARTIES, "")).stream()
                .map(row -> row.substring("{p=".length(), row.length() - 1)).toList();
        List<CannedWorkload.Call> pairs = new ArrayList<>();
        for (int w = 0; w < WARMUP; w++) pairs.add(workload.call("targets-compared", Map.of("a", parties.get(0), "b", "urn:warm-up:" + w)));
        for (String a : parties) for (String b : parties) if (!a.equals(b)) pairs.add(workload.call("targets-compared", Map.of("a", a, "b", b)));
        compare(http, ours, pairs, "targets-compared, " + (pairs.size() - WARMUP) + " party pairs", report);
    }

    private static void compare(HttpClient http, ServerProcess ours, List<CannedWorkload.Call> calls, String what, Report report)
            throws InterruptedException {
        List<Double> canned = new ArrayList<>();
        List<Double> sparql = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            CannedWorkload.Call call = calls.get(i);
            HttpRequest viaApi = call.get(ours.endpoint, null);
            HttpRequest viaSparql = ours.get(call.sparql(), "");
            double a;
            double b;
            if (i % 2 == 0) {
                a = time(http, viaApi);
                b = time(http, viaSparql);
            } else {
                b = time(http, viaSparql);
                a = time(http, viaApi);
            }
            if (i >= WARMUP) {
                canned.add(a);
                sparql.add(b);
            }
        }
        report.add(new Row("canned", "first uncached: " + what + ", median", "ms",
                StartBench.median(canned), "same SPARQL, /sparql", StartBench.median(sparql), Target.atMost(1.05)));
        report.note(String.format(Locale.ROOT, "canned uncached %s: mean %.2f ms via /queries, %.2f ms via /sparql (1 client, "
                + "after %d warm-up pairs)", what, mean(canned), mean(sparql), WARMUP));
    }

    private static double time(HttpClient http, HttpRequest request) throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            if (status != 200) throw new IllegalStateException(request.uri() + " answered " + status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
