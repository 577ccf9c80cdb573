package org.sanctionskg.server;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.sanctionskg.testing.Http;

/**
 * Client threads asking {@link LiveSwitchTest#COUNT} over and over: what failed, and the count each release answered
 * (a release seen with two counts means some answer mixed releases).
 */
final class QueryLoad implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> countOf = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
    private final AtomicLong answers = new AtomicLong();
    private final ExecutorService clients;
    private final List<Future<?>> running;

    private QueryLoad(URI base, int threads) {
        clients = Executors.newFixedThreadPool(threads);
        running = IntStream.range(0, threads).<Future<?>>mapToObj(i -> clients.submit(() -> ask(base))).toList();
    }

    static QueryLoad start(URI base, int threads) {
        return new QueryLoad(base, threads);
    }

    private void ask(URI base) {
        while (!stop.get()) {
            try {
                HttpResponse<String> r = Http.query(base, LiveSwitchTest.COUNT, "application/sparql-results+json");
                if (r.statusCode() != 200) failures.add(r.statusCode() + " " + r.body());
                else if (countOf.merge(LiveSwitchTest.release(r), LiveSwitchTest.count(r), (a, b) -> a.equals(b) ? a : -1L) == -1L)
                    mixed.add(LiveSwitchTest.release(r));
                answers.incrementAndGet();
            } catch (Exception | AssertionError e) {
                failures.add(e.toString());
            }
        }
    }

    boolean answered(String release) {
        return countOf.containsKey(release);
    }

    long answers() {
        return answers.get();
    }

    /** Stops the clients and waits for their last answers. */
    void finish() throws Exception {
        stop.set(true);
        for (Future<?> f : running) f.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    List<String> mixed() {
        return List.copyOf(mixed);
    }

    Map<String, Long> counts() {
        return Map.copyOf(countOf);
    }

    @Override
    public void close() {
        stop.set(true);
        clients.shutdownNow();
    }
}
