package org.sanctionskg.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedData;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreBuilder;

/** The one way the CLI builds a store, so {@code load} and {@code serve} publish the same thing. */
final class Loads {
    private Loads() {}

    static StoreBuilder builder(Config config, PrintWriter progress) {
        return new StoreBuilder(List.of(config.ontologyDir(), config.dataDir()), config.storeDir(), progress, LinkedData.buildSteps(config));
    }

    static Build load(Config config, PrintWriter progress) {
        return builder(config, progress).load();
    }
}
