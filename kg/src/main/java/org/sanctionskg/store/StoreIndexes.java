package org.sanctionskg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.system.progress.MonitorOutput;

/**
 * The TDB2 indexes a build has: four quad indexes instead of TDB2's six, and two (empty) triple indexes.
 * <p>
 * Every triple lives in a named graph and SPARQL reads their union, which TDB2 answers from the G-last indexes (SPOG,
 * POSG, OSPG); GSPO is the primary one, which dumps and {@code GRAPH <g> {…}} read. GPOS and GOSP serve only a
 * {@code GRAPH <g>} pattern that binds the predicate or the object but not the subject; without them such a pattern
 * scans graph {@code g} (a source's graph is one file). TDB2 accepts four or six quad indexes and records the choice
 * in a {@code tdb.cfg}, which every Jena tool reads when it opens the store.
 */
final class StoreIndexes {
    static final String[] QUADS = {"GSPO", "SPOG", "POSG", "OSPG"};
    static final String[] TRIPLES = {"SPO", "POS"};

    /** TDB2's phased plan for these indexes: the primary one while parsing, then the three others side by side. */
    private static final LoaderPlan PHASED = new LoaderPlan(LoaderPlans.loaderPlanPhased.dataInputType(),
            new String[] {"SPO"}, new String[] {"GSPO"},
            new String[][] {{"POS"}}, new String[][] {{"SPOG", "POSG", "OSPG"}});

    private StoreIndexes() {}

    /** Creates the database of a new build with these indexes (or opens one, whatever indexes it has). */
    static DatasetGraph connect(String location) {
        StoreParams params = StoreParams.builder(StoreParams.getDftStoreParams()).tripleIndexes(TRIPLES).quadIndexes(QUADS).build();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location, params);
        keepWithStorage(Path.of(location), dsg);
        return dsg;
    }

    /**
     * Moves the {@code tdb.cfg} TDB2 writes into a new database's folder into its storage folder ({@code Data-0001}),
     * where TDB2 reads it too: {@code jena-fuseki-server --loc} 5.6.0 first checks whether the folder is a TDB1
     * database by reading the folder's {@code tdb.cfg} with TDB1's codec, which refuses TDB2's keys, and the server
     * exits.
     */
    private static void keepWithStorage(Path container, DatasetGraph dsg) {
        Path params = container.resolve(Names.TDB_CONFIG_FILE);
        if (!Files.isRegularFile(params)) return;
        Path storage = Path.of(TDBInternal.getDatasetGraphTDB(dsg).getLocation().getDirectoryPath());
        try {
            Files.move(params, storage.resolve(Names.TDB_CONFIG_FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The phased loader for {@code dsg}, a database {@link #connect} created: TDB2's plan would name the six indexes. */
    static DataLoader phasedLoader(DatasetGraph dsg, MonitorOutput output) {
        return LoaderFactory.createLoader(PHASED, dsg, output);
    }
}
