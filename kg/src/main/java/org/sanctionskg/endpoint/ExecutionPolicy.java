package org.sanctionskg.endpoint;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.sanctionskg.Config;

/** What every query execution on a dataset may do, server or CLI alike: its time limit and where SERVICE may go. */
public final class ExecutionPolicy {
    private ExecutionPolicy() {}

    /** Sets the query timeout, the SERVICE allowlist with the Wikidata mirror, and an HTTP client that follows no redirects. */
    public static void apply(Context context, Config config) {
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
