package org.sanctionskg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sanctionskg.UserException;

/** Every setting of a bench run, validated once here. */
public record BenchSettings(
        long triples,
        int clients,
        Duration duration,
        Duration warmup,
        Set<Part> parts,
        Path stockDir,
        boolean virtuoso,
        String xmx,
        String serverHeap,
        long seed,
        Path work,
        Path json,
        int startRuns,
        Path project,
        Path jar,
        String benchClasspath,
        Duration abuseTimeout,
        int abuseClients,
        Duration abuseDuration,
        Duration abuseWarmup) {

    /** The comparisons the bench can make. */
    public enum Part { LOAD, START, SPARQL, STATS, CANNED, ABUSE, SWITCH, REPLICAS }

    public BenchSettings {
        if (triples < 1_000) throw new UserException("Illegal --triples=" + triples + " (at least 1000)");
        if (clients < 1) throw new UserException("Illegal --clients=" + clients + " (at least 1)");
        if (duration.isNegative() || duration.isZero()) throw new UserException("Illegal --seconds (must be positive)");
        if (warmup.isNegative()) throw new UserException("Illegal --warmup (must be 0 or more)");
        if (!xmx.matches("[0-9]+[mMgG]")) throw new UserException("Illegal --xmx=" + xmx + " (like 4g or 2048m)");
        if (!serverHeap.matches("[0-9]+[mMgG]")) throw new UserException("Illegal --server-heap=" + serverHeap + " (like 2g or 1024m)");
        if (startRuns < 1) throw new UserException("Illegal --start-runs=" + startRuns + " (at least 1)");
        if (abuseTimeout.isNegative() || abuseTimeout.isZero()) throw new UserException("Illegal --abuse-timeout (must be positive)");
        if (abuseClients < 1) throw new UserException("Illegal --clients=" + abuseClients + " (at least 1)");
        if (abuseDuration.isNegative() || abuseDuration.isZero()) throw new UserException("Illegal --seconds (must be positive)");
        if (!Files.isRegularFile(jar)) throw new UserException("no product jar at " + jar + " (run mvn package first, or pass --jar)");
        parts = parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(parts);
    }

    /** The warm-up before each measured query load unless --warmup says otherwise: a quarter of it, 2 to 5 s. */
    static Duration defaultWarmup(Duration measured) {
        return Duration.ofSeconds(Math.max(2, Math.min(5, measured.toSeconds() / 4)));
    }

    /** Loads and cold starts: child JVMs with the same heap limit and otherwise default flags, ours and stock alike. */
    List<String> jvm() {
        return List.of(ChildProcess.java(), "-Xmx" + xmx);
    }

    /**
     * Servers under query load: a fixed, pre-touched heap for every contender. With a growing heap, first touches of
     * new heap pages are expensive in this VM and charged to whichever server happens to grow its young generation
     * (seen: 4-10x the CPU per query), which would measure the JVM's heap sizing, not the server.
     */
    List<String> serverJvm() {
        return List.of(ChildProcess.java(), "-Xms" + serverHeap, "-Xmx" + serverHeap, "-XX:+AlwaysPreTouch");
    }

    boolean runs(Part part) {
        return parts.contains(part);
    }

    Path fusekiJar() {
        return stockFile(stockDir.resolve("jena-fuseki-server-5.6.0.jar"));
    }

    /** The class path of org.apache.jena:jena-cmds:5.6.0 and its dependencies (for {@code tdb2.tdbloader}). */
    String cmdsClasspath() {
        stockFile(stockDir.resolve("jena-cmds/jena-cmds-5.6.0.jar"));
        return stockDir.resolve("jena-cmds") + "/*";
    }

    private Path stockFile(Path file) {
        if (!Files.isRegularFile(file))
            throw new UserException("no " + file.getFileName() + " in " + stockDir + ": run .ci/bench/fetch-stock.sh "
                    + stockDir + " first (it fetches the stock Jena tools from Maven Central)");
        return file;
    }

    Path virtuosoScript() {
        Path script = project.resolve(".ci/bench/virtuoso.sh");
        if (!Files.isRegularFile(script)) throw new UserException("no " + script + ": run the bench from the repository root");
        return script;
    }
}
