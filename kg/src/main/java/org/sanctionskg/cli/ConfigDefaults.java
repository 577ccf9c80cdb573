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
        byOption = Map.of(
                "--store", d.storeDir().toString(),
                "--ontology", d.ontologyDir().toString(),
                "--data", d.dataDir().toString(),
                "--queries", d.queriesDir().toString(),
                "--port", Integer.toString(d.port()),
                "--base", d.base(),
                "--timeout", Long.toString(d.timeout().toSeconds()),
                "--wikidata-endpoint", d.wikidataEndpoint().toString());
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? byOption.get(o.longestName()) : null;
    }
}
