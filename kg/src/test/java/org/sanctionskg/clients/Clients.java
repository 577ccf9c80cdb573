package org.sanctionskg.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The third-party clients the conformance tests run, as {@code .ci/run} installs them: Node.js with the pinned
 * packages of {@code .ci/clients/} (their scripts live there too) and Debian's {@code python3-rdflib}. A missing
 * client fails the test, naming {@code .ci/run}: a conformance suite that skips proves nothing.
 */
final class Clients {
    static final Path DIR = Path.of(".ci", "clients").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 300;

    private Clients() {}

    /** Fails, naming {@code .ci/run}, unless Node.js and the pinned npm clients are installed. */
    static void requireNode() {
        if (!succeeds(List.of("node", "--version"))) fail("node is missing: run .ci/run (it installs Node.js and npm)");
        if (!Files.isDirectory(DIR.resolve("node_modules")))
            fail(DIR.resolve("node_modules") + " is missing: run .ci/run (it installs the pinned npm clients of .ci/clients with npm ci)");
    }

    /** Fails, naming {@code .ci/run}, unless Debian's Python 3 has rdflib. */
    static void requireRdflib() {
        if (!succeeds(List.of(PYTHON, "-c", "import rdflib"))) fail("Debian's python3-rdflib is missing: run .ci/run (it installs it)");
    }

    /** Runs {@code .ci/clients/<script>} with Node.js; its standard output. */
    static String node(String script, String... args) {
        requireNode();
        return run(command(List.of("node", DIR.resolve(script).toString()), args));
    }

    /** Runs {@code .ci/clients/<script>} with Debian's Python 3, which must have rdflib; its standard output. */
    static String python(String script, String... args) {
        requireRdflib();
        return run(command(List.of(PYTHON, DIR.resolve(script).toString()), args));
    }

    /** The quads of an N-Quads text a client printed, read by Jena. */
    static DatasetGraph nquads(String text) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.fromString(text, Lang.NQUADS).parse(dsg);
        return dsg;
    }

    /** Every triple of an N-Quads text a client printed, whatever its graph, as one graph. */
    static Graph triples(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        nquads(text).find().forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }

    private static List<String> command(List<String> head, String... args) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(args));
        return all;
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(DIR.toFile()).start();
        } catch (IOException e) {
            return fail(command.get(0) + " cannot be started (" + e.getMessage() + "): run .ci/run");
        }
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(String.join(" ", command.subList(0, 2)) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0)
                return fail(String.join(" ", command.subList(0, 2)) + " exited " + p.exitValue() + ":\n" + err.join());
            return out.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
