package org.sanctionskg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreLayout;

/** The bench's folders for one size and seed: generated sources, our store, the stock loader's database, logs. */
final class Workspace {
    private final BenchSettings settings;
    private final Path dir;
    private SyntheticData.Sources sources;

    Workspace(BenchSettings settings) {
        this.settings = settings;
        this.dir = settings.work().resolve("synthetic-" + settings.triples() + "-" + settings.seed());
    }

    SyntheticData.Sources sources() {
        if (sources == null) sources = SyntheticData.generate(dir.resolve("sources"), settings.triples(), settings.seed());
        return sources;
    }

    Path store() { return dir.resolve("store"); }
    Path stockLoad() { return dir.resolve("tdbloader"); }
    Path log(String name) { return dir.resolve("logs").resolve(name + ".log"); }

    /** The command line of our {@code load} on the synthetic sources, as a child JVM. */
    List<String> ourLoad() {
        List<String> cmd = new ArrayList<>(settings.jvm());
        cmd.addAll(List.of("-jar", settings.jar().toString(), "load", "--store", store().toString(),
                "--ontology", sources().ontology().toString(), "--data", sources().data().toString()));
        return cmd;
    }

    /** The live build of our store, loading it (unmeasured) when an earlier run left none. */
    Build build(PrintWriter out) throws InterruptedException {
        var current = new StoreLayout(store()).current();
        if (current.isPresent()) return current.get();
        out.println("  (no store from an earlier run: loading one, unmeasured)");
        try (ChildProcess load = ChildProcess.start("load", ourLoad(), log("load-unmeasured"))) {
            load.await(Duration.ofHours(2));
        }
        return new StoreLayout(store()).current().orElseThrow();
    }

    /** A copy of our build's TDB2 database for another server (TDB2 allows one process per database). */
    Path copyFor(String server, Build build) {
        Path copy = dir.resolve(server + "-copy").resolve(build.id());
        if (Files.isDirectory(copy)) return copy;
        deleteTree(dir.resolve(server + "-copy"));
        copyTree(build.database(), copy);
        return copy;
    }

    /** Reads a file once so that both contenders start from a warm page cache. */
    static void warm(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.getFileName().toString().equals("tdb.lock")) continue;
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
