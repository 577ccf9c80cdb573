package org.sanctionskg.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.core.DatasetGraph;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.Store;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.web.RequestException;

/**
 * The releases a running server answers from: the live one, which follows the store's {@code CURRENT} pointer (polled,
 * verified, opened, then switched to for every new request), and a few pinned ones opened on demand for
 * {@code ?release=} and closed when idle. A release no longer live is closed once the requests holding it finish.
 */
public final class LiveReleases implements AutoCloseable {
    /** How often {@code CURRENT} is read: a new load is served within this. */
    static final Duration POLL = Duration.ofMillis(200);
    /** Pinned releases open at once beside the live one (each holds its TDB2 caches). */
    static final int MAX_PINNED = 4;

    private final Path root;
    private final PrintWriter notices;
    private final Duration idle;
    private final Map<String, Release> open = new HashMap<>();
    private final Map<String, CompletableFuture<Release>> opening = new HashMap<>();
    private ScheduledExecutorService watcher;
    private ReleaseSite.Factory factory;
    private Release live;
    private String refused = "";

    private LiveReleases(Path root, PrintWriter notices, Duration idle) {
        this.root = root;
        this.notices = notices;
        this.idle = idle;
    }

    /** The releases of the store {@code config} names; {@link #start} opens the live one. Switches and refusals are told to {@code notices}. */
    public static LiveReleases of(Config config, PrintWriter notices) {
        return new LiveReleases(config.storeDir(), notices, config.pinnedIdle());
    }

    /** Opens the live build (or, when it is damaged, the newest intact one) and starts following {@code CURRENT}. */
    synchronized void start(ReleaseSite.Factory factory) {
        if (this.factory != null) throw new IllegalStateException("started twice");
        this.factory = factory;
        Store store = Store.openServing(root, notices);
        live = new Release(store, open(store));
        open.put(live.id(), live);
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "release-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::follow, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ReleaseSite open(Store store) {
        try {
            return factory.open(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The dataset {@code /sparql} is bound to: the release of the request asking. */
    DatasetGraph dataset() {
        return new LeasedDataset(this::liveRelease);
    }

    private synchronized Release liveRelease() {
        return live;
    }

    /** The id of the release new requests get. */
    public synchronized String liveId() {
        return live.id();
    }

    /** A hold on the live release for one request. */
    Lease lease() {
        synchronized (this) {
            if (live.acquire()) return new Lease(live);
        }
        throw new IllegalStateException("the live release is closed"); // only after close()
    }

    /**
     * A hold on release {@code id} for one request: 400 for a malformed id, 404 for one this store never had, 410
     * (pointing to its dumps) for one whose database was pruned, 503 when too many pinned releases are busy.
     */
    Lease lease(String id) {
        if (!Store.isBuildId(id)) throw new RequestException(HttpServletResponse.SC_BAD_REQUEST, "release must be a release id such as 20260101T120000.000Z");
        CompletableFuture<Release> pending;
        boolean mine = false;
        synchronized (this) {
            Release r = open.get(id);
            if (r != null && r.acquire()) return new Lease(r);
            pending = opening.get(id);
            if (pending == null) {
                Build build = new Build(new StoreLayout(root).builds().resolve(id));
                if (!Files.isDirectory(build.dir())) throw new RequestException(HttpServletResponse.SC_NOT_FOUND, "no release " + id + " in this store");
                if (!Files.isDirectory(build.database())) throw new RequestException(HttpServletResponse.SC_GONE,
                        "release " + id + " is no longer queryable; its dumps: /releases/" + id);
                if (!makeRoomForPinned()) throw new RequestException(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        MAX_PINNED + " earlier releases are busy answering; try again shortly");
                pending = new CompletableFuture<>();
                opening.put(id, pending);
                mine = true;
            }
        }
        if (mine) return new Lease(openPinned(id, pending));
        Release r;
        try {
            r = pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RequestException refused) throw refused; // as the request that opened it was told
            throw e;
        }
        synchronized (this) {
            if (r.acquire()) return new Lease(r);
        }
        return lease(id); // closed between opening and now: open it again
    }

    /** Opens a pinned release, already held for the request that opened it (so an idle sweep cannot close it first). */
    private Release openPinned(String id, CompletableFuture<Release> pending) {
        try {
            Store store = Store.openBuild(root, id);
            Release r = new Release(store, open(store));
            synchronized (this) {
                r.acquire();
                open.put(id, r);
                opening.remove(id);
            }
            pending.complete(r);
            return r;
        } catch (RuntimeException e) {
            synchronized (this) {
                opening.remove(id);
            }
            RequestException failed = e instanceof UserException ? new RequestException(HttpServletResponse.SC_GONE,
                    "release " + id + " cannot be opened (" + e.getMessage() + "); its dumps: /releases/" + id) : null;
            pending.completeExceptionally(failed != null ? failed : e);
            if (failed != null) throw failed;
            throw e;
        }
    }

    /** Closes the least recently used idle pinned release when the bound is reached; false when none is idle. */
    private boolean makeRoomForPinned() {
        long pinned = open.values().stream().filter(r -> r != live).count() + opening.size();
        if (pinned < MAX_PINNED) return true;
        Optional<Release> oldest = open.values().stream().filter(r -> r != live && r.idle())
                .min((a, b) -> Long.compare(a.lastUsed(), b.lastUsed()));
        oldest.ifPresent(this::closeRelease);
        return oldest.isPresent();
    }

    private synchronized void giveBack(Release r) {
        if (r.release() && r.retired()) closeRelease(r);
    }

    private void closeRelease(Release r) {
        open.remove(r.id(), r);
        r.close();
    }

    /** One poll: switch to the build {@code CURRENT} names when it differs, verified and opened first. */
    private void follow() {
        try {
            Optional<Build> current = new StoreLayout(root).current();
            closeIdlePinned();
            if (current.isEmpty() || current.get().id().equals(liveId()) || current.get().id().equals(refused)) return;
            switchTo(current.get().id());
        } catch (RuntimeException e) {
            notice("warning: could not follow " + root + "/CURRENT (" + e.getMessage() + "); still serving release " + liveId());
        }
    }

    private void switchTo(String id) {
        Release next;
        synchronized (this) {
            next = open.get(id); // pinned already: the same TDB2 connection, so it becomes live as it is
        }
        if (next == null) {
            try {
                Store store = Store.openBuild(root, id);
                next = new Release(store, open(store));
            } catch (UserException e) {
                refused = id;
                notice("warning: not switching to release " + id + ": " + e.getMessage() + "; still serving release " + liveId());
                return;
            }
        }
        Release previous;
        synchronized (this) {
            open.put(id, next);
            previous = live;
            live = next;
            previous.retire();
            if (previous.idle()) closeRelease(previous);
        }
        notice("Serving release " + id + " (was " + previous.id() + ")");
    }

    private synchronized void closeIdlePinned() {
        long now = System.nanoTime();
        open.values().stream().filter(r -> r != live && r.idle() && now - r.lastUsed() >= idle.toNanos()).toList()
                .forEach(this::closeRelease);
    }

    private void notice(String line) {
        synchronized (notices) {
            notices.println(line);
            notices.flush();
        }
    }

    /** Stops following {@code CURRENT} and closes every open release (the server has stopped). */
    @Override
    public synchronized void close() {
        if (watcher != null) watcher.shutdownNow();
        open.values().stream().toList().forEach(this::closeRelease);
    }

    /** One request's hold on a release; closing it gives the release back. */
    final class Lease implements AutoCloseable {
        private final Release release;

        private Lease(Release release) {
            this.release = release;
        }

        Release release() {
            return release;
        }

        @Override
        public void close() {
            giveBack(release);
        }
    }
}
