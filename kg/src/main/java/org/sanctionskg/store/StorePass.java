package org.sanctionskg.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * One pass over a written build's quads, shared by every build step that reads all of it (the three dumps, the
 * statistics, the release index): the store is read and its nodes decoded once, not once per reader — at 10M input
 * each pass cost about 100 s, mostly nodes decoded from the node table, the cache being smaller than the store. Each
 * reader runs on a thread of its own (in the caller's thread group: the load guard sees it) and takes the quads in
 * batches from a bounded queue, so a slow reader holds back the pass, never memory. The quads come in TDB2's full-scan
 * order (SPOG), in which {@link #triples} gives the union graph without duplicates, grouped by subject.
 */
public final class StorePass {
    private static final int BATCH = 1024;
    private static final int QUEUED_BATCHES = 16;
    private static final Quad[] END = new Quad[0];

    /** A reader of every quad of the build, in one go. */
    @FunctionalInterface
    public interface Reader {
        void read(Iterator<Quad> quads);
    }

    private StorePass() {}

    /** The union graph of the quads of a pass: default-graph quads left out, duplicates (adjacent in SPOG order) dropped. */
    public static Iterator<Triple> triples(Iterator<Quad> quads) {
        return Iter.distinctAdjacent(Iter.map(Iter.filter(quads, q -> !Quad.isDefaultGraph(q.getGraph())), Quad::asTriple));
    }

    /** Feeds every quad of {@code dataset} to each of {@code readers}, side by side; the first failure of any is thrown. */
    static void run(DatasetGraph dataset, List<Reader> readers) {
        if (readers.isEmpty()) return;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<BlockingQueue<Quad[]>> queues = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Reader reader : readers) {
            BlockingQueue<Quad[]> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
            queues.add(queue);
            Thread t = new Thread(() -> {
                try {
                    Batches quads = new Batches(queue);
                    reader.read(quads);
                    while (quads.hasNext()) quads.next(); // a reader that stopped early must not hold back the others
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "store-pass");
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        boolean fed = false;
        try {
            Txn.executeRead(dataset, () -> {
                Quad[] batch = new Quad[BATCH];
                int n = 0;
                for (Iterator<Quad> it = dataset.find(); it.hasNext() && failure.get() == null; ) {
                    batch[n++] = it.next();
                    if (n == BATCH) {
                        hand(queues, batch, failure);
                        batch = new Quad[BATCH];
                        n = 0;
                    }
                }
                if (n > 0) hand(queues, Arrays.copyOf(batch, n), failure);
            });
            hand(queues, END, failure);
            fed = failure.get() == null;
        } finally {
            if (!fed) threads.forEach(Thread::interrupt); // a reader failed or the feed stopped: the others wait for quads that will not come
        }
        try {
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
            failure.compareAndSet(null, e);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException("the pass over the build stopped", f);
    }

    /** Puts a batch in every queue, waiting while a reader is behind; gives up when one has failed. */
    private static void hand(List<BlockingQueue<Quad[]>> queues, Quad[] batch, AtomicReference<Throwable> failure) {
        try {
            for (BlockingQueue<Quad[]> q : queues)
                while (!q.offer(batch, 100, TimeUnit.MILLISECONDS)) if (failure.get() != null) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        }
    }

    /** The quads of one reader's queue, as an iterator; an interrupt (another reader failed) ends it with an exception. */
    private static final class Batches implements Iterator<Quad> {
        private final BlockingQueue<Quad[]> queue;
        private Quad[] batch = new Quad[0];
        private int next;
        private boolean ended;

        Batches(BlockingQueue<Quad[]> queue) {
            this.queue = queue;
        }

        @Override
        public boolean hasNext() {
            while (!ended && next == batch.length) {
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the pass over the build stopped", e);
                }
                next = 0;
                ended = batch == END;
            }
            return !ended;
        }

        @Override
        public Quad next() {
            if (!hasNext()) throw new NoSuchElementException();
            return batch[next++];
        }
    }
}
