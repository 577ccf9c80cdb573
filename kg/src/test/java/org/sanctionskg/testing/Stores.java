package org.sanctionskg.testing;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import org.sanctionskg.Config;
import org.sanctionskg.server.Publisher;

/** Loads stores for tests, the way {@code load} does (the same {@link Publisher}). */
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
        Publisher.load(config, new PrintWriter(Writer.nullWriter()));
    }
}
