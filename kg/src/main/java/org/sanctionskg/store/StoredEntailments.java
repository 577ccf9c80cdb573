package org.sanctionskg.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.sanctionskg.rdf.GraphNames;

/**
 * The entailment work that needs the whole data, done as passes over the built store: the closure of the transitive
 * properties, then dropping from the entailments graph what a source asserts (the streamed rules could not know it).
 */
final class StoredEntailments {
    private StoredEntailments() {}

    /** Adds the transitive closure of each property to the entailments graph; holds only that property's edges. */
    static void closeTransitive(DatasetGraph dsg, Set<Node> transitive) {
        for (Node p : transitive.stream().sorted(Comparator.comparing(Node::getURI)).toList()) {
            List<Triple> closure = new ArrayList<>();
            Txn.executeRead(dsg, () -> Entailments.transitiveClosure(UnionGraph.of(dsg), p, closure::add));
            Txn.executeWrite(dsg, () -> closure.forEach(t -> dsg.add(Quad.create(GraphNames.ENTAILMENTS, t))));
        }
    }

    /**
     * Deletes the entailed quads that another graph holds; returns how many. One pass over the SPOG index at the level
     * of node ids, where the quads of one triple are adjacent whatever their graph: no lookup per entailed quad.
     */
    static long dropAsserted(DatasetGraph dsg) {
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        TupleTable table = quads.getTupleTable();
        TupleIndex spog = Arrays.stream(table.getIndexes()).filter(i -> i.getName().equals("SPOG")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the build has no SPOG index"));
        List<Tuple<NodeId>> asserted = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            NodeId entailments = quads.getNodeTable().getNodeIdForNode(GraphNames.ENTAILMENTS);
            if (NodeId.isDoesNotExist(entailments)) return;
            Tuple<NodeId> previous = null;
            Tuple<NodeId> entailed = null;
            boolean elsewhere = false;
            for (Iterator<Tuple<NodeId>> it = spog.all(); it.hasNext(); ) {
                Tuple<NodeId> q = it.next(); // G S P O, in the order S P O G
                if (previous != null && !sameTriple(previous, q)) {
                    if (entailed != null && elsewhere) asserted.add(entailed);
                    entailed = null;
                    elsewhere = false;
                }
                if (q.get(0).equals(entailments)) entailed = q;
                else elsewhere = true;
                previous = q;
            }
            if (entailed != null && elsewhere) asserted.add(entailed);
        });
        if (!asserted.isEmpty()) Txn.executeWrite(dsg, () -> asserted.forEach(table::delete));
        return asserted.size();
    }

    private static boolean sameTriple(Tuple<NodeId> a, Tuple<NodeId> b) {
        return a.get(1).equals(b.get(1)) && a.get(2).equals(b.get(2)) && a.get(3).equals(b.get(3));
    }
}
