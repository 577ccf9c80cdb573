package org.sanctionskg.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load from a fixed pool of client threads on loopback (Java 17: no virtual threads). Each client
 * draws its requests from its own seeded random source, so two servers see the same request sequence.
 */
final class LoadGenerator {
    private final HttpClient http;
    private final int clients;

    /** The next request of a client, drawn from that client's random source. */
    @FunctionalInterface
    interface Requests {
        HttpRequest next(SplittableRandom rng);
    }

    /** The next request of client number {@code client} (0 to clients - 1), drawn from that client's random source. */
    @FunctionalInterface
    interface ClientRequests {
        HttpRequest next(int client, SplittableRandom rng);
    }

    /**
     * Completed requests (200 or 304), failures, elapsed time and latency percentiles (of the completed ones); the
     * failures by cause: the status code, or the exception's class for a request that got no answer.
     */
    record Stats(long ok, long failed, double seconds, double p50Ms, double p99Ms, Map<String, Long> failures) {
        double perSecond() { return ok / seconds; }
        long requests() { return ok + failed; }
    }

    LoadGenerator(HttpClient http, int clients) {
        this.http = http;
        this.clients = clients;
    }

    /** Runs a warm-up (discarded), then measures for {@code duration}. */
    Stats run(Requests requests, Duration warmup, Duration duration) throws InterruptedException {
        warmUp(requests, warmup);
        return measure(requests, duration);
    }

    /** Load whose figures are thrown away: JIT compilation, caches and connection pools settle. */
    void warmUp(Requests requests, Duration duration) throws InterruptedException {
        warmUpClients((client, rng) -> requests.next(rng), duration);
    }

    Stats measure(Requests requests, Duration duration) throws InterruptedException {
        return measureClients((client, rng) -> requests.next(rng), duration);
    }

    /** {@link #warmUp} where a request depends on which client sends it. */
    void warmUpClients(ClientRequests requests, Duration duration) throws InterruptedException {
        if (!duration.isZero()) measure(requests, duration, 7);
    }

    /** {@link #measure} where a request depends on which client sends it. */
    Stats measureClients(ClientRequests requests, Duration duration) throws InterruptedException {
        return measure(requests, duration, 42);
    }

    private Stats measure(ClientRequests requests, Duration duration, long seed) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<Client>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000 + i);
            int client = i;
            futures.add(pool.submit(() -> new Client().loop(requests, client, rng, end)));
        }
        List<Client> done = new ArrayList<>();
        try {
            for (Future<Client> f : futures) done.add(f.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bench client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = done.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
        long failed = done.stream().mapToLong(c -> c.failed).sum();
        Map<String, Long> failures = new TreeMap<>();
        for (Client c : done) c.failures.forEach((cause, n) -> failures.merge(cause, n, Long::sum));
        return new Stats(all.length, failed, seconds, percentile(all, 0.50), percentile(all, 0.99), failures);
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    /** One client's loop and what it saw. */
    private final class Client {
        long[] latencies = new long[4096];
        int count;
        long failed;
        final Map<String, Long> failures = new HashMap<>();

        Client loop(ClientRequests requests, int client, SplittableRandom rng, long end) throws InterruptedException {
            while (System.nanoTime() < end) {
                HttpRequest request = requests.next(client, rng);
                long t0 = System.nanoTime();
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200 || status == 304) record(System.nanoTime() - t0);
                    else fail(Integer.toString(status));
                } catch (IOException e) {
                    fail(e.getClass().getSimpleName());
                }
            }
            return this;
        }

        private void fail(String cause) {
            failed++;
            failures.merge(cause, 1L, Long::sum);
        }

        private void record(long nanos) {
            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
            latencies[count++] = nanos;
        }
    }
}
