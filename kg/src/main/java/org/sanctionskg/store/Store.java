package org.sanctionskg.store;

import java.nio.file.Path;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.sanctionskg.UserException;

/** The live build of a store, opened for reading with the union of its named graphs as default graph. */
public final class Store implements AutoCloseable {
    private final Build build;
    private final DatasetGraph dataset;

    private Store(Build build, DatasetGraph dataset) {
        this.build = build;
        this.dataset = dataset;
    }

    /** Opens the live build; a missing store or one locked by another process is a user error. */
    public static Store open(Path root) {
        Build build = new StoreLayout(root).current()
                .orElseThrow(() -> new UserException("no store at " + root + ": run 'load' first"));
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

    @Override
    public void close() {
        TDBInternal.expel(dataset);
    }
}
