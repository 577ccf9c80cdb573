package org.sanctionskg.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * Which TDB2 bulk loader a load uses. The phased loader (what {@code tdb2.tdbloader} uses by default) runs the parser,
 * the node table and each index on threads of their own, joined by queues of up to 10 chunks of 100,000 tuples per
 * thread: the fastest with two or more cores, and bounded, but a few hundred MiB in flight whatever the input size.
 * The parallel loader starts more threads than two cores can run and holds more in flight (≈ 3 GB RSS at 1M triples
 * here). The sequential loader does one thing at a time and holds almost nothing: the choice for a small heap.
 */
final class LoaderChoice {
    /** Below this heap the phased loader's queues may not fit beside the node caches. */
    static final long PHASED_MIN_HEAP = 1L << 30;

    private LoaderChoice() {}

    static DataLoader forThisJvm(DatasetGraph dsg) {
        return Runtime.getRuntime().maxMemory() >= PHASED_MIN_HEAP
                ? StoreIndexes.phasedLoader(dsg, (fmt, args) -> {}) // Progress reports
                : LoaderFactory.sequentialLoader(dsg, (fmt, args) -> {});
    }

    /** Its name, for the load's report. */
    static String name() {
        return Runtime.getRuntime().maxMemory() >= PHASED_MIN_HEAP ? "phased" : "sequential";
    }
}
