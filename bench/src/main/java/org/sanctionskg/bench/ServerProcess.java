package org.sanctionskg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sanctionskg.UserException;

/** A SPARQL server run as a measured child process: our {@code serve}, the stock Fuseki server, or a plain endpoint. */
final class ServerProcess implements AutoCloseable {
    static final String PROBE = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
    static final String RESULTS_JSON = "application/sparql-results+json";

    final String name;
    final URI endpoint;
    private final ChildProcess child;

    private ServerProcess(String name, URI endpoint, ChildProcess child) {
        this.name = name;
        this.endpoint = endpoint;
        this.child = child;
    }

    /** Our {@code serve} on {@code store}; the sources are given so that it finds the store up to date. */
    static ServerProcess ours(BenchSettings s, List<String> jvm, Path store, Path ontology, Path data, Path log) {
        return serve(s, jvm, store, ontology, data, log, List.of(
                // Every bench client comes from 127.0.0.1: per-client fair share would refuse them as one greedy client.
                "--client-queries", "1024", "--client-seconds", "86400", "--max-queries", "256",
                // The stock servers answer every row: so must ours, for the answers to be compared.
                "--max-rows", Integer.toString(Integer.MAX_VALUE)));
    }

    /**
     * Our {@code serve} as deployed behind a proxy: every limit at its default (per-client fair share, overall
     * queries at once, row cap), {@code X-Forwarded-For} trusted from 127.0.0.1 so that each bench client can name
     * itself, {@code timeout} as the query time limit, and {@code base} as the public namespace (so that the synthetic
     * entities' IRIs dereference under {@code /id/}).
     */
    static ServerProcess oursFairShare(BenchSettings s, List<String> jvm, Path store, Path ontology, Path data, Path log,
                                       Duration timeout, String base) {
        return serve(s, jvm, store, ontology, data, log, List.of("--trusted-proxy", "127.0.0.1",
                "--timeout", Long.toString(timeout.toSeconds()), "--base", base));
    }

    private static ServerProcess serve(BenchSettings s, List<String> jvm, Path store, Path ontology, Path data, Path log,
                                       List<String> options) {
        int port = freePort();
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("-jar", s.jar().toString(), "serve", "--loopback", "--port", Integer.toString(port),
                "--store", store.toString(), "--ontology", ontology.toString(), "--data", data.toString(),
                "--queries", s.project().resolve("queries").toString()));
        cmd.addAll(options);
        return new ServerProcess("ours", URI.create("http://127.0.0.1:" + port + "/sparql"), ChildProcess.start("serve", cmd, log));
    }

    /** The stock {@code jena-fuseki-server} jar on a TDB2 database, union default graph as ours serves it. */
    /** How long a server child process may take to give its first answer. */
    static final Duration STARTUP = Duration.ofMinutes(3);

    static ServerProcess stock(BenchSettings s, List<String> jvm, Path tdb2, Path log) {
        int port = freePort();
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("-jar", s.fusekiJar().toString(), "--localhost", "--port", Integer.toString(port),
                "--tdb2", "--loc=" + tdb2, "--set", "tdb:unionDefaultGraph=true", "/ds"));
        return new ServerProcess("stock", URI.create("http://127.0.0.1:" + port + "/ds/sparql"), ChildProcess.start("stock-fuseki", cmd, log));
    }

    /** {@link BareFuseki}: embedded Fuseki main with none of our hardening, on a TDB2 database. */
    static ServerProcess bare(BenchSettings s, List<String> jvm, Path tdb2, Path log) {
        int port = freePort();
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("-cp", s.benchClasspath(), BareFuseki.class.getName(), tdb2.toString(), Integer.toString(port)));
        return new ServerProcess("bare", URI.create("http://127.0.0.1:" + port + "/ds/sparql"), ChildProcess.start("bare-fuseki", cmd, log));
    }

    /** A server this bench does not run itself (Virtuoso, started by its script). */
    static ServerProcess external(String name, URI endpoint) {
        return new ServerProcess(name, endpoint, null);
    }

    /** Polls with a tiny query until it is answered with 200; the time counts from the spawn of the process. */
    Duration awaitFirstAnswer(HttpClient http, Duration limit) throws InterruptedException {
        HttpRequest probe = get(PROBE, "");
        while (child.sinceStart().compareTo(limit) < 0) {
            if (!child.isAlive()) throw new UserException(name + " server exited before answering: " + child.tail());
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return child.sinceStart();
            } catch (IOException notYet) {
                // connection refused while it starts
            }
            Thread.sleep(10);
        }
        throw new UserException(name + " server did not answer within " + limit.toSeconds() + " s: " + child.tail());
    }

    /** A SPARQL Protocol GET of {@code query}, results as SPARQL JSON; {@code extra} is appended to the query string. */
    HttpRequest get(String query, String extra) {
        URI uri = URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + extra);
        return HttpRequest.newBuilder(uri).header("Accept", RESULTS_JSON).timeout(Duration.ofSeconds(120)).GET().build();
    }

    /** CPU seconds the server process has used so far (NaN for a server this bench did not start). */
    double cpuSeconds() {
        return child == null ? Double.NaN : child.cpuSeconds();
    }

    long peakRssKb() {
        return child == null ? 0 : child.peakRssKb();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (child != null) child.close();
    }
}
