package org.sanctionskg.cli;

import java.nio.file.Path;
import java.util.List;
import org.sanctionskg.Config;
import picocli.CommandLine.Option;

/** Options every command shares: where the sources and the store are. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "Store folder (default: ${DEFAULT-VALUE}).", defaultValue = "store")
    Path store;

    @Option(names = "--ontology", paramLabel = "DIR", description = "Ontology and shapes folder (default: ${DEFAULT-VALUE}).", defaultValue = "ontology")
    Path ontology;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).", defaultValue = "data")
    Path data;

    @Option(names = "--queries", paramLabel = "DIR", description = "Canned queries folder (default: ${DEFAULT-VALUE}).", defaultValue = "queries")
    Path queries;

    @Option(names = "--verbose", description = "Debug logging and stack traces.")
    boolean verbose;

    Config config() {
        return Config.defaults().withStore(store).withSources(ontology, data, queries);
    }

    List<Path> sourceFolders() {
        return List.of(ontology, data);
    }
}
