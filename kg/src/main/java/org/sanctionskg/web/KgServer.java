package org.sanctionskg.web;

import java.net.BindException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;

/** The embedded Fuseki server: a read-only SPARQL endpoint at {@code /sparql} plus the site's features. */
public final class KgServer {
    /** Where the SPARQL 1.1 Protocol endpoint lives. */
    public static final String SPARQL_PATH = "/sparql";

    private KgServer() {}

    /** Builds (but does not start) the server for {@code dataset} as {@code config} says. */
    public static FusekiServer build(Config config, DatasetGraph dataset, List<WebFeature> features) {
        harden(dataset.getContext(), config);
        DataService queryOnly = DataService.newBuilder(dataset).addEndpoint(Operation.Query, "").build();
        FusekiServer.Builder builder = FusekiServer.create()
                .port(config.port())
                .loopback(config.loopbackOnly())
                .addFilter("/*", new RequestLog())
                .addFilter("/*", new CorsFilter())
                .addFilter(SPARQL_PATH, new ServiceDescription(dataset))
                .addFilter(SPARQL_PATH, new TimeoutGuard(config.timeout(), config.heldResultBytes()))
                .add(SPARQL_PATH, queryOnly);
        features.forEach(f -> f.install(builder));
        return builder.build();
    }

    /** Starts the server, turning a busy port into a one-line user error. */
    public static FusekiServer start(FusekiServer server, int port) {
        try {
            return server.start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof BindException) throw new UserException("port " + port + " is already in use");
            throw e;
        }
    }

    /** Applies to every execution on this context (server or CLI): query timeout, SERVICE allowlist with Wikidata mirror, and an HTTP client that follows no redirects. */
    public static void harden(Context context, Config config) {
        context.set(ARQ.queryTimeout, Long.toString(config.timeout().toMillis()));
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        registry.addSingleLink(new ServicePolicy(config.allowedServices(), Map.of(Config.WIKIDATA_SPARQL, config.wikidataEndpoint())));
        ServiceExecutorRegistry.set(context, registry);
        Duration connect = config.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? config.timeout() : Duration.ofSeconds(10);
        context.set(ARQ.httpQueryClient, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connect)
                .build());
        context.set(ARQ.httpQueryTimeout, config.timeout().toMillis());
    }
}
