package org.sanctionskg.release;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code load --keep-releases N} keeps N releases; a value below 1 is a one-line user error. */
class KeepReleasesOptionTest {
    @Test
    void loadKeepsAsManyReleasesAsAskedAndRefusesZero(@TempDir Path root) {
        Fixtures.copy("engine", root);
        Cli zero = Cli.run(Cli.withSources(root, "load", "--keep-releases", "0"));
        assertEquals(1, zero.exitCode(), zero.err());
        assertTrue(zero.err().strip().lines().count() == 1 && zero.err().contains("keep-releases=0"), zero.err());
        assertFalse(new StoreLayout(root.resolve("store")).current().isPresent(), "nothing loaded");
        for (int i = 0; i < 3; i++) {
            Cli load = Cli.run(Cli.withSources(root, "load", "--keep-releases", "2"));
            assertEquals(0, load.exitCode(), load.err());
        }
        StoreLayout layout = new StoreLayout(root.resolve("store"));
        assertEquals(2, layout.releases().size());
        assertEquals(2, layout.all().size(), "the third build folder is deleted");
        assertTrue(layout.releases().stream().allMatch(b -> b.queryable()), "the live and the previous keep their TDB2");
    }
}
