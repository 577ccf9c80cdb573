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

    /** Valid sanctions of the engine fixture's vocabulary (four triples each): enough of them make a load take a while. */
    public static void writeManySanctions(Path file, int count) throws java.io.IOException {
        try (Writer w = java.nio.file.Files.newBufferedWriter(file)) {
            for (int i = 1; i <= count; i++) {
                String s = "<https://example.org/id/m" + i + ">";
                w.write(s + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/mini#Sanction> .\n");
                w.write(s + " <https://example.org/mini#imposedBy> <https://example.org/id/alpha> .\n");
                w.write(s + " <https://example.org/mini#targets> <https://example.org/id/t" + (i % 997) + "> .\n");
                w.write(s + " <https://example.org/mini#date> \"2021-03-22\"^^<http://www.w3.org/2001/XMLSchema#date> .\n");
            }
        }
    }
}
