package org.sanctionskg.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.jena.fuseki.main.FusekiServer;
import org.sanctionskg.Config;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.server.KgServer;
import org.sanctionskg.server.LiveReleases;
import org.sanctionskg.server.Publisher;
import org.sanctionskg.store.StoreBuilder;
import org.sanctionskg.web.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: (re)build the store if its sources changed, then serve it until stopped, following every new load live. */
@Command(name = "serve", description = "Build the store if missing or stale, then serve SPARQL and linked data.")
final class ServeCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Mixin LimitOptions limits;
    @Mixin KeepOption keep;
    @Spec CommandSpec spec;

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--loopback", description = "Listen on 127.0.0.1 only.")
    boolean loopback;

    @Option(names = "--base", paramLabel = "IRI", description = "Public namespace mapped onto this server's paths (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Query time limit (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--allow-service", paramLabel = "URL", description = "Also allow SERVICE calls to this endpoint (repeatable).")
    List<URI> allowService = new ArrayList<>();

    @Option(names = "--wikidata-endpoint", paramLabel = "URL", description = "Send SERVICE <https://query.wikidata.org/sparql> here instead (a mirror, or a test stand-in).")
    URI wikidataEndpoint;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Config config = keep.apply(options.config()).with(b -> b.port(port).loopbackOnly(loopback).base(base)
                .timeout(Duration.ofSeconds(timeoutSeconds)).allowedServices(allowService).wikidataEndpoint(wikidataEndpoint)
                .limits(limits.limits()));
        Catalogue catalogue = Catalogue.load(config.queriesDir()).checkServices(config.allowedServices()); // a broken canned query stops serve before any load
        if (StoreBuilder.isStale(config.storeDir(), config.sourceFolders())) {
            out.println("Store missing or older than its sources: loading");
            Publisher.load(config, out);
        }
        try (LiveReleases releases = LiveReleases.of(config, spec.commandLine().getErr())) {
            FusekiServer server = KgServer.start(KgServer.drainOnStop(KgServer.build(config, releases, catalogue),
                    config.timeout().plusSeconds(5)), port); // a query in flight may take its whole time limit
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                stopped.countDown();
            }, "shutdown"));
            out.printf("Serving build %s at http://localhost:%d/ (SPARQL: http://localhost:%d%s); Ctrl-C stops%n",
                    releases.liveId(), server.getPort(), server.getPort(), Paths.SPARQL);
            out.flush();
            server.join();
            stopped.await();
        }
        return 0;
    }
}
