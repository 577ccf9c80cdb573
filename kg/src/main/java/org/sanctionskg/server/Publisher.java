package org.sanctionskg.server;

import java.io.PrintWriter;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedData;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreBuilder;

/** The one way a store is built, by the CLI, the server and the tests alike, so that all publish the same thing. */
public final class Publisher {
    private Publisher() {}

    /** A builder of the store {@code config} names: its sources, then the linked-data build steps. */
    public static StoreBuilder builder(Config config, PrintWriter progress) {
        return new StoreBuilder(config.sourceFolders(), config.storeDir(), progress, LinkedData.buildSteps(config))
                .onTerminal(System.console() != null); // the CLI on a terminal: one rewritten progress line
    }

    /** Loads a new build and switches the store to it. */
    public static Build load(Config config, PrintWriter progress) {
        return builder(config, progress).load();
    }
}
