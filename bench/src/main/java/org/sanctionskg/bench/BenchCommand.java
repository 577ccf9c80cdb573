package org.sanctionskg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.sanctionskg.UserException;
import org.sanctionskg.bench.BenchSettings.Part;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code bench}: our load, start, /sparql and canned queries against stock Jena (and Virtuoso), side by side; one abusive client. */
@Command(name = "sanctions-kg-bench", mixinStandardHelpOptions = true, description = "Measure load, cold start, /sparql and canned-query speed against stock Jena and Virtuoso, as ratios; and how one abusive client affects the others.")
public final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--triples", defaultValue = "1000000", description = "Size of the generated events file (default: ${DEFAULT-VALUE}).")
    long triples;

    @Option(names = "--clients", paramLabel = "N", description = "Concurrent loopback clients (default: 16; in the abuse part 64).")
    Integer clients;

    @Option(names = "--seconds", paramLabel = "SECONDS",
            description = "Measured seconds per query and server (default: 20; in the abuse part 60 for each of its two runs).")
    Long seconds;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "Warm-up seconds, not measured, before each measured query load; 0 for none (default: a quarter of --seconds, 2 to 5).")
    Long warmup;

    @Option(names = "--only", split = ",", paramLabel = "PART", description = "Run only these: load, start, sparql, stats, canned, abuse, switch, replicas (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--stock-dir", paramLabel = "DIR", description = "Stock Jena tools, as .ci/bench/fetch-stock.sh leaves them, or the bench module's test phase in bench/target/stock (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.home}/.cache/sanctions-kg-bench")
    Path stockDir;

    @Option(names = "--virtuoso", description = "Also set up Virtuoso 7 (loopback only, .ci/bench/virtuoso.sh) for the canned comparison.")
    boolean virtuoso;

    @Option(names = "--xmx", defaultValue = "4g", description = "Heap limit of the loads and cold starts, ours and stock alike (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Option(names = "--server-heap", defaultValue = "2g",
            description = "Fixed, pre-touched heap of every server under query load (default: ${DEFAULT-VALUE}).")
    String serverHeap;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data generator and the clients (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start-runs", defaultValue = "3", description = "Cold starts per server (default: ${DEFAULT-VALUE}).")
    int startRuns;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}/sanctions-kg-bench",
            description = "Generated data, stores and logs (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results here too (default: WORK/bench-results.json).")
    Path json;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "Repository root: ontology/, data/, queries/, .ci/bench/ (default: ${DEFAULT-VALUE}).")
    Path project;

    @Option(names = "--jar", paramLabel = "FILE", description = "Our product jar, run as child JVMs (default: PROJECT/target/sanctions-kg.jar).")
    Path jar;

    @Option(names = "--abuse-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Our server's query time limit (--timeout) in the abuse part, so that runaway queries end (default: ${DEFAULT-VALUE}).")
    long abuseTimeout;

    @Option(names = "--verbose", description = "Debug logging and stack traces.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args));
    }

    /** Runs the bench and returns its exit code: 0 done, 1 bad settings (one line), 3 a bug. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new BenchCommand()).setOut(out).setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage() + " (see --help)");
            return 1;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof UserException u)) throw e;
            err.println("error: " + u.getMessage());
            return u.exitCode();
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration measured = Duration.ofSeconds(seconds == null ? 20 : seconds);
        Duration abuseMeasured = Duration.ofSeconds(seconds == null ? 60 : seconds);
        BenchSettings settings = new BenchSettings(triples, clients == null ? 16 : clients, measured,
                warmup == null ? BenchSettings.defaultWarmup(measured) : Duration.ofSeconds(warmup),
                parts(), stockDir.toAbsolutePath(), virtuoso, xmx, serverHeap,
                seed, work.toAbsolutePath(), json == null ? work.toAbsolutePath().resolve("bench-results.json") : json,
                startRuns, project.toAbsolutePath().normalize(), jar == null ? project.toAbsolutePath().normalize().resolve("target/sanctions-kg.jar") : jar.toAbsolutePath(), benchClasspath(),
                Duration.ofSeconds(abuseTimeout), clients == null ? 64 : clients, abuseMeasured,
                warmup == null ? BenchSettings.defaultWarmup(abuseMeasured) : Duration.ofSeconds(warmup));
        Bench.run(settings, "sanctions-kg-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                spec.commandLine().getOut());
        return 0;
    }

    private EnumSet<Part> parts() {
        EnumSet<Part> parts = EnumSet.noneOf(Part.class);
        for (String name : only) {
            try {
                parts.add(Part.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UserException("unknown --only " + name + "; use load, start, sparql, stats, canned, abuse, switch or replicas");
            }
        }
        return parts.isEmpty() ? EnumSet.allOf(Part.class) : parts;
    }

    /**
     * The class path a child JVM needs to run this harness's own classes ({@link BareFuseki}): the bench jar when
     * running from it; from classes folders (the module's tests, an IDE) this JVM's class path, which holds the same
     * classes and libraries.
     */
    private static String benchClasspath() {
        try {
            Path source = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return java.nio.file.Files.isRegularFile(source) ? source.toString() : System.getProperty("java.class.path");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
