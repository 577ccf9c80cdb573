package org.sanctionskg.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.sanctionskg.store.Store;

/**
 * One open release: its store, the servlets answering from it, and how many requests hold it. It is closed (its TDB2
 * lock released) once it is no longer live and the last request holding it has finished; {@link LiveReleases}
 * guards every count.
 */
final class Release {
    private static final ThreadLocal<Release> LEASED = new ThreadLocal<>();

    private final Store store;
    private final ReleaseSite site;
    private int leases;
    private long lastUsed = System.nanoTime();
    private boolean closed;
    private boolean retired;

    Release(Store store, ReleaseSite site) {
        this.store = store;
        this.site = site;
    }

    String id() {
        return store.build().id();
    }

    Store store() {
        return store;
    }

    ReleaseSite site() {
        return site;
    }

    /** The release the current request holds, or null outside a request. */
    static Release leased() {
        return LEASED.get();
    }

    /** Runs one request's work with {@code this} as the release every part of it reads. */
    void during(Work work) throws IOException, ServletException {
        LEASED.set(this);
        try {
            work.run();
        } finally {
            LEASED.remove();
        }
    }

    /** A request's work. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, ServletException;
    }

    boolean acquire() {
        if (closed) return false;
        leases++;
        lastUsed = System.nanoTime();
        return true;
    }

    /** True when the count reached zero. */
    boolean release() {
        return --leases == 0;
    }

    boolean idle() {
        return leases == 0;
    }

    long lastUsed() {
        return lastUsed;
    }

    /** No longer live: closed as soon as the requests holding it finish. */
    void retire() {
        retired = true;
    }

    boolean retired() {
        return retired;
    }

    void close() {
        closed = true;
        store.close();
    }
}
