package org.sanctionskg.endpoint;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops queries at their deadline without Jena's timer. Jena 5.6.0 has one timer thread for the whole JVM
 * ({@code AlarmClock}), and its callback waits on a lock the planner holds ({@code QueryExecDataset} 453–467,
 * 381–391), so one query stuck in planning stops every later timeout; and its callback only sets the cancel flag,
 * which an in-memory sort already under way never reads. Here the flag is set lock-free from our own timer threads,
 * and {@code abort()} — which also reaches the sort's comparator ({@code AbortableComparator}) — runs on a pool of
 * its own, so a blocked abort blocks nothing else.
 */
public final class QueryWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryWatchdog.class);
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, daemon("query-watchdog-"));
    private final ExecutorService aborter = Executors.newCachedThreadPool(daemon("query-abort-"));
    private final Duration grace;

    /** {@code grace}: how long after its deadline a query that is still running is logged as stuck. */
    public QueryWatchdog(Duration grace) {
        this.grace = grace;
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Makes {@code cxt} (a copy for one execution) ours to stop: Jena's timeout removed, so its timer is never armed,
     * and a fresh cancel signal, which {@code QueryExecDataset} adopts; pass it to {@link #watch}.
     */
    public static AtomicBoolean takeOver(Context cxt) {
        cxt.remove(ARQ.queryTimeout);
        AtomicBoolean cancel = new AtomicBoolean(false);
        cxt.set(ARQConstants.symCancelQuery, cancel);
        return cancel;
    }

    /** {@code query} on {@code dataset} with {@code binding} substituted, stopped after {@code limit} by this watchdog. */
    public Watched exec(DatasetGraph dataset, Query query, Binding binding, Duration limit) {
        Context cxt = dataset.getContext().copy();
        AtomicBoolean cancel = takeOver(cxt);
        long deadline = System.nanoTime() + limit.toNanos();
        QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(query).substitution(binding).context(cxt).build();
        return new Watched(exec, watch(exec, cancel, deadline));
    }

    /** An execution and its deadline; closing it closes both. */
    public record Watched(QueryExec exec, Ticket ticket) implements AutoCloseable {
        @Override
        public void close() {
            ticket.close();
            exec.close();
        }
    }

    /** Arms the deadline of {@code exec}, whose context holds {@code cancel} as its cancel signal. */
    public Ticket watch(QueryExec exec, AtomicBoolean cancel, long deadlineNanos) {
        Ticket t = new Ticket(exec, cancel, Thread.currentThread());
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        t.fire = timer.schedule(t::fire, delay, TimeUnit.NANOSECONDS);
        t.warn = timer.schedule(t::warnIfStuck, delay + grace.toNanos(), TimeUnit.NANOSECONDS);
        return t;
    }

    /** One watched execution; closing it disarms the deadline. */
    public final class Ticket implements AutoCloseable {
        private final QueryExec exec;
        private final AtomicBoolean cancel;
        private final Thread worker;
        private volatile boolean fired;
        private volatile boolean done;
        private ScheduledFuture<?> fire;
        private ScheduledFuture<?> warn;

        private Ticket(QueryExec exec, AtomicBoolean cancel, Thread worker) {
            this.exec = exec;
            this.cancel = cancel;
            this.worker = worker;
        }

        public boolean fired() {
            return fired;
        }

        private void fire() {
            if (done) return;
            fired = true;
            cancel.set(true); // every iterator's nextBinding sees it
            aborter.execute(() -> {
                try {
                    exec.abort(); // stops an Arrays.sort under way; may wait on the planner's lock
                } catch (RuntimeException e) {
                    LOG.debug("abort: {}", e.toString());
                }
            });
        }

        private void warnIfStuck() {
            if (done) return;
            StackTraceElement[] st = worker.getStackTrace();
            LOG.warn("a query is still running {} s after its deadline on {} at {}", grace.toSeconds(), worker.getName(),
                    st.length > 0 ? st[0] : "?");
        }

        @Override
        public void close() {
            done = true;
            if (fire != null) fire.cancel(false);
            if (warn != null) warn.cancel(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        aborter.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
