package org.sanctionskg.query;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.sanctionskg.Config;
import org.sanctionskg.store.StoreBuilder;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;

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
        new StoreBuilder(List.of(root.resolve("ontology"), root.resolve("data")), store,
                new PrintWriter(new StringWriter()), List.of()).load();
        return Servers.config(root, store);
    }
}
