package org.sanctionskg.cli;

import java.nio.file.Path;
import org.sanctionskg.Config;
import picocli.CommandLine.Option;

/** Options every command shares: where the sources and the store are (defaults: {@link ConfigDefaults}). */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--ontology", paramLabel = "DIR", description = "Ontology and shapes folder (default: ${DEFAULT-VALUE}).")
    Path ontology;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--queries", paramLabel = "DIR", description = "Canned queries folder (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--verbose", description = "Debug logging and stack traces.")
    boolean verbose;

    Config config() {
        return Config.defaults().with(b -> b.storeDir(store).ontologyDir(ontology).dataDir(data).queriesDir(queries));
    }
}
