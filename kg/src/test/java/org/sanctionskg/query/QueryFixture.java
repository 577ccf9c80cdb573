package org.sanctionskg.query;

import java.nio.file.Path;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

/** The engine's mini ontology and data, loaded into a store, with the fixture queries beside them. */
final class QueryFixture {
    private QueryFixture() {}

    /** Copies the fixture under {@code root}, loads its store and returns the test configuration for it. */
    static Config load(Path root) {
        Fixtures.copy("engine", root);
        Fixtures.copy("queries-fixture", root.resolve("queries"));
        return loadStore(root, root.resolve("store"));
    }

    /** Loads {@code root/ontology} and {@code root/data} into {@code store}; the configuration serves {@code root/queries}. */
    static Config loadStore(Path root, Path store) {
        Config config = Servers.config(root, store);
        Stores.load(config);
        return config;
    }
}
