package org.sanctionskg.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.sanctionskg.Config.Limits;
import org.sanctionskg.web.Responses;

/**
 * Shares query execution fairly, as WDQS does: per client (remote address, or the trusted proxy's
 * {@code X-Forwarded-For}) a number of queries at once and query seconds per minute, answered 429 with
 * {@code Retry-After} beyond them; overall a bounded number of queries at once, 503 with {@code Retry-After} beyond.
 */
public final class FairShare extends HttpFilter {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    /** How long a request waits for a free execution slot before it is told to come back. */
    private static final long QUEUE_WAIT_MS = 2_000;

    private final Limits limits;
    private final LongSupplier clock;
    private final Semaphore slots;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    public FairShare(Limits limits) {
        this(limits, System::nanoTime);
    }

    FairShare(Limits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        this.slots = new Semaphore(limits.concurrentQueries(), true);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!executes(req)) {
            chain.doFilter(req, res);
            return;
        }
        Client client = clients.computeIfAbsent(clientOf(req), k -> new Client(limits.clientConcurrent()));
        long now = clock.getAsLong();
        long wait = client.secondsUntilAllowed(now, limits.clientSecondsPerMinute());
        if (wait > 0) {
            refuse(res, 429, wait, "this client used its " + limits.clientSecondsPerMinute() + " s of query time for this minute");
            return;
        }
        if (!client.running.tryAcquire()) {
            refuse(res, 429, 1, "this client already has " + limits.clientConcurrent() + " queries running; wait for one to finish");
            return;
        }
        try {
            if (!slots.tryAcquire(QUEUE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                refuse(res, 503, 5, "the server is answering as many queries as it can; try again shortly");
                return;
            }
            long start = clock.getAsLong();
            try {
                chain.doFilter(req, res);
            } finally {
                slots.release();
                client.spent(start, clock.getAsLong());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(res, 503, 5, "the server is stopping");
        } finally {
            client.running.release();
        }
        if (clients.size() > 10_000) clients.values().removeIf(c -> c.idle(clock.getAsLong()));
    }

    /** Requests that run a query: {@code /sparql} with one, and canned answers. */
    private static boolean executes(HttpServletRequest req) {
        String path = req.getServletPath();
        if (path.startsWith("/queries")) return req.getPathInfo() != null && req.getPathInfo().length() > 1 && !req.getPathInfo().equals("/openapi.json");
        return req.getParameter("query") != null || "POST".equals(req.getMethod());
    }

    /** The client: the trusted proxy's last {@code X-Forwarded-For} hop (the one it added), else the remote address. */
    String clientOf(HttpServletRequest req) {
        String remote = req.getRemoteAddr();
        String forwarded = req.getHeader("X-Forwarded-For");
        if (forwarded == null || limits.trustedProxy().isEmpty() || !limits.trustedProxy().equals(remote)) return remote;
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }

    private static void refuse(HttpServletResponse res, int status, long retryAfterSeconds, String why) throws IOException {
        res.setHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        Responses.error(res, status, why);
    }

    /** One client's running queries and its query time in the current minute. */
    private static final class Client {
        final Semaphore running;
        private long windowStart = Long.MIN_VALUE;
        private long spentNanos;
        private long lastSeen;

        Client(int concurrent) {
            this.running = new Semaphore(concurrent);
        }

        synchronized long secondsUntilAllowed(long now, int secondsPerMinute) {
            lastSeen = now;
            if (windowStart == Long.MIN_VALUE || now - windowStart >= MINUTE) {
                windowStart = now;
                spentNanos = 0;
            }
            if (spentNanos < TimeUnit.SECONDS.toNanos(secondsPerMinute)) return 0;
            return TimeUnit.NANOSECONDS.toSeconds(windowStart + MINUTE - now) + 1;
        }

        synchronized void spent(long start, long end) {
            spentNanos += end - start;
            lastSeen = end;
        }

        synchronized boolean idle(long now) {
            return now - lastSeen > MINUTE && running.availablePermits() > 0;
        }
    }
}
