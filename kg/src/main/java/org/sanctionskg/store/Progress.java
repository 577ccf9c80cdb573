package org.sanctionskg.store;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The progress of a load: on a terminal one line rewritten each second (phase, triples, rate, ETA from the bytes
 * read); otherwise one line as each phase starts, and no ticks. The time of each phase is reported at the end.
 */
final class Progress implements AutoCloseable {
    private final PrintWriter out;
    private final boolean terminal;
    private final long totalBytes;
    final AtomicLong triples = new AtomicLong();
    final LongAdder bytesRead = new LongAdder();
    private final List<String> done = new ArrayList<>();
    private final long started = System.nanoTime();
    private volatile String phase = "starting";
    private volatile long phaseStarted = started;
    private final ScheduledExecutorService ticker;

    Progress(PrintWriter out, boolean terminal, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.totalBytes = Math.max(totalBytes, 1);
        this.ticker = terminal ? ticker() : null;
    }

    /** Ends the phase running and starts {@code name}. */
    synchronized void phase(String name) {
        endPhase();
        phase = name;
        phaseStarted = System.nanoTime();
        if (!terminal) {
            out.println("  load: " + name + "…");
            out.flush();
        }
    }

    /** The phases and their times, for the closing report: {@code stream 12.3 s, index 4.0 s, …}. */
    synchronized String phases() {
        endPhase();
        phase = null;
        return String.join(", ", done);
    }

    private void endPhase() {
        if (phase != null && !phase.equals("starting"))
            done.add(String.format(Locale.ROOT, "%s %.1f s", phase, (System.nanoTime() - phaseStarted) / 1e9));
    }

    private ScheduledExecutorService ticker() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        return t;
    }

    private void tick() {
        String now = phase;
        if (now == null) return;
        double secs = (System.nanoTime() - started) / 1e9;
        long n = triples.get();
        double read = bytesRead.sum() / (double) totalBytes;
        String eta = read > 0.01 && read < 1 ? String.format(Locale.ROOT, ", ETA %s", clock(secs * (1 - read) / read)) : "";
        out.printf(Locale.ROOT, "\r  %s: %,d triples, %,.0f/s, %s%s\u001b[K", now, n, n / secs, clock(secs), eta);
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (ticker == null) return;
        ticker.shutdownNow();
        out.print("\r\u001b[K");
        out.flush();
    }
}
