package org.sanctionskg.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.sanctionskg.Config;
import org.sanctionskg.store.StoreBuilder;

/** Loads stores for tests, the way {@code load} does. */
public final class Stores {
    private Stores() {}

    /** Copies the resource fixture {@code name} under {@code root}, loads it into {@code root/store}, returns the config. */
    public static Config loaded(String name, Path root) {
        Fixtures.copy(name, root);
        Config config = Servers.config(root, root.resolve("store"));
        load(config);
        return config;
    }

    public static void load(Config config) {
        new StoreBuilder(List.of(config.ontologyDir(), config.dataDir()), config.storeDir(), new PrintWriter(new StringWriter()), List.of()).load();
    }
}
