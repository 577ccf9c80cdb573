package org.sanctionskg.store;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.rdf.Source;
import org.sanctionskg.validation.ExcerptGate;
import org.sanctionskg.validation.ReportFormatter;
import org.sanctionskg.validation.ReportTexts;
import org.sanctionskg.validation.ShaclGate;

/** Builds a new store from the sources: parse, materialize, validate, bulk-load into a fresh build, then switch. */
public final class StoreBuilder {

    private final List<Path> sourceFolders;
    private final StoreLayout layout;
    private final PrintWriter progress;
    private final List<BuildStep> afterLoad;
    private final List<Source> generated;
    private final int keepReleases;

    /** Work done on a freshly loaded build before it is published (dumps, dataset description). */
    @FunctionalInterface
    public interface BuildStep {
        void apply(Build build, DatasetGraph dataset);
    }

    public StoreBuilder(List<Path> sourceFolders, Path storeRoot, PrintWriter progress, List<BuildStep> afterLoad) {
        this(sourceFolders, storeRoot, progress, afterLoad, List.of(), Config.defaults().keepReleases());
    }

    /**
     * {@code generated}: graphs made in memory (the canned queries as sparql-examples), loaded and checked as a file
     * would be; {@code keepReleases} releases stay downloadable after each load ({@link StoreLayout#prune}).
     */
    public StoreBuilder(List<Path> sourceFolders, Path storeRoot, PrintWriter progress, List<BuildStep> afterLoad, List<Source> generated, int keepReleases) {
        this.sourceFolders = List.copyOf(sourceFolders);
        this.layout = new StoreLayout(storeRoot);
        this.progress = progress;
        this.afterLoad = List.copyOf(afterLoad);
        this.generated = List.copyOf(generated);
        this.keepReleases = keepReleases;
    }

    /** The sources, parsed and checked, with their entailments: what {@code validate} and {@code load} share. */
    public record Checked(List<Source> sources, Graph entailments, long triples) {}

    /** Parses and validates (excerpts against their texts, then SHACL) without writing anything; throws a {@link UserException} on any problem. */
    public Checked check() {
        List<Source> sources = new ArrayList<>(SourceReader.read(sourceFolders));
        sources.addAll(generated);
        MultiUnion asserted = union(sources);
        ExcerptGate.check(asserted, ReportTexts.under(sourceFolders), prefixes(sources)); // first: it names both texts
        Graph entailments = Entailments.of(asserted);
        MultiUnion all = union(sources);
        all.addGraph(entailments);
        if (ShaclGate.shapeSources(sources).isEmpty())
            throw new UserException("no SHACL shapes found under " + sourceFolders + ": refusing to publish unvalidated data");
        ValidationReport report = ShaclGate.validate(sources, all);
        if (!report.conforms()) throw new UserException(new ReportFormatter(prefixes(sources), ShaclGate.shapesGraph(sources)).format(report), UserException.VALIDATION_FAILED);
        long triples = sources.stream().mapToLong(s -> s.graph().size()).sum() + entailments.size();
        return new Checked(sources, entailments, triples);
    }

    /**
     * Loads the sources into a new build and makes it live; the previous build serves until the switch. Whatever
     * stops the load (a full disk, memory, a failed write) ends it with one line naming the cause, the load lock
     * released, the partial build deleted and the live build untouched.
     */
    public Build load() {
        try (LoadLock lock = LoadLock.acquire(layout.root())) {
            return loadLocked();
        } catch (OutOfMemoryError e) {
            throw LoadFailure.outOfMemory("loading into " + layout.root(), e);
        }
    }

    private Build loadLocked() {
        Instant start = Instant.now();
        String fingerprint = Fingerprint.of(sourceFolders); // before parsing: an edit during the load shows as stale
        Checked checked = check();
        Optional<Build> previous = layout.current();
        Build build = newBuild();
        long quads;
        try {
            quads = write(build, checked);
            Properties manifest = new Properties();
            manifest.setProperty("loaded", Instant.now().toString());
            manifest.setProperty("triples", Long.toString(quads));
            manifest.setProperty("graphs", Integer.toString(checked.sources().size() + 1));
            manifest.setProperty(Build.SOURCES, fingerprint);
            manifest.setProperty(Build.PREVIOUS, previous.map(Build::id).orElse(""));
            manifest.setProperty(Build.CHECKSUMS, Checksums.FILE);
            build.writeManifest(manifest);
            Checksums.write(build); // last: every other file of the build is written and closed
            layout.publish(build);
        } catch (RuntimeException | Error e) {
            throw abandon(build, e);
        }
        pruneQuietly();
        report(quads, checked.sources().size() + 1, Duration.between(start, Instant.now()));
        return build;
    }

    private Build newBuild() {
        try {
            return layout.newBuild();
        } catch (UncheckedIOException e) {
            String full = "No space left on device".equals(e.getCause().getMessage()) ? "disk full" : e.getCause().toString();
            throw new UserException("could not create a build folder in " + layout.builds() + " (" + full + "): free space and load again", e);
        }
    }

    /** The one-line report of what stopped a load, once its partial build is deleted (it was never published). */
    private RuntimeException abandon(Build build, Throwable failure) {
        Throwable cause = failure instanceof LoadGuard.Failed f ? f.getCause() : failure;
        Optional<UserException> reported = LoadFailure.describe(cause, build, layout.root()); // before deleting: the free space counts
        try {
            StoreLayout.deleteTree(build.dir());
        } catch (RuntimeException e) {
            cause.addSuppressed(e); // what is left is pruned by the next load
        }
        if (reported.isPresent()) throw reported.get();
        if (cause instanceof RuntimeException r) throw r;
        if (cause instanceof Error e) throw e;
        throw new IllegalStateException(cause);
    }

    /** Housekeeping after the switch: a failure here must not undo a published load. */
    private void pruneQuietly() {
        try {
            layout.prune(keepReleases);
        } catch (RuntimeException e) {
            progress.println("warning: could not delete old builds (" + e.getMessage() + "); the new build is live");
        }
    }

    /** True when there is no live build, its manifest is unreadable, or the sources differ from those it was loaded from. */
    public static boolean isStale(Path storeRoot, List<Path> sourceFolders) {
        return new StoreLayout(storeRoot).current()
                .map(b -> !Fingerprint.of(sourceFolders).equals(loadedFrom(b)))
                .orElse(true);
    }

    private static String loadedFrom(Build build) {
        try {
            return build.manifest().getProperty(Build.SOURCES);
        } catch (UncheckedIOException e) {
            return null; // a manifest gone or unreadable: load again
        }
    }

    /**
     * Bulk-loads the build's database and runs the build steps, guarded so that a failure on any of the loader's
     * threads ends the load instead of hanging it ({@link LoadGuard}). The progress ticker runs outside the guard:
     * its ticks are not the loader working.
     */
    private long write(Build build, Checked checked) {
        AtomicLong count = new AtomicLong();
        ScheduledExecutorService ticker = progressTicker(count);
        try {
            return LoadGuard.run("load " + build.id(), () -> writeGuarded(build, checked, count, ticker));
        } finally {
            ticker.shutdownNow();
        }
    }

    private long writeGuarded(Build build, Checked checked, AtomicLong count, ScheduledExecutorService ticker) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(build.database().toString());
        try {
            try {
                DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> {}); // our ticker reports progress
                loader.startBulk();
                try {
                    for (Source s : checked.sources()) send(loader, s.graphName(), s.graph(), count);
                    send(loader, GraphNames.ENTAILMENTS, checked.entailments(), count);
                    loader.finishBulk();
                } catch (RuntimeException e) {
                    loader.finishException(e);
                    throw e;
                }
            } finally {
                ticker.shutdownNow();
            }
            checkIndexes(dsg, count.get());
            for (BuildStep step : afterLoad) step.apply(build, dsg);
            return count.get();
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /**
     * Every quad index holds quads when quads were sent. A loader thread that fails on an exception logs it and
     * aborts its own transaction, which leaves its index as it was before the load, empty, while the load goes on:
     * without this check such a build would be published and answer COUNT 0 (issue 9). Emptiness is all an abort
     * can leave, and costs nothing to see; counting the six indexes would cost about a second per million quads.
     */
    static void checkIndexes(DatasetGraph dsg, long sent) {
        if (sent == 0) return;
        TupleIndex[] indexes = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        Txn.executeRead(dsg, () -> {
            for (TupleIndex index : indexes) if (index.isEmpty()) throw new LoadFailure.IncompleteIndex(index.getName(), sent);
        });
    }

    private static void send(DataLoader loader, Node graphName, Graph graph, AtomicLong count) {
        var stream = loader.stream();
        graph.find().forEachRemaining(t -> {
            stream.quad(Quad.create(graphName, t));
            count.incrementAndGet();
        });
    }

    private ScheduledExecutorService progressTicker(AtomicLong count) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            double secs = (System.nanoTime() - started) / 1e9;
            progress.printf("  … %,d triples loaded (%,.0f/s)%n", count.get(), count.get() / secs);
            progress.flush();
        }, 2, 2, TimeUnit.SECONDS);
        return ticker;
    }

    private void report(long triples, int graphs, Duration took) {
        double secs = Math.max(took.toMillis(), 1) / 1000.0;
        progress.printf("Loaded %,d triples in %d graphs in %.1f s (%,.0f triples/s)%n", triples, graphs, secs, triples / secs);
        progress.flush();
    }

    private static MultiUnion union(List<Source> sources) {
        MultiUnion union = new MultiUnion();
        sources.forEach(s -> union.addGraph(s.graph()));
        return union;
    }

    private static PrefixMapping prefixes(List<Source> sources) {
        PrefixMapping pm = PrefixMapping.Factory.create();
        sources.forEach(s -> pm.setNsPrefixes(s.graph().getPrefixMapping()));
        return pm;
    }
}
