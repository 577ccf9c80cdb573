package org.sanctionskg.store;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.testing.ChildJvm;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every build carries a checksum of each of its files; a damaged build is refused, naming the file, and never served. */
class BuildIntegrityTest {
    private static final String OSPG = "tdb2/Data-0001/OSPG.dat";
    private static final String GSPO = "tdb2/Data-0001/GSPO.dat";
    private static final String SECOND = "ASK { <https://example.org/id/alpha> <http://www.w3.org/2000/01/rdf-schema#comment> \"second load\" }";

    private static Build live(Config c) {
        return new StoreLayout(c.storeDir()).current().orElseThrow();
    }

    @Test
    void aBuildRecordsTheSizeAndChecksumOfEachOfItsFilesInSha256sumFormat(@TempDir Path root) throws Exception {
        Build build = live(Stores.loaded("engine", root));
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(build.dir())) {
            walk.filter(Files::isRegularFile).forEach(p -> onDisk.add(build.dir().relativize(p).toString().replace('\\', '/')));
        }
        List<Checksums.Entry> entries = Checksums.read(build).orElseThrow();
        Set<String> listed = new TreeSet<>();
        for (Checksums.Entry e : entries) {
            listed.add(e.path());
            Path file = build.dir().resolve(e.path());
            assertEquals(Files.size(file), e.size(), e.path());
            assertEquals(Checksums.sha256(file), e.sha256(), e.path());
        }
        Set<String> unlisted = new TreeSet<>(onDisk);
        unlisted.removeAll(listed);
        assertEquals(Set.of("checksums.sha256", "tdb2/tdb.lock", "tdb2/Data-0001/tdb.lock"), unlisted,
                "only the list itself and TDB2's lock files are left out");
        assertTrue(listed.containsAll(Set.of(OSPG, "tdb2/Data-0001/nodes-data.obj", "tdb2/Data-0001/journal.jrnl", "manifest.properties")), listed.toString());
        assertEquals(Checksums.FILE, build.manifest().getProperty(Build.CHECKSUMS), "the manifest says the build has a list");
        Process check = new ProcessBuilder("sha256sum", "-c", "--strict", "--quiet", Checksums.FILE).directory(build.dir().toFile())
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), "sha256sum -c accepts the list: " + said);
    }

    @Test
    void openingQueryingAndServingABuildChangesNoneOfTheFilesItLists(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        try (Store store = Store.open(config.storeDir())) {
            Txn.executeRead(store.dataset(), () -> assertTrue(QueryExec.dataset(store.dataset()).query("ASK { ?s ?p ?o }").ask()));
        }
        Servers.withServer(config, base -> assertTrue(Http.query(base, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv").body().contains("n")));
        assertEquals(0, Cli.run("stats", "--store", config.storeDir().toString()).exitCode());
        BuildVerifier.Verdict verdict = BuildVerifier.verify(live(config));
        assertTrue(verdict.intact(), verdict.summary());
    }

    @Test
    void aFlippedByteInATdb2DataFileIsRefusedByVerifyAndByOpenNamingTheFile(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build build = live(config);
        flipByte(build.dir().resolve(OSPG), 100);
        String damaged = "build " + build.id() + " is damaged: " + OSPG + " does not match its checksum";

        UserException refused = assertThrows(UserException.class, () -> Store.open(config.storeDir()));
        assertEquals(damaged + "; run 'load' again", refused.getMessage());

        Cli verify = Cli.run("verify", "--store", config.storeDir().toString());
        assertEquals(1, verify.exitCode(), verify.out() + verify.err());
        assertEquals(build.id() + " (live): damaged: " + OSPG + " does not match its checksum", verify.out().strip());

        Cli query = Cli.run("query", "--store", config.storeDir().toString(), "--sparql", "ASK { ?s ?p ?o }");
        assertEquals(1, query.exitCode());
        assertEquals("error: " + damaged + "; run 'load' again", query.err().strip(), "one line, no stack trace");
    }

    @Test
    void zeroedQuadIndexesAreRefusedThoughTheirSizesAreRight(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build build = live(config);
        for (String index : StoreIndexes.QUADS) zero(build.dir().resolve("tdb2/Data-0001/" + index + ".dat"));
        Cli verify = Cli.run("verify", "--store", config.storeDir().toString());
        assertEquals(1, verify.exitCode());
        assertEquals(build.id() + " (live): damaged: " + GSPO + " does not match its checksum", verify.out().strip(),
                "the first damaged file in list order");
        Cli serve = Cli.run(Cli.withSources(root, "serve", "--loopback", "--port", "0"));
        assertEquals(1, serve.exitCode(), "no previous build: nothing to serve");
        assertEquals("error: build " + build.id() + " is damaged: " + GSPO + " does not match its checksum; no previous build is intact; run 'load' again",
                serve.err().strip());
    }

    @Test
    void aTruncatedOrMissingFileIsNamedBySizeBeforeAnyFileIsHashed(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build build = live(config);
        try (RandomAccessFile f = new RandomAccessFile(build.dir().resolve("tdb2/Data-0001/SPO.dat").toFile(), "rw")) {
            f.setLength(4096);
        }
        flipByte(build.dir().resolve(OSPG), 0); // listed earlier, but every size is checked before any hash
        assertEquals("damaged: tdb2/Data-0001/SPO.dat has 4096 bytes, not 8388608", BuildVerifier.verify(build).summary());
        try (RandomAccessFile f = new RandomAccessFile(build.dir().resolve("tdb2/Data-0001/SPO.dat").toFile(), "rw")) {
            f.setLength(8388608);
        }
        Files.delete(build.dir().resolve("tdb2/Data-0001/nodes-data.obj"));
        assertEquals("damaged: tdb2/Data-0001/nodes-data.obj is missing", BuildVerifier.verify(build).summary());
    }

    @Test
    void aFileAddedToABuildIsNamed(@TempDir Path root) throws Exception {
        Build build = live(Stores.loaded("engine", root));
        Files.createDirectories(build.dir().resolve("tdb2/Data-0002"));
        Files.writeString(build.dir().resolve("tdb2/Data-0002/GSPO.dat"), "x");
        assertEquals("damaged: tdb2/Data-0002/GSPO.dat is not part of the build", BuildVerifier.verify(build).summary());
    }

    @Test
    void aBuildLoadedBeforeChecksumsOpensWithAOneLineWarning(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build build = live(config);
        Files.delete(build.dir().resolve(Checksums.FILE));
        Properties manifest = build.manifest();
        manifest.remove(Build.CHECKSUMS);
        build.writeManifest(manifest);

        StringWriter notices = new StringWriter();
        try (Store store = Store.openServing(config.storeDir(), new PrintWriter(notices))) {
            assertEquals(build.id(), store.build().id());
        }
        assertEquals("warning: build " + build.id() + " is not verified: it has no checksums (loaded before builds recorded them; load again to add them)",
                notices.toString().strip());
        try (Store store = Store.open(config.storeDir())) {
            assertEquals(build.id(), store.build().id());
        }
        Cli verify = Cli.run("verify", "--store", config.storeDir().toString());
        assertEquals(0, verify.exitCode(), "nothing to check is not damage");
        assertTrue(verify.out().strip().startsWith(build.id() + " (live): not verified: it has no checksums"), verify.out());
    }

    @Test
    void aBuildWhoseChecksumListWasDeletedIsDamaged(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build build = live(config);
        Files.delete(build.dir().resolve(Checksums.FILE));
        assertEquals("damaged: checksums.sha256 is missing", BuildVerifier.verify(build).summary(), "its manifest says it had one");
        assertThrows(UserException.class, () -> Store.open(config.storeDir()));
    }

    @Test
    void openingForServeFallsBackToTheNewestIntactPreviousBuildSayingSo(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build previous = live(config);
        secondLoad(config);
        Build current = live(config);
        flipByte(current.dir().resolve(OSPG), 100);

        StringWriter notices = new StringWriter();
        try (Store store = Store.openServing(config.storeDir(), new PrintWriter(notices))) {
            assertEquals(previous.id(), store.build().id());
            Txn.executeRead(store.dataset(), () -> assertFalse(QueryExec.dataset(store.dataset()).query(SECOND).ask(), "the previous build's data"));
        }
        assertEquals("warning: build " + current.id() + " is damaged: " + OSPG + " does not match its checksum; serving previous build "
                + previous.id() + " instead", notices.toString().strip());
        assertEquals(current.id() + "\n", Files.readString(config.storeDir().resolve("CURRENT")), "the pointer is left as it was");
    }

    @Test
    void serveServesThePreviousIntactBuildWhenTheLiveOneIsDamaged(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build previous = live(config);
        secondLoad(config);
        Build current = live(config);
        zero(current.dir().resolve("tdb2/Data-0001/GSPO.dat"));
        try (ChildJvm server = new ChildJvm(root, Cli.withSources(root, "serve", "--loopback", "--port", "0"))) {
            String warning = server.awaitLine("serving previous build", 60);
            assertEquals("warning: build " + current.id() + " is damaged: tdb2/Data-0001/GSPO.dat does not match its checksum; serving previous build "
                    + previous.id() + " instead", warning);
            String serving = server.awaitLine("Serving build " + previous.id(), 60);
            Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(serving);
            assertTrue(port.find(), serving);
            URI base = URI.create("http://127.0.0.1:" + port.group(1) + "/");
            assertTrue(Http.query(base, "ASK { <https://example.org/id/alpha> a <https://example.org/mini#State> }", "application/sparql-results+json")
                    .body().contains("true"), "answers from the previous build");
            assertTrue(Http.query(base, SECOND, "application/sparql-results+json").body().contains("false"), "not from the damaged one");
        }
    }

    @Test
    void verifyAllChecksEveryKeptBuildAndFailsOnAnyDamagedOne(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build previous = live(config);
        secondLoad(config);
        Build current = live(config);
        flipByte(previous.dir().resolve("tdb2/Data-0001/nodes-data.obj"), 10);

        Cli liveOnly = Cli.run("verify", "--store", config.storeDir().toString());
        assertEquals(0, liveOnly.exitCode(), liveOnly.err());
        assertEquals(current.id() + " (live): ok", liveOnly.out().strip());

        Cli all = Cli.run("verify", "--store", config.storeDir().toString(), "--all");
        assertEquals(1, all.exitCode());
        assertEquals(List.of(current.id() + " (live): ok", previous.id() + ": damaged: tdb2/Data-0001/nodes-data.obj does not match its checksum"),
                all.out().strip().lines().toList());
    }

    @Test
    void verifyWithoutAStoreSaysToLoadFirst(@TempDir Path root) {
        Cli run = Cli.run("verify", "--store", root.resolve("none").toString());
        assertEquals(1, run.exitCode());
        assertEquals("error: no store at " + root.resolve("none") + ": run 'load' first", run.err().strip());
    }

    /** A second build whose data differs from the first's by one triple. */
    private static void secondLoad(Config config) throws Exception {
        Files.writeString(config.dataDir().resolve("extra.ttl"),
                "<https://example.org/id/alpha> <http://www.w3.org/2000/01/rdf-schema#comment> \"second load\" .\n");
        Stores.load(config);
    }

    private static void flipByte(Path file, long offset) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0xFF);
        }
    }

    /** Every byte zero, the size unchanged: what issue 9 saw of the quad indexes. */
    private static void zero(Path file) throws Exception {
        long size = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
            f.setLength(size);
        }
    }
}
