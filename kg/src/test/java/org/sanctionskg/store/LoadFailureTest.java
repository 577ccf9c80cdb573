package org.sanctionskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

/**
 * A full disk or an out-of-memory during {@code load} ends it with one line naming the cause, releases the load lock,
 * removes the partial build and keeps the live one (issue 9: the load hung holding the lock; the next failed with a
 * stack trace). Both are real: a small tmpfs that fills up, a child JVM with a small heap.
 */
class LoadFailureTest {

    @Test
    void aFullDiskEndsTheLoadWithOneLineReleasesTheLockAndKeepsTheLiveBuild(@TempDir Path root) throws Exception {
        Fixtures.copy("engine", root);
        Path store = Files.createDirectories(root.resolve("store"));
        mountTmpfs(store, "2m");
        try {
            Config config = Servers.config(root, store);
            Stores.load(config); // the live build: about 400 KiB of the 2 MiB
            String before = Files.readString(store.resolve("CURRENT"));
            writeManySanctions(config.dataDir().resolve("many.nt"), 10_000); // 40,000 triples: over 2 MiB in TDB2

            ChildRun load = ChildRun.run(root, List.of(), 300, Cli.withSources(root, "load"));

            assertEquals(1, load.exitCode(), load.toString());
            assertEquals(1, load.messages().size(), "one line, no stack trace: " + load);
            assertTrue(Pattern.matches("error: disk full while writing build \\S+ in " + Pattern.quote(store.toString())
                    + ": free space and load again", load.messages().get(0)), load.toString());
            assertLiveBuildKept(store, before);

            Files.delete(config.dataDir().resolve("many.nt"));
            Cli again = Cli.run(Cli.withSources(root, "load"));
            assertEquals(0, again.exitCode(), "the lock was released and the space freed: " + again.err());
        } finally {
            unmount(store);
        }
    }

    @Test
    void runningOutOfMemoryEndsTheLoadWithOneLineReleasesTheLockAndKeepsTheLiveBuild(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Path store = config.storeDir();
        String before = Files.readString(store.resolve("CURRENT"));
        writeManySanctions(config.dataDir().resolve("many.nt"), 45_000); // far more than a 32 MiB heap holds parsed

        ChildRun load = ChildRun.run(root, List.of("-Xmx32m", "-XX:+UseSerialGC"), 300, Cli.withSources(root, "load"));

        assertEquals(1, load.exitCode(), load.toString());
        assertEquals(1, load.messages().size(), "one line, no stack trace: " + load);
        assertTrue(Pattern.matches("error: out of memory while (loading into|writing build \\S+ in) " + Pattern.quote(store.toString())
                + " \\(heap limit \\d+ MiB\\): run java with a larger -Xmx and load again", load.messages().get(0)), load.toString());
        assertLiveBuildKept(store, before);

        Files.delete(config.dataDir().resolve("many.nt"));
        Cli again = Cli.run(Cli.withSources(root, "load"));
        assertEquals(0, again.exitCode(), "the lock was released: " + again.err());
    }

    private static void assertLiveBuildKept(Path store, String before) throws IOException {
        assertEquals(before, Files.readString(store.resolve("CURRENT")), "CURRENT untouched");
        try (Stream<Path> builds = Files.list(store.resolve("builds"))) {
            assertEquals(List.of(before.strip()), builds.map(p -> p.getFileName().toString()).toList(), "the partial build was removed");
        }
        BuildVerifier.Verdict live = BuildVerifier.verify(new StoreLayout(store).current().orElseThrow());
        assertTrue(live.intact(), live.summary());
    }

    /**
     * A real full disk: a tmpfs of {@code size} on {@code dir}. The tests run as root (as CI does on this project's
     * machines); without root the mount is refused and the test fails saying so, rather than skip.
     */
    private static void mountTmpfs(Path dir, String size) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError("this test fills a real file system: mounting a " + size + " tmpfs on " + dir + " needs root (" + said.strip() + ")");
    }

    /** Lazily: files this JVM mapped may still be open; the kernel frees the tmpfs when the last is closed. */
    private static void unmount(Path dir) throws Exception {
        new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
    }

    /** Valid sanctions (four triples each), as many as asked. */
    private static void writeManySanctions(Path file, int count) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
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
