package org.sanctionskg.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failure on any of the loader's threads ends the load with that failure: it never hangs, and never passes unseen. */
class LoadGuardTest {

    @Test
    void anErrorThatKillsALoaderThreadEndsTheLoadWithThatError() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        LoadGuard.Failed failed = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(LoadGuard.Failed.class,
                () -> LoadGuard.run("test", () -> {
                    new Thread(() -> { throw oom; }, "indexer").start(); // as Jena's loader starts its own threads
                    new CountDownLatch(1).await(); // what the loader waits on: never released by the dead thread
                    return null;
                })));
        assertSame(oom, failed.getCause(), "the first failure, not the interruption that followed");
    }

    @Test
    void aLoaderThreadThatGivesUpQuietlyIsCaughtAsAStall() {
        long start = System.nanoTime();
        LoadGuard.Failed failed = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(LoadGuard.Failed.class,
                () -> LoadGuard.run("test", () -> {
                    SynchronousQueue<String> pipe = new SynchronousQueue<>();
                    new Thread(() -> {
                        try {
                            throw new IllegalStateException("No space left on device");
                        } catch (IllegalStateException e) {
                            // logged and swallowed, as Jena's loader threads do
                        }
                    }, "data-to-tuples").start();
                    pipe.put("block"); // nobody takes it any more
                    return null;
                })));
        assertInstanceOf(LoadGuard.Stalled.class, failed.getCause());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= LoadGuard.STALL_MILLIS, "waited the stall time first");
    }

    @Test
    void aLoadThatKeepsWorkingIsNotTakenForAStall() {
        String result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> LoadGuard.run("test", () -> {
            CountDownLatch done = new CountDownLatch(1);
            Thread worker = new Thread(() -> {
                long end = System.nanoTime() + Duration.ofMillis(LoadGuard.STALL_MILLIS + 2_000).toNanos();
                long x = 0;
                while (System.nanoTime() < end) x += Long.numberOfTrailingZeros(x + System.nanoTime());
                done.countDown();
            }, "indexer");
            worker.start();
            done.await(); // the body waits; the thread it waits for works
            return "loaded";
        }));
        assertEquals("loaded", result);
    }

    @Test
    void aQuadIndexLeftEmptyByAFailedLoaderThreadIsCaughtBeforePublishing(@TempDir Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            Txn.executeWrite(dsg, () -> {
                for (int i = 0; i < 3; i++)
                    dsg.add(Quad.create(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"), NodeFactory.createURI("urn:o")));
            });
            StoreBuilder.checkIndexes(dsg, 3); // all six hold the quads
            TupleIndex[] indexes = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
            Txn.executeWrite(dsg, () -> indexes[2].clear()); // what an aborted indexer transaction leaves
            LoadFailure.IncompleteIndex e = assertThrows(LoadFailure.IncompleteIndex.class, () -> StoreBuilder.checkIndexes(dsg, 3));
            assertEquals("TDB2 index " + indexes[2].getName() + " is empty though 3 quads were sent", e.getMessage());
            assertEquals("could not write build b1 in store (TDB2 index " + indexes[2].getName() + " is empty though 3 quads were sent): load again",
                    LoadFailure.describe(e, new Build(dir.resolve("b1")), Path.of("store")).orElseThrow().getMessage());
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
