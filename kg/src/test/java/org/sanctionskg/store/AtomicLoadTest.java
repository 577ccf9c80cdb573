package org.sanctionskg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.ChildJvm;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A load either publishes a whole validated store or changes nothing that is served. */
class AtomicLoadTest {
    private static final String ALPHA = "ASK { <https://example.org/id/alpha> a <https://example.org/mini#State> }";

    @Test
    void shaclViolationBlocksTheLoadAndThePreviousStoreStillAnswers(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        String before = Files.readString(config.storeDir().resolve("CURRENT"));
        Servers.withServer(config, base -> {
            Files.writeString(config.dataDir().resolve("bad.ttl"), """
                    @prefix ex: <https://example.org/mini#> .
                    <https://example.org/id/s9> a ex:Sanction ; ex:date "2021-03-22"^^<http://www.w3.org/2001/XMLSchema#date> .
                    """);
            Cli load = Cli.run(Cli.withSources(root, "load"));
            assertEquals(2, load.exitCode(), load.err());
            assertTrue(load.err().contains("focus   <https://example.org/id/s9>") || load.err().contains("focus   id:s9"), "names the focus node: " + load.err());
            assertTrue(load.err().contains("shape   ex:MeasureShape"), "names the shape: " + load.err());
            assertTrue(load.err().contains("imposedBy"), "names the path: " + load.err());
            assertTrue(load.err().contains("Every measure has an imposer"), "gives the message: " + load.err());
            assertFalse(load.err().contains("\tat "), "no stack trace");
            assertTrue(Http.query(base, ALPHA, "application/sparql-results+json").body().contains("true"), "still serving");
        });
        assertEquals(before, Files.readString(config.storeDir().resolve("CURRENT")), "nothing was published");
        try (var builds = Files.list(config.storeDir().resolve("builds"))) {
            assertEquals(1, builds.count(), "the refused build left nothing behind");
        }
    }

    @Test
    void aLoadKilledMidwayLeavesThePreviousStoreIntactAndServing(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        String before = Files.readString(config.storeDir().resolve("CURRENT"));
        Stores.writeManySanctions(config.dataDir().resolve("many.nt"), 120_000);
        try (ChildJvm load = new ChildJvm(root, Cli.withSources(root, "load"))) {
            load.awaitLine("load: stream", 120); // the sources are streaming into the new build
            load.kill();
        }
        assertEquals(before, Files.readString(config.storeDir().resolve("CURRENT")), "the switch never happened");
        Servers.withServer(config, base -> {
            assertTrue(Http.query(base, ALPHA, "application/sparql-results+json").body().contains("true"));
            assertTrue(Http.query(base, "ASK { <https://example.org/id/m1> ?p ?o }", "application/sparql-results+json").body().contains("false"),
                    "no half-loaded data is served");
        });
        Cli again = Cli.run(Cli.withSources(root, "load"));
        assertEquals(0, again.exitCode(), again.err());
        try (var builds = Files.list(config.storeDir().resolve("builds"))) {
            assertEquals(2, builds.count(), "the killed build was cleaned up; the live and previous builds remain");
        }
    }
}
