package org.sanctionskg.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.sanctionskg.UserException;
import org.sanctionskg.store.BuildVerifier.Status;
import org.sanctionskg.store.BuildVerifier.Verdict;
import org.slf4j.LoggerFactory;

/**
 * The live build of a store, opened for reading with the union of its named graphs as default graph. Every open
 * first checks the build against the checksums its load recorded ({@link BuildVerifier}), so a damaged build is
 * never served.
 */
public final class Store implements AutoCloseable {
    /** How build (release) ids look: {@code 20261201T125721.356Z}, with a suffix when two loads share a millisecond. */
    private static final Pattern BUILD_ID = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z(-\\d{1,20})?");

    private final Build build;
    private final DatasetGraph dataset;

    private Store(Build build, DatasetGraph dataset) {
        this.build = build;
        this.dataset = dataset;
    }

    /**
     * Opens the live build; a missing, damaged or incomplete store, or one locked by another process, is a user
     * error. A build loaded before checksums were recorded opens with a logged warning.
     */
    public static Store open(Path root) {
        Build live = live(root);
        Verdict verdict = BuildVerifier.verify(live);
        if (verdict.status() == Status.UNCHECKED) LoggerFactory.getLogger(Store.class).warn(verdict.sentence());
        else if (!verdict.intact()) throw refused(verdict, root, "");
        return connect(root, live);
    }

    /**
     * Opens the live build for serving: when it is damaged, the newest older build that is intact serves instead,
     * and {@code notices} gets one line saying so; with none intact it is refused as {@link #open} refuses it.
     */
    public static Store openServing(Path root, PrintWriter notices) {
        StoreLayout layout = new StoreLayout(root);
        Build live = live(root);
        Verdict verdict = BuildVerifier.verify(live);
        if (verdict.status() == Status.UNCHECKED) {
            notices.println("warning: " + verdict.sentence());
            notices.flush();
        }
        if (verdict.intact() || verdict.status() == Status.UNCHECKED) return connect(root, live);
        for (Build older : layout.all()) {
            if (older.id().compareTo(live.id()) >= 0 || !older.queryable() || !BuildVerifier.verify(older).intact()) continue;
            notices.println("warning: " + verdict.sentence() + "; serving previous build " + older.id() + " instead");
            notices.flush();
            return connect(root, older);
        }
        throw refused(verdict, root, "; no previous build is intact");
    }

    /**
     * Opens one named build for serving beside the live one (a pinned release, or the one {@code CURRENT} just
     * switched to): refused unless its checksums verify or it predates them.
     */
    public static Store openBuild(Path root, String id) {
        Build build = new Build(new StoreLayout(root).builds().resolve(id));
        Verdict verdict = BuildVerifier.verify(build);
        if (!verdict.intact() && verdict.status() != Status.UNCHECKED) throw refused(verdict, root, "");
        return connect(root, build);
    }

    /** True for a string shaped like a build id (so it is a safe folder name too). */
    public static boolean isBuildId(String id) {
        return BUILD_ID.matcher(id).matches();
    }

    private static Build live(Path root) {
        return new StoreLayout(root).current().orElseThrow(() -> new UserException("no store at " + root + ": run 'load' first"));
    }

    private static UserException refused(Verdict verdict, Path root, String more) {
        if (verdict.status() == Status.INCOMPLETE)
            return new UserException("build " + verdict.build().id() + " in " + root + " is incomplete" + more + ": run 'load' again");
        return new UserException(verdict.sentence() + more + "; run 'load' again");
    }

    private static Store connect(Path root, Build build) {
        if (!build.isComplete())
            throw new UserException("build " + build.id() + " in " + root + " is incomplete: run 'load' again");
        try {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(build.database().toString());
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            return new Store(build, dsg);
        } catch (DBOpEnvException e) {
            throw new UserException("store " + root + " is locked by another process (" + e.getMessage()
                    + "): stop it, or query it over HTTP");
        }
    }

    public Build build() {
        return build;
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    /** Releases the TDB2 lock, and deletes the lock file while it names this process, so pruning sees the build free. */
    @Override
    public void close() {
        TDBInternal.expel(dataset);
        Path lock = build.database().resolve("tdb.lock");
        try {
            if (Files.isRegularFile(lock) && Files.readString(lock).strip().equals(Long.toString(ProcessHandle.current().pid())))
                Files.delete(lock);
        } catch (IOException e) {
            LoggerFactory.getLogger(Store.class).warn("could not delete " + lock + ": " + e.getMessage());
        }
    }
}
