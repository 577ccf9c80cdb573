package org.sanctionskg.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sanctionskg.UserException;

/**
 * Runs the writing of a build so that it always ends, and ends with the failure that stopped it.
 * <p>
 * TDB2's phased loader does its work on threads of its own. When one of them fails, the load used to hang: an
 * {@link Error} (an {@link OutOfMemoryError}, or the {@link InternalError} the JVM raises when a write through a
 * memory-mapped index file finds the disk full) kills the thread without releasing what the loader waits on, and an
 * exception (an {@code IOException} "No space left on device" from the node file) is logged and swallowed, after
 * which the producer blocks on a queue nobody reads. Both happened on a full disk (issue 9).
 * <p>
 * So the body runs on a thread of its own {@link ThreadGroup}, which every thread it starts (Jena's included)
 * inherits. A throwable that kills any of them is kept and the body is interrupted, which ends its wait; and when
 * every thread of the group is waiting and none has used the CPU for {@link #STALL_MILLIS} the load has stalled (a
 * worker gave up silently) and the body is interrupted too. Either way the caller gets a {@link Failed} naming the
 * first cause.
 */
final class LoadGuard {
    /** A load whose every thread waits this long, using no CPU, has stalled. */
    static final long STALL_MILLIS = 5_000;
    private static final long POLL_MILLIS = 100;
    /** After interrupting the body, how long to wait for it to unwind before giving up on it. */
    private static final long UNWIND_MILLIS = 30_000;

    private LoadGuard() {}

    /** Why a guarded body failed: the first throwable of any of its threads, or a stall. */
    static final class Failed extends RuntimeException {
        Failed(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    /** A load whose threads all stopped working: one of them gave up without a word to us. */
    static final class Stalled extends RuntimeException {
        Stalled() {
            super("the TDB2 loader stopped: all its threads waited " + STALL_MILLIS / 1000 + " s without working", null, false, false);
        }
    }

    static <T> T run(String name, Callable<T> body) {
        Group group = new Group(name);
        Object[] result = new Object[1];
        Thread worker = new Thread(group, () -> {
            try {
                result[0] = body.call();
            } catch (UserException refused) {
                group.refused(refused); // the body's own refusal is the reason, whatever the loader's threads hit as it aborted
            } catch (Throwable t) {
                group.failed(t);
            }
        }, name);
        worker.setDaemon(true); // so are the threads it starts: one left waiting never keeps the JVM alive
        group.worker = worker;
        worker.start();
        watch(group, worker);
        if (group.failure != null) throw new Failed(group.failure);
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static void watch(Group group, Thread worker) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long idleSince = -1;
        long lastCpu = -1;
        try {
            while (worker.isAlive()) {
                worker.join(POLL_MILLIS);
                if (!worker.isAlive()) break;
                if (group.failure != null) {
                    unwind(worker);
                    return;
                }
                Thread[] threads = group.threads();
                long cpu = cpuTime ? Arrays.stream(threads).mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.getId()))).sum() : 0;
                boolean idle = Arrays.stream(threads).allMatch(LoadGuard::waiting) && (!cpuTime || cpu == lastCpu);
                lastCpu = cpu;
                long now = System.nanoTime();
                if (!idle) idleSince = -1;
                else if (idleSince < 0) idleSince = now;
                else if (TimeUnit.NANOSECONDS.toMillis(now - idleSince) >= STALL_MILLIS) {
                    group.failed(new Stalled());
                    unwind(worker);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.failed(e);
            unwind(worker);
        } catch (OutOfMemoryError e) {
            group.failed(e); // the watcher met the full heap first: stop the body, whose memory it is, before reporting
            unwind(worker);
        }
    }

    /** Interrupts the body and waits a while for it to unwind (close the database): it no longer decides anything. */
    private static void unwind(Thread worker) {
        worker.interrupt();
        try {
            worker.join(UNWIND_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waiting(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED || s == Thread.State.TERMINATED;
    }

    /** The load's threads; keeps the first throwable that ends any of them and interrupts the body. */
    private static final class Group extends ThreadGroup {
        volatile Thread worker;
        volatile Throwable failure;

        Group(String name) {
            super(name);
        }

        synchronized void failed(Throwable t) {
            if (failure == null) failure = t;
        }

        synchronized void refused(UserException e) {
            failure = e;
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            failed(e);
            Thread w = worker;
            if (w != null && w != t) w.interrupt();
        }

        Thread[] threads() {
            Thread[] all = new Thread[activeCount() + 8];
            return Arrays.copyOf(all, enumerate(all, true));
        }
    }
}
