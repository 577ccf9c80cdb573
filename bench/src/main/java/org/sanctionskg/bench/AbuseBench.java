package org.sanctionskg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sanctionskg.UserException;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;

/**
 * One abusive client among well-behaved ones (issue 9): {@code --clients} normal clients (default 64 here) run a mixed
 * workload on our server for {@code --seconds} (default 60 here), once alone (the baseline) and once while one more client sends runaway queries,
 * {@value #ABUSER_CONCURRENCY} at a time. The server runs as deployed behind a proxy: every limit at its default,
 * per-client fair share by {@code X-Forwarded-For} from a trusted 127.0.0.1, {@code --abuse-timeout} as its query
 * time limit. Each normal client names itself with its own address, the abuser with another; every connection
 * still goes to 127.0.0.1 (the addresses are only header values, no packet is sent to them). Reported: the normal
 * clients' errors and latency in both runs (target: no error, p99 at most 1.5 times the baseline's), the abuser's
 * answers by status, and the CPU of the server, of the bench and of everything else on the machine in each run.
 */
final class AbuseBench {
    static final int ABUSER_CONCURRENCY = 8;
    static final String ABUSER_ADDRESS = "10.9.9.9";
    /** The abuser does not honour Retry-After; it re-sends this long after each answer, a runaway loop, not a flood. */
    private static final Duration ABUSER_PAUSE = Duration.ofMillis(100);
    private static final String PEER = "same, no abuser";
    private static final String SPARQL_QUERY = "application/sparql-query";

    private AbuseBench() {}

    static void run(BenchSettings s, Workspace w, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        w.build(out);
        SyntheticData.Sources src = w.sources();
        Mix mix = new Mix(src, new CannedWorkload(s.project().resolve("queries")));
        LoadGenerator load = new LoadGenerator(http, s.abuseClients());
        try (ServerProcess ours = ServerProcess.oursFairShare(s, s.serverJvm(), w.store(), src.ontology(), src.data(),
                w.log("abuse-ours"), s.abuseTimeout(), SyntheticData.BASE)) {
            ours.awaitFirstAnswer(http, ServerProcess.STARTUP);
            mix.check(http, ours, report);
            out.printf("abuse: %d clients, mixed load, %d s warm-up, then %d s without and %d s with one abusive client…%n",
                    s.abuseClients(), s.abuseWarmup().toSeconds(), s.abuseDuration().toSeconds(), s.abuseDuration().toSeconds());
            out.flush();
            LoadGenerator.ClientRequests requests = (client, rng) -> mix.next(ours, client, rng);
            load.warmUpClients(requests, s.abuseWarmup());
            Run baseline = Run.measure("without abuser", load, requests, s.abuseDuration(), ours, null);
            Abuser abuser = new Abuser(ours.endpoint, s.abuseTimeout());
            Run abused = Run.measure("with abuser", load, requests, s.abuseDuration(), ours, abuser);
            report(s, baseline, abused, abuser, report);
        }
    }

    private static void report(BenchSettings s, Run without, Run with, Abuser abuser, Report report) {
        LoadGenerator.Stats a = with.stats;
        LoadGenerator.Stats b = without.stats;
        report.add(new Row("abuse", "normal clients, requests", "count", a.requests(), PEER, b.requests(), null));
        report.add(new Row("abuse", "normal clients, errors (≥ 400 or no answer)", "count", a.failed(), PEER, b.failed(), Target.oursAtMost(0)));
        report.add(new Row("abuse", "normal clients, throughput", "req/s", a.perSecond(), PEER, b.perSecond(), null));
        report.add(new Row("abuse", "normal clients, p50", "ms", a.p50Ms(), PEER, b.p50Ms(), null));
        report.add(new Row("abuse", "normal clients, p99", "ms", a.p99Ms(), PEER, b.p99Ms(), Target.atMost(1.5)));
        report.add(new Row("abuse", "server CPU", "s", with.serverCpu, PEER, without.serverCpu, null));
        report.add(new Row("abuse", "bench JVM CPU (clients" + (abuser == null ? "" : " + abuser") + ")", "s", with.benchCpu, PEER, without.benchCpu, null));
        report.add(new Row("abuse", "other processes' CPU", "s", with.otherCpu(), PEER, without.otherCpu(), null));
        report.add(new Row("abuse", "abuser, requests answered", "count", abuser.answered(), "—", Double.NaN, null));
        abuser.counts().forEach((status, n) ->
                report.add(new Row("abuse", "abuser, answered " + status, "count", n, "—", Double.NaN, null)));
        if (abuser.unanswered() > 0)
            report.add(new Row("abuse", "abuser, no answer by the end", "count", abuser.unanswered(), "—", Double.NaN, null));
        report.note(String.format(Locale.ROOT, "abuse: normal clients' errors by cause: with abuser %s, without %s", a.failures(), b.failures()));
        report.note(String.format(Locale.ROOT, "abuse: %d normal clients (X-Forwarded-For %s to %s, one each), closed loop, each "
                + "request drawn from %s; p50/p99 of the answered ones; %d s warm-up, then %d s without and %d s with the "
                + "abuser, on one server: ours with every limit at its default, --trusted-proxy 127.0.0.1, --timeout %d, "
                + "-Xms%s -Xmx%s -XX:+AlwaysPreTouch",
                s.abuseClients(), address(0), address(s.abuseClients() - 1), Mix.TEXT, s.abuseWarmup().toSeconds(), s.abuseDuration().toSeconds(),
                s.abuseDuration().toSeconds(), s.abuseTimeout().toSeconds(), s.serverHeap(), s.serverHeap()));
        report.note(String.format(Locale.ROOT, "abuse: the abuser (X-Forwarded-For %s): %d threads, each POSTing (%s) in turn "
                + "%s, ignoring Retry-After, %d ms after each answer; its requests still unanswered when the normal "
                + "clients stop get %d s more", ABUSER_ADDRESS, ABUSER_CONCURRENCY, SPARQL_QUERY, Abuser.TEXT,
                ABUSER_PAUSE.toMillis(), s.abuseTimeout().toSeconds() + 5));
        report.note("abuse: the abuser's answer times by status: " + abuser.times());
        for (Run r : List.of(without, with))
            report.note(String.format(Locale.ROOT, "abuse, %s: loadavg %s before, %s after; all cores busy %.1f s of %.1f s "
                    + "wall: server %.1f, bench JVM %.1f, other processes %.1f%s", r.name, r.loadBefore, r.loadAfter,
                    r.machineCpu, r.wall, r.serverCpu, r.benchCpu, r.otherCpu(),
                    r.otherCpu() > 0.25 * r.wall * Runtime.getRuntime().availableProcessors()
                            ? " (BUSY: other work took over a quarter of the cores; figures suspect)" : ""));
    }

    /** What the normal clients send: {@code /sparql}, entity pages and canned answers, mixed. */
    static final class Mix {
        static final String TEXT = "40% /sparql lookup, 20% /sparql 2-hop join + date filter, 10% /sparql COUNT … GROUP BY "
                + "(GET, SPARQL JSON), 20% entity pages /id/event/N (HTML or Turtle), 10% canned /queries/{name} with "
                + "their defaults (answer cache; they match nothing in the synthetic data)";
        private final SyntheticData.Sources src;
        private final List<SyntheticData.Workload> sparql;
        private List<CannedWorkload.Call> canned;

        Mix(SyntheticData.Sources src, CannedWorkload workload) {
            this.src = src;
            this.sparql = SyntheticData.queries(src);
            this.canned = workload.repeatable();
            if (canned.isEmpty()) throw new UserException("no canned query without parameters in the project's queries/");
        }

        HttpRequest next(ServerProcess server, int client, SplittableRandom rng) {
            int k = rng.nextInt(100);
            HttpRequest r;
            if (k < 70) {
                SyntheticData.Workload q = sparql.get(k < 40 ? 0 : k < 60 ? 1 : 2);
                r = server.get(q.query().apply(rng), "");
            } else if (k < 90) {
                r = page(server.endpoint, rng.nextLong(src.events()), rng.nextBoolean() ? "text/html" : "text/turtle");
            } else {
                r = canned.get(rng.nextInt(canned.size())).get(server.endpoint, null);
            }
            return from(r, address(client));
        }

        /**
         * One request of each kind must be answered 200 before anything is measured. A canned query that runs past
         * the server's time limit on this data (503) would fail every time it is drawn: it is left out of the mix, and
         * the report says so.
         */
        void check(HttpClient http, ServerProcess server, Report report) throws InterruptedException {
            List<HttpRequest> probes = new ArrayList<>();
            for (SyntheticData.Workload q : sparql) probes.add(server.get(q.query().apply(new SplittableRandom(1)), ""));
            probes.add(page(server.endpoint, 0, "text/html"));
            probes.add(page(server.endpoint, 0, "text/turtle"));
            for (HttpRequest p : probes) {
                int status = send(http, from(p, address(0)));
                if (status != 200) throw new UserException("abuse: " + p.uri() + " answered " + status + ", not 200");
            }
            List<CannedWorkload.Call> kept = new ArrayList<>();
            List<String> slow = new ArrayList<>();
            for (CannedWorkload.Call c : canned) {
                HttpRequest p = c.get(server.endpoint, null);
                int status = send(http, from(p, address(0)));
                if (status == 503) slow.add(c.name());
                else if (status == 200) kept.add(c);
                else throw new UserException("abuse: " + p.uri() + " answered " + status + ", not 200");
            }
            if (kept.isEmpty()) throw new UserException("abuse: every canned query ran past the time limit (" + slow + ")");
            if (!slow.isEmpty())
                report.note("abuse: canned queries left out of the mix, as their first call ran past the server's time limit: " + slow);
            canned = List.copyOf(kept);
        }

        private static HttpRequest page(URI endpoint, long event, String type) {
            return HttpRequest.newBuilder(endpoint.resolve("/id/event/" + event)).header("Accept", type)
                    .timeout(Duration.ofSeconds(120)).GET().build();
        }
    }

    /** The address normal client {@code i} names itself by: 10.0.0.1, 10.0.0.2, … (a header value only). */
    static String address(int i) {
        return "10.0." + (i / 254) + "." + (i % 254 + 1);
    }

    /** {@code request} as sent through a proxy for {@code client}. */
    static HttpRequest from(HttpRequest request, String client) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", client).build();
    }

    private static int send(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UserException("abuse: " + request.uri() + " got no answer: " + e);
        }
    }

    /** One measured run of the normal clients, and what the machine's processes spent meanwhile. */
    private static final class Run {
        final String name;
        LoadGenerator.Stats stats;
        String loadBefore;
        String loadAfter;
        double wall;
        double serverCpu;
        double benchCpu;
        double machineCpu;

        private Run(String name) {
            this.name = name;
        }

        double otherCpu() {
            return Math.max(0, machineCpu - serverCpu - benchCpu);
        }

        static Run measure(String name, LoadGenerator load, LoadGenerator.ClientRequests requests, Duration duration,
                           ServerProcess server, Abuser abuser) throws InterruptedException {
            Run r = new Run(name);
            r.loadBefore = Machine.loadavg();
            double server0 = server.cpuSeconds();
            double bench0 = Machine.ownCpuSeconds();
            double machine0 = Machine.busySeconds();
            long t0 = System.nanoTime();
            if (abuser != null) abuser.start();
            r.stats = load.measureClients(requests, duration);
            // Over the normal clients' window only: the abuser's drain after it is not part of the run.
            r.wall = (System.nanoTime() - t0) / 1e9;
            r.serverCpu = server.cpuSeconds() - server0;
            r.benchCpu = Machine.ownCpuSeconds() - bench0;
            r.machineCpu = Machine.busySeconds() - machine0;
            r.loadAfter = Machine.loadavg();
            if (abuser != null) abuser.stop();
            return r;
        }
    }

    /** The abusive client: runaway queries, {@value #ABUSER_CONCURRENCY} at a time, answers counted by status. */
    static final class Abuser {
        static final String TEXT = "a cross product ORDER BY, a cross product COUNT … GROUP BY, 40 nested FILTER NOT "
                + "EXISTS, and a chain of 5,000 UNIONs";
        static final List<String> QUERIES = List.of(
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
                "SELECT ?c (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ?f",
                nestedNotExists(40),
                unions(5_000));

        private final URI endpoint;
        private final Duration drain;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
        private final AtomicLong inFlight = new AtomicLong();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopping;
        private long unanswered;

        Abuser(URI endpoint, Duration serverTimeout) {
            this.endpoint = endpoint;
            this.drain = serverTimeout.plusSeconds(5);
        }

        void start() {
            for (int t = 0; t < ABUSER_CONCURRENCY; t++) {
                int first = t;
                Thread thread = new Thread(() -> loop(first), "bench-abuser-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void loop(int first) {
            for (int n = first; !stopping; n++) {
                HttpRequest request = from(HttpRequest.newBuilder(endpoint).header("Content-Type", SPARQL_QUERY)
                        .header("Accept", ServerProcess.RESULTS_JSON).timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(QUERIES.get(n % QUERIES.size()))).build(), ABUSER_ADDRESS);
                inFlight.incrementAndGet();
                long t0 = System.nanoTime();
                String outcome;
                try {
                    outcome = Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                } catch (IOException e) {
                    outcome = "no answer (" + e.getClass().getSimpleName() + ")";
                } catch (InterruptedException e) {
                    return; // stopped with this request still running: counted as unanswered
                }
                inFlight.decrementAndGet();
                counts.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                double ms = (System.nanoTime() - t0) / 1e6;
                millis.computeIfAbsent(outcome, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(ms);
                try {
                    Thread.sleep(ABUSER_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Sends no more; waits for the requests under way (the server's time limit ends them), then gives up on them. */
        void stop() throws InterruptedException {
            stopping = true;
            long deadline = System.nanoTime() + drain.toNanos();
            for (Thread t : threads) t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            for (Thread t : threads) t.interrupt();
            for (Thread t : threads) t.join(5_000);
            unanswered = inFlight.get();
        }

        Map<String, Long> counts() {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        /** How long the answers of each status took: median and longest, and their sum (the abuser's time served). */
        String times() {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(millis).forEach((status, list) -> {
                List<Double> sorted;
                synchronized (list) {
                    sorted = new ArrayList<>(list);
                }
                sorted.sort(null);
                parts.add(String.format(Locale.ROOT, "%s: median %,.0f ms, longest %,.0f ms, sum %,.1f s", status,
                        sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1),
                        sorted.stream().mapToDouble(Double::doubleValue).sum() / 1000));
            });
            return String.join("; ", parts);
        }

        long answered() {
            return counts.values().stream().mapToLong(AtomicLong::get).sum();
        }

        long unanswered() {
            return unanswered;
        }

        static String nestedNotExists(int depth) {
            StringBuilder q = new StringBuilder("SELECT * WHERE { ?s ?p ?o ");
            for (int i = 0; i < depth; i++) q.append("FILTER NOT EXISTS { ?s ?p ?o").append(i).append(' ');
            q.append("}".repeat(depth)).append(" }");
            return q.toString();
        }

        static String unions(int n) {
            StringBuilder q = new StringBuilder("SELECT * WHERE { { ?s ?p ?o }");
            for (int i = 1; i < n; i++) q.append(" UNION { ?s ?p ?o").append(i).append(" }");
            return q.append(" }").toString();
        }
    }
}
