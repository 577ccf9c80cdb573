package org.sanctionskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;

class StorePassTest {
    private static final int SUBJECTS = 20_000; // several times what the queues hold: the pass must wait for its readers

    @Test
    void everyReaderGetsEveryQuadAndTheUnionGraphWithoutDuplicates() {
        DatasetGraph dsg = store();
        AtomicLong quads = new AtomicLong(), again = new AtomicLong();
        Set<Triple> union = new HashSet<>();
        long[] unionCount = new long[1];

        StorePass.run(dsg, List.of(
                q -> q.forEachRemaining(x -> quads.incrementAndGet()),
                q -> StorePass.triples(q).forEachRemaining(t -> { union.add(t); unionCount[0]++; }),
                q -> q.forEachRemaining(x -> again.incrementAndGet())));

        long stored = Txn.calculateRead(dsg, () -> (long) dsg.stream().count());
        assertEquals(stored, quads.get());
        assertEquals(stored, again.get());
        assertEquals(SUBJECTS * 2L, union.size(), "each subject's two triples, the one both graphs hold once");
        assertEquals(union.size(), unionCount[0], "no triple of the union graph given twice");
    }

    @Test
    void aFailingReaderEndsThePassWithItsFailureAndNoReaderIsLeftWaiting() {
        DatasetGraph dsg = store();
        IllegalArgumentException thrown = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(IllegalArgumentException.class,
                () -> StorePass.run(dsg, List.of(
                        q -> {
                            for (int i = 0; i < 10; i++) q.next();
                            throw new IllegalArgumentException("the disk is full");
                        },
                        q -> q.forEachRemaining(x -> {})))));
        assertEquals("the disk is full", thrown.getMessage());
    }

    private static DatasetGraph store() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node g1 = NodeFactory.createURI("urn:g1"), g2 = NodeFactory.createURI("urn:g2");
        Node p = NodeFactory.createURI("urn:p"), q = NodeFactory.createURI("urn:q");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < SUBJECTS; i++) {
                Node s = NodeFactory.createURI("urn:s" + i);
                Node o = NodeFactory.createLiteralString("o" + i);
                dsg.add(Quad.create(g1, s, p, o));
                dsg.add(Quad.create(g2, s, p, o)); // the same triple in another graph
                dsg.add(Quad.create(g2, s, q, o));
            }
        });
        return dsg;
    }
}
