package org.sanctionskg.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.rdf.Source;

/**
 * Builds a new store from the sources: streams them once into a fresh build (entailments beside them), validates
 * the build, runs the build steps on it, then switches. The first source folder is the schema (the ontology and the
 * shapes), read first; the others hold data.
 */
public final class StoreBuilder {

    private final List<Path> sourceFolders;
    private final List<Source> generated;
    private final StoreLayout layout;
    private final PrintWriter progress;
    private final boolean terminal;
    private final List<BuildStep> afterLoad;
    private final int keepReleases;

    /**
     * Work done on a freshly loaded and validated build before it is published (dumps, dataset description): first
     * its readers, fed by the build's one pass over its quads ({@link StorePass}), then {@link #apply}.
     */
    public interface BuildStep {
        /** What the step writes, for the load's report of its phases. */
        String name();

        /** What the step reads in the build's one pass over all its quads; none by default. */
        default List<StorePass.Reader> readers(Build build, DatasetGraph dataset) {
            return List.of();
        }

        /** The step's work once that pass has ended (what it writes from what it read, or from the dataset). */
        default void apply(Build build, DatasetGraph dataset) {}

        /** A step named {@code name} that does {@code work} and reads nothing in the pass. */
        static BuildStep of(String name, BiConsumer<Build, DatasetGraph> work) {
            return new BuildStep() {
                @Override public void apply(Build build, DatasetGraph dataset) { work.accept(build, dataset); }
                @Override public String name() { return name; }
            };
        }
    }

    public StoreBuilder(List<Path> sourceFolders, Path storeRoot, PrintWriter progress, List<BuildStep> afterLoad) {
        this(sourceFolders, List.of(), storeRoot, progress, false, afterLoad, Config.defaults().keepReleases());
    }

    private StoreBuilder(List<Path> sourceFolders, List<Source> generated, Path storeRoot, PrintWriter progress,
                         boolean terminal, List<BuildStep> afterLoad, int keepReleases) {
        if (sourceFolders.isEmpty()) throw new IllegalArgumentException("no source folders");
        this.sourceFolders = List.copyOf(sourceFolders);
        this.generated = List.copyOf(generated);
        this.layout = new StoreLayout(storeRoot);
        this.progress = progress;
        this.terminal = terminal;
        this.afterLoad = List.copyOf(afterLoad);
        this.keepReleases = keepReleases;
    }

    /** This builder with small in-memory sources added, each as its own named graph (generated documents). */
    public StoreBuilder withSources(List<Source> more) {
        List<Source> all = new ArrayList<>(generated);
        all.addAll(more);
        return new StoreBuilder(sourceFolders, all, layout.root(), progress, terminal, afterLoad, keepReleases);
    }

    /** This builder reporting progress as one rewritten line (for a terminal) instead of a line per phase. */
    public StoreBuilder onTerminal(boolean onTerminal) {
        return new StoreBuilder(sourceFolders, generated, layout.root(), progress, onTerminal, afterLoad, keepReleases);
    }

    /** This builder keeping {@code n} releases downloadable after each load ({@link StoreLayout#prune}). */
    public StoreBuilder keepReleases(int n) {
        return new StoreBuilder(sourceFolders, generated, layout.root(), progress, terminal, afterLoad, n);
    }

    /** What {@code validate} reports: the files read and the triples they hold with their entailments. */
    public record Checked(int files, long triples) {}

    /**
     * Parses, entails and validates exactly as {@code load} does, into a temporary build that is then deleted: the
     * same code and the same flat memory as a load, at the cost of writing TDB2 (an in-memory check would hold the
     * whole graph). Throws a {@link UserException} on any problem; the store is not touched.
     */
    public Checked check() {
        Path temp;
        try {
            temp = Files.createTempDirectory("sanctions-kg-validate-");
        } catch (IOException e) {
            throw new UserException("could not create a temporary folder to validate in (" + e.getMessage() + ")", e);
        }
        Build scratch = new Build(temp);
        try {
            BuildWriter.Written w = write(scratch, List.of());
            return new Checked(w.graphs() - 1, w.quads());
        } catch (RuntimeException | Error e) {
            throw abandon(scratch, e);
        } finally {
            if (Files.exists(temp)) StoreLayout.deleteTree(temp);
        }
    }

    /**
     * Loads the sources into a new build and makes it live; the previous build serves until the switch. Whatever
     * stops the load (a bad source, a SHACL violation, a full disk, memory, a failed write) ends it with one line (or
     * the SHACL report) naming the cause, the load lock released, the partial build deleted and the live build untouched.
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
        SourceReader.files(sourceFolders); // a missing folder is refused before a build folder is made
        Optional<Build> previous = layout.current();
        Build build = newBuild();
        BuildWriter.Written written;
        try {
            written = write(build, afterLoad);
            Properties manifest = new Properties();
            manifest.setProperty("loaded", Instant.now().toString());
            manifest.setProperty("triples", Long.toString(written.quads()));
            manifest.setProperty("graphs", Integer.toString(written.graphs()));
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
        report(written, Duration.between(start, Instant.now()));
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
        // a refusal of the body already says why; what its abort met (an interrupted channel) is only suppressed in it
        Optional<UserException> reported = cause instanceof UserException u ? Optional.of(u) : LoadFailure.describe(cause, build, layout.root()); // before deleting: the free space counts
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
     * Writes the build's database and runs {@code steps} on it, guarded so that a failure on any of the loader's
     * threads ends the load instead of hanging it ({@link LoadGuard}). The progress ticker runs outside the guard:
     * its ticks are not the loader working.
     */
    private BuildWriter.Written write(Build build, List<BuildStep> steps) {
        List<Path> files = SourceReader.files(sourceFolders);
        long bytes = files.stream().mapToLong(StoreBuilder::size).sum();
        try (Progress p = new Progress(progress, terminal, bytes)) {
            BuildWriter.Written w = LoadGuard.run("load " + build.id(), () -> writeGuarded(build, files, steps, p));
            progress.println("  load: phases " + p.phases());
            return w;
        }
    }

    private BuildWriter.Written writeGuarded(Build build, List<Path> files, List<BuildStep> steps, Progress p) {
        DatasetGraph dsg = StoreIndexes.connect(build.database().toString());
        Throwable failure = null;
        try {
            BuildWriter.Written w = new BuildWriter(sourceFolders, generated, p).write(dsg, files);
            List<StorePass.Reader> readers = new ArrayList<>();
            List<String> reading = new ArrayList<>();
            for (BuildStep step : steps) {
                List<StorePass.Reader> mine = step.readers(build, dsg);
                if (!mine.isEmpty()) reading.add(step.name());
                readers.addAll(mine);
            }
            if (!readers.isEmpty()) {
                p.phase("one pass for " + String.join(", ", reading));
                StorePass.run(dsg, readers);
            }
            for (BuildStep step : steps) {
                p.phase(step.name());
                step.apply(build, dsg);
            }
            return w;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            try {
                TDBInternal.expel(dsg);
            } catch (RuntimeException e) {
                if (failure == null) throw e;
                failure.addSuppressed(e); // the reason the load stopped is what the user must read, not the cleanup's
            }
        }
    }

    /**
     * Every quad index holds quads when quads were sent. A loader thread that fails on an exception logs it and
     * aborts its own transaction, which leaves its index as it was before the load, empty, while the load goes on:
     * without this check such a build would be published and answer COUNT 0 (issue 9). Emptiness is all an abort
     * can leave, and costs nothing to see; counting the four indexes would cost about a second per million quads.
     */
    static void checkIndexes(DatasetGraph dsg, long sent) {
        if (sent == 0) return;
        TupleIndex[] indexes = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        Txn.executeRead(dsg, () -> {
            for (TupleIndex index : indexes) if (index.isEmpty()) throw new LoadFailure.IncompleteIndex(index.getName(), sent);
        });
    }

    private void report(BuildWriter.Written w, Duration took) {
        double secs = Math.max(took.toMillis(), 1) / 1000.0;
        progress.printf("Loaded %,d triples (%,d quads stored with the entailments) in %d graphs in %.1f s (%,.0f triples/s)%n",
                w.triples(), w.quads(), w.graphs(), secs, w.triples() / secs);
        progress.flush();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // unreadable: the parse names it
        }
    }
}
