package org.sanctionskg.store;

import java.util.Arrays;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The number of distinct objects in a TDB2 dataset, all graphs together: one pass over its OSPG index, where equal
 * objects are adjacent, reading node ids only. A set of the objects would grow with the data.
 */
public final class DistinctObjects {
    private DistinctObjects() {}

    /** Call inside a read transaction. */
    public static long count(DatasetGraph dsg) {
        TupleIndex[] indexes = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        TupleIndex osp = Arrays.stream(indexes).filter(i -> i.getName().equals("OSPG")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSPG index among " + Arrays.toString(indexes)));
        long n = 0;
        NodeId last = null;
        for (var it = osp.all(); it.hasNext(); ) {
            NodeId o = it.next().get(3);
            if (!o.equals(last)) n++;
            last = o;
        }
        return n;
    }
}
