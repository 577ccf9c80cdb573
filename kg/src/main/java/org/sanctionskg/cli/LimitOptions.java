package org.sanctionskg.cli;

import org.sanctionskg.Config.Limits;
import picocli.CommandLine.Option;

/** What one request and one client may cost on the server (defaults: {@link Limits#defaults()}, via {@link ConfigDefaults}). */
final class LimitOptions {
    @Option(names = "--max-query-bytes", paramLabel = "N", description = "Longest query text (default: ${DEFAULT-VALUE}).")
    int queryBytes;

    @Option(names = "--max-query-depth", paramLabel = "N", description = "Deepest nesting of { ( [ in a query (default: ${DEFAULT-VALUE}).")
    int queryDepth;

    @Option(names = "--max-unions", paramLabel = "N", description = "Most UNIONs in a query (default: ${DEFAULT-VALUE}).")
    int queryUnions;

    @Option(names = "--max-rows", paramLabel = "N", description = "Most rows a SELECT answers; a header says when it was cut (default: ${DEFAULT-VALUE}).")
    int resultRows;

    @Option(names = "--max-service-calls", paramLabel = "N", description = "Most SERVICE requests one query may send (default: ${DEFAULT-VALUE}).")
    int serviceCalls;

    @Option(names = "--max-queries", paramLabel = "N", description = "Queries executed at once, all clients together (default: ${DEFAULT-VALUE}).")
    int concurrentQueries;

    @Option(names = "--client-queries", paramLabel = "N", description = "Queries one client may run at once (default: ${DEFAULT-VALUE}).")
    int clientConcurrent;

    @Option(names = "--client-seconds", paramLabel = "S", description = "Query seconds one client may use per minute (default: ${DEFAULT-VALUE}).")
    int clientSecondsPerMinute;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", description = "The proxy (e.g. nginx) whose X-Forwarded-For names the client (default: none).")
    String trustedProxy;

    Limits limits() {
        return new Limits(queryBytes, queryDepth, queryUnions, resultRows, serviceCalls, concurrentQueries, clientConcurrent,
                clientSecondsPerMinute, trustedProxy);
    }
}
