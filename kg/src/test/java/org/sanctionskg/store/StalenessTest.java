package org.sanctionskg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve reloads exactly when the sources differ from what the live build was loaded from. */
class StalenessTest {

    private static boolean stale(Config c) {
        return StoreBuilder.isStale(c.storeDir(), List.of(c.ontologyDir(), c.dataDir()));
    }

    @Test
    void aMissingStoreIsStale(@TempDir Path root) {
        assertTrue(StoreBuilder.isStale(root.resolve("none"), List.of(root)));
    }

    @Test
    void aFreshLoadIsNotStaleEvenWhenFileTimesMove(@TempDir Path root) throws Exception {
        Config c = Stores.loaded("engine", root);
        assertFalse(stale(c));
        Files.setLastModifiedTime(c.dataDir().resolve("facts.ttl"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertFalse(stale(c), "same content, newer time: nothing to reload");
    }

    @Test
    void anEditedNonRdfFileMakesItStale(@TempDir Path root) throws Exception {
        Config c = Stores.loaded("engine", root);
        Files.writeString(c.dataDir().resolve("notes.txt"), "changed");
        assertTrue(stale(c), "texts are published with the build too");
    }

    @Test
    void aDeletedSourceMakesItStale(@TempDir Path root) throws Exception {
        Config c = Stores.loaded("engine", root);
        Files.delete(c.dataDir().resolve("notes.txt"));
        assertTrue(stale(c));
    }
}
