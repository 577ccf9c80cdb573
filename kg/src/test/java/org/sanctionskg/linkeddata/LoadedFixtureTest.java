package org.sanctionskg.linkeddata;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;

/** Test classes that serve the linked-data fixture: it is loaded once per class, build steps included. */
public abstract class LoadedFixtureTest {
    @TempDir static Path tmp;
    protected static Config config;

    @BeforeAll
    static void loadFixture() {
        config = LinkedFixture.load(tmp);
    }
}
