package org.sanctionskg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
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
            Txn.executeRead(dsg, () -> Entailments.transitiveClosure(dsg.getUnionGraph(), p, closure::add));
            Txn.executeWrite(dsg, () -> closure.forEach(t -> dsg.add(Quad.create(GraphNames.ENTAILMENTS, t))));
        }
    }

    /** Deletes the entailed quads that another graph holds; returns how many. */
    static long dropAsserted(DatasetGraph dsg) {
        List<Quad> asserted = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find(GraphNames.ENTAILMENTS, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (assertedElsewhere(dsg, q)) asserted.add(q);
        }));
        if (!asserted.isEmpty()) Txn.executeWrite(dsg, () -> asserted.forEach(dsg::delete));
        return asserted.size();
    }

    private static boolean assertedElsewhere(DatasetGraph dsg, Quad q) {
        for (Iterator<Quad> it = dsg.find(Node.ANY, q.getSubject(), q.getPredicate(), q.getObject()); it.hasNext(); )
            if (!it.next().getGraph().equals(GraphNames.ENTAILMENTS)) return true;
        return false;
    }
}
