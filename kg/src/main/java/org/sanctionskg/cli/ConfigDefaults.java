package org.sanctionskg.cli;

import java.util.Map;
import org.sanctionskg.Config;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options' defaults, read from {@link Config#defaults()}: the one place they are written. */
final class ConfigDefaults implements IDefaultValueProvider {
    private final Map<String, String> byOption;

    ConfigDefaults(Config d) {
        Config.Limits l = d.limits();
        byOption = Map.ofEntries(
                Map.entry("--max-query-bytes", Integer.toString(l.queryBytes())),
                Map.entry("--max-query-depth", Integer.toString(l.queryDepth())),
                Map.entry("--max-unions", Integer.toString(l.queryUnions())),
                Map.entry("--max-rows", Integer.toString(l.resultRows())),
                Map.entry("--max-service-calls", Integer.toString(l.serviceCalls())),
                Map.entry("--max-queries", Integer.toString(l.concurrentQueries())),
                Map.entry("--client-queries", Integer.toString(l.clientConcurrent())),
                Map.entry("--client-seconds", Integer.toString(l.clientSecondsPerMinute())),
                Map.entry("--trusted-proxy", l.trustedProxy()),
                Map.entry("--store", d.storeDir().toString()),
                Map.entry("--keep-releases", Integer.toString(d.keepReleases())),
                Map.entry("--ontology", d.ontologyDir().toString()),
                Map.entry("--data", d.dataDir().toString()),
                Map.entry("--queries", d.queriesDir().toString()),
                Map.entry("--port", Integer.toString(d.port())),
                Map.entry("--base", d.base()),
                Map.entry("--timeout", Long.toString(d.timeout().toSeconds())),
                Map.entry("--wikidata-endpoint", d.wikidataEndpoint().toString()));
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? byOption.get(o.longestName()) : null;
    }
}
