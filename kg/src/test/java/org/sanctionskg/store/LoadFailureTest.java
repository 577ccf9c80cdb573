package org.sanctionskg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk or an out-of-memory during {@code load} ends it with one line naming the cause, releases the load lock,
 * removes the partial build and keeps the live one (issue 9: the load hung holding the lock; the next failed with a
 * stack trace). All are real: a small tmpfs that fills up (or, where mounting is not permitted, a file size limit),
 * a child JVM with a small heap.
 */
class LoadFailureTest {
    /** Over a file the live build has (about 400 KiB in all), under what the 40,000-triple build needs. */
    private static final long FILE_SIZE_LIMIT_KIB = 1024;

    /**
     * A write that fails for real, whichever this machine can produce. Where {@code mount -t tmpfs} is permitted (root
     * with CAP_SYS_ADMIN): the store is a 2 MiB tmpfs the load fills, a full disk (ENOSPC). Where it is refused (a
     * container without CAP_SYS_ADMIN, or not root): the load runs in a child JVM under a file size limit
     * ({@code ulimit -f}, no privileges needed), so a write past it fails with EFBIG, "File too large". Either way the
     * same guarantees, and never a skip. {@code -Dsanctions.test.noMount=true} makes the mount fail (it runs a mount
     * command that does not exist), to try the file size limit on a machine that could mount.
     */
    @Test
    void aFullDiskOrAFileTooLargeEndsTheLoadWithOneLineReleasesTheLockAndKeepsTheLiveBuild(@TempDir Path root) throws Exception {
        Fixtures.copy("engine", root);
        Path store = Files.createDirectories(root.resolve("store"));
        Optional<String> refused = mountTmpfs(store, "2m");
        String path = refused.isEmpty() ? "[full disk: a 2 MiB tmpfs] "
                : "[file too large: ulimit -f " + FILE_SIZE_LIMIT_KIB + " KiB, as mounting a tmpfs was refused: " + refused.get() + "] ";
        try {
            Config config = Servers.config(root, store);
            Stores.load(config); // the live build: about 400 KiB, in this JVM (no limit)
            String before = Files.readString(store.resolve("CURRENT"));
            Stores.writeManySanctions(config.dataDir().resolve("many.nt"), 10_000); // 40,000 triples: over 2 MiB in TDB2

            String[] args = Cli.withSources(root, "load");
            ChildRun load = refused.isEmpty() ? ChildRun.run(root, List.of(), 300, args)
                    : ChildRun.runWithFileSizeLimit(root, FILE_SIZE_LIMIT_KIB, List.of("-XX:-UsePerfData"), 300, args);

            assertEquals(1, load.exitCode(), path + load);
            assertEquals(1, load.messages().size(), path + "one line, no stack trace: " + load);
            String where = "build \\S+ in " + Pattern.quote(store.toString());
            String expected = refused.isEmpty() ? "error: disk full while writing " + where + ": free space and load again"
                    : "error: could not write " + where + " \\(.*File too large.*\\): load again";
            assertTrue(Pattern.matches(expected, load.messages().get(0)), path + "expected " + expected + ", got " + load);
            assertLiveBuildKept(store, before, path);

            Files.delete(config.dataDir().resolve("many.nt"));
            Cli again = Cli.run(args);
            assertEquals(0, again.exitCode(), path + "the lock was released and the space freed: " + again.err());
        } finally {
            if (refused.isEmpty()) unmount(store);
        }
    }

    @Test
    void runningOutOfMemoryEndsTheLoadWithOneLineReleasesTheLockAndKeepsTheLiveBuild(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Path store = config.storeDir();
        String before = Files.readString(store.resolve("CURRENT"));
        Stores.writeManySanctions(config.dataDir().resolve("many.nt"), 45_000); // far more than a 32 MiB heap holds parsed

        ChildRun load = ChildRun.run(root, List.of("-Xmx32m", "-XX:+UseSerialGC"), 300, Cli.withSources(root, "load"));

        assertEquals(1, load.exitCode(), load.toString());
        assertEquals(1, load.messages().size(), "one line, no stack trace: " + load);
        assertTrue(Pattern.matches("error: out of memory while (loading into|writing build \\S+ in) " + Pattern.quote(store.toString())
                + " \\(heap limit \\d+ MiB\\): run java with a larger -Xmx and load again", load.messages().get(0)), load.toString());
        assertLiveBuildKept(store, before, "[out of memory: -Xmx32m] ");

        Files.delete(config.dataDir().resolve("many.nt"));
        Cli again = Cli.run(Cli.withSources(root, "load"));
        assertEquals(0, again.exitCode(), "the lock was released: " + again.err());
    }

    private static void assertLiveBuildKept(Path store, String before, String path) throws IOException {
        assertEquals(before, Files.readString(store.resolve("CURRENT")), path + "CURRENT untouched");
        try (Stream<Path> builds = Files.list(store.resolve("builds"))) {
            assertEquals(List.of(before.strip()), builds.map(p -> p.getFileName().toString()).toList(), path + "the partial build was removed");
        }
        BuildVerifier.Verdict live = BuildVerifier.verify(new StoreLayout(store).current().orElseThrow());
        assertTrue(live.intact(), path + live.summary());
    }

    /**
     * A real full disk: a tmpfs of {@code size} on {@code dir}, if this machine permits the mount; otherwise why not.
     * {@code -Dsanctions.test.noMount=true} runs a mount command that does not exist, so the mount always fails.
     */
    private static Optional<String> mountTmpfs(Path dir, String size) throws InterruptedException {
        String mount = Boolean.getBoolean("sanctions.test.noMount") ? "/nonexistent/sanctions-test-no-mount" : "mount";
        try {
            Process p = new ProcessBuilder(mount, "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = p.waitFor();
            return code == 0 ? Optional.empty() : Optional.of("mount exited " + code + (said.isEmpty() ? "" : ": " + said));
        } catch (IOException e) {
            return Optional.of("could not run " + mount + ": " + e.getMessage());
        }
    }

    /** Lazily: files this JVM mapped may still be open; the kernel frees the tmpfs when the last is closed. */
    private static void unmount(Path dir) throws Exception {
        new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
    }
}
