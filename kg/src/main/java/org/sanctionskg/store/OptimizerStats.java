package org.sanctionskg.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.solver.SolverLibTDB;
import org.apache.jena.tdb2.solver.stats.Stats;
import org.apache.jena.tdb2.solver.stats.StatsCollectorNodeId;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * TDB2's statistics for its query optimizer, {@code stats.opt} in the database's storage folder (what
 * {@code tdb2.tdbstats --graph urn:x-arq:UnionGraph} prints), counted over the union graph that SPARQL queries. TDB2
 * reads the file when it opens the database, so the build is served with it. Both passes read node ids, not nodes.
 */
final class OptimizerStats {
    static final String FILE = "stats.opt";

    private OptimizerStats() {}

    /** Writes the statistics file; returns the number of quads stored. */
    static long write(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        Path file = Path.of(tdb.getLocation().getPath(FILE));
        return Txn.calculateRead(tdb, () -> {
            NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
            StatsCollectorNodeId stats = new StatsCollectorNodeId(quads.getNodeTable());
            SolverLibTDB.unionGraph(quads).forEachRemaining(t -> stats.record(t.get(0), t.get(1), t.get(2), t.get(3)));
            try (OutputStream out = Files.newOutputStream(file)) {
                Stats.write(out, stats.results());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long n = 0;
            for (var it = quads.findAll(); it.hasNext(); it.next()) n++;
            return n;
        });
    }
}
