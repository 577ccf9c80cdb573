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

    /** Sorts and DISTINCTs hold this many rows in memory at most; the rest spills to temporary files. */
    static final long SPILL_ROWS = 100_000;

    /**
     * Sets the query timeout, the SERVICE allowlist with the Wikidata mirror and its per-query cap, an HTTP client
     * that follows no redirects, spilling of big sorts, and no constant folding of expressions: in Jena 5.6.0 it
     * re-walks every EXISTS for each level it is nested in ({@code ExprTransformConstantFold}), so 24 nested
     * FILTER NOT EXISTS plan for seconds and 40 for ever, holding the query's lock.
     */
    public static void apply(Context context, Config config) {
        context.set(ARQ.queryTimeout, Long.toString(config.timeout().toMillis()));
        context.set(ARQ.optExprConstantFolding, false);
        context.set(ARQ.spillToDiskThreshold, SPILL_ROWS);
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        registry.addSingleLink(new ServicePolicy(config.allowedServices(), Map.of(Config.WIKIDATA_SPARQL, config.wikidataEndpoint()),
                config.limits().serviceCalls()));
        ServiceExecutorRegistry.set(context, registry);
        Duration connect = config.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? config.timeout() : Duration.ofSeconds(10);
        context.set(ARQ.httpQueryClient, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connect)
                .build());
        context.set(ARQ.httpQueryTimeout, config.timeout().toMillis());
    }
}
