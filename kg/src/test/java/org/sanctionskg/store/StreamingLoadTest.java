package org.sanctionskg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.params.StoreParamsCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load streams the sources into the new build, then entails, validates and switches over the built store (issue 10). */
class StreamingLoadTest {
    private static final String EX = "https://example.org/mini#";
    private static final String ID = "https://example.org/id/";

    @Test
    void aViolationFoundOnlyInTheBuiltStorePublishesNothingAndRemovesTheBuild(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        String before = Files.readString(config.storeDir().resolve("CURRENT"));
        // Neither file breaks a shape alone: s9 is a measure only by the domain of imposedBy, and has no date.
        Files.writeString(config.dataDir().resolve("a.ttl"), "<" + ID + "s9> <" + EX + "imposedBy> <" + ID + "alpha> .\n");
        Files.writeString(config.dataDir().resolve("b.ttl"), "<" + ID + "s9> <" + EX + "targets> <" + ID + "t1> .\n");

        Cli load = Cli.run(Cli.withSources(root, "load"));

        assertEquals(2, load.exitCode(), load.err());
        assertTrue(load.err().contains("Every measure has an xsd:date"), load.err());
        assertTrue(load.out().indexOf("load: index") < load.out().indexOf("load: validate"), "validated after the build was written: " + load.out());
        assertEquals(before, Files.readString(config.storeDir().resolve("CURRENT")), "nothing was published");
        assertEquals(List.of(before.strip()), builds(config), "the written build was removed");
    }

    @Test
    void aTransitivePropertyIsClosedOverTheBuiltStoreAcrossFiles(@TempDir Path root) throws Exception {
        Fixtures.copy("engine", root);
        Config config = Servers.config(root, root.resolve("store"));
        Files.writeString(config.dataDir().resolve("parts-1.ttl"), part("a", "b") + part("c", "d"));
        Files.writeString(config.dataDir().resolve("parts-2.ttl"), part("b", "c"));

        Stores.load(config);

        try (Store store = Store.open(config.storeDir())) {
            var dsg = store.dataset();
            Txn.executeRead(dsg, () -> {
                assertTrue(dsg.contains(entailed("a", "d")), "a partOf d: two steps, across both files");
                assertTrue(dsg.contains(entailed("b", "d")));
                assertTrue(dsg.contains(entailed("a", "c")));
                assertFalse(dsg.contains(entailed("a", "b")), "an asserted pair is not repeated as an entailment");
                assertFalse(dsg.contains(entailed("d", "a")), "transitive, not symmetric");
            });
        }
    }

    @Test
    void aBuildHasFourQuadIndexesThatJenaReadsFromTheDatabaseItself(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Build live = new StoreLayout(config.storeDir()).current().orElseThrow();

        StoreParams recorded = StoreParamsCodec.read(Location.create(live.database().resolve("Data-0001")));
        assertArrayEquals(StoreIndexes.QUADS, recorded.getQuadIndexes(), "tdb.cfg names the indexes for any Jena tool");
        assertFalse(Files.exists(live.database().resolve("tdb.cfg")), "none in the database folder: stock Fuseki reads that one as TDB1's");
        try (Store store = Store.open(config.storeDir())) {
            var dsg = store.dataset();
            String p = "<" + EX + "imposedBy>";
            long anyGraph = count(dsg, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s " + p + " ?o } }");
            List<Node> graphs = Txn.calculateRead(dsg, () -> Iter.toList(dsg.listGraphNodes()));
            long graphByGraph = 0; // a pattern binding the graph and the predicate: no GPOS index, so GSPO is scanned
            for (Node g : graphs) graphByGraph += count(dsg, "SELECT (COUNT(*) AS ?n) { GRAPH <" + g.getURI() + "> { ?s " + p + " ?o } }");
            assertTrue(anyGraph > 0, "the fixture has measures");
            assertEquals(anyGraph, graphByGraph);
        }
    }

    private static long count(DatasetGraph dsg, String select) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(select).build()) {
                return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
            }
        });
    }

    @Test
    void twoLoadsOfTheSameSourcesWriteIdenticalDumps(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Files.writeString(config.dataDir().resolve("blank.ttl"), "<" + ID + "alpha> <" + EX + "partnerOf> [ <" + EX + "partOf> _:x ] .\n"
                + "_:x <http://www.w3.org/2000/01/rdf-schema#label> \"a blank node\" .\n");
        Stores.load(config);
        Build first = new StoreLayout(config.storeDir()).current().orElseThrow();
        Stores.load(config);
        Build second = new StoreLayout(config.storeDir()).current().orElseThrow();
        assertFalse(first.id().equals(second.id()), "two builds");

        List<Path> dumps;
        try (Stream<Path> files = Files.list(first.downloads())) {
            dumps = files.filter(f -> f.getFileName().toString().startsWith("sanctions-kg.")).sorted().toList();
        }
        assertTrue(dumps.size() >= 3, "the three dumps and their checksums: " + dumps);
        for (Path dump : dumps)
            assertArrayEquals(Files.readAllBytes(dump), Files.readAllBytes(second.downloads().resolve(dump.getFileName())), dump.getFileName().toString());
    }

    @Test
    void anIntegerBeyond64BitsIsRefusedNamingTheFileAndTheTriple(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        String before = Files.readString(config.storeDir().resolve("CURRENT"));
        Path big = config.dataDir().resolve("big.ttl");
        Files.writeString(big, "<" + ID + "alpha> <" + EX + "population> 123456789012345678901234567890 .\n"
                + "<" + ID + "alpha> <" + EX + "area> 9223372036854775807 .\n"); // the largest long is kept

        for (String command : List.of("load", "validate")) {
            Cli run = Cli.run(Cli.withSources(root, command));
            assertEquals(1, run.exitCode(), command + ": " + run.err());
            List<String> lines = run.err().lines().toList();
            assertEquals(1, lines.size(), command + ": one line: " + run.err());
            assertTrue(lines.get(0).contains(big.toString()), "names the file: " + lines.get(0));
            assertTrue(lines.get(0).contains("123456789012345678901234567890") && lines.get(0).contains("beyond 64 bits"), lines.get(0));
            assertTrue(lines.get(0).contains("<" + EX + "population>"), "names the triple: " + lines.get(0));
        }
        assertEquals(before, Files.readString(config.storeDir().resolve("CURRENT")));
        assertEquals(List.of(before.strip()), builds(config));

        Files.writeString(big, "<" + ID + "alpha> <" + EX + "area> 9223372036854775807 , -9223372036854775808 .\n");
        Cli load = Cli.run(Cli.withSources(root, "load"));
        assertEquals(0, load.exitCode(), "64-bit integers load: " + load.err());
    }

    @Test
    void aSourceOf200kTriplesLoadsInAHeapTheInMemoryLoadFailedIn(@TempDir Path root) throws Exception {
        Config config = Stores.loaded("engine", root);
        Stores.writeManySanctions(config.dataDir().resolve("many.nt"), 50_000); // 200,000 triples

        ChildRun load = ChildRun.run(root, List.of("-Xmx" + SMALL_HEAP_MIB + "m", "-XX:+UseSerialGC"), 900, Cli.withSources(root, "load"));

        assertEquals(0, load.exitCode(), load.toString());
        assertTrue(String.join("\n", load.lines()).matches("(?s).*Loaded 20[0-9],[0-9]{3} triples .*"), load.toString());
    }

    /**
     * A heap the load that held the parsed sources and their entailments in memory could not load this input in (it
     * thrashed, then failed, at 96 MiB): what is left of a streaming load's heap is bounded by TDB2's own caches.
     */
    static final int SMALL_HEAP_MIB = 96;

    private static String part(String a, String b) {
        return "<" + ID + a + "> <" + EX + "partOf> <" + ID + b + "> .\n";
    }

    private static Quad entailed(String a, String b) {
        return Quad.create(GraphNames.ENTAILMENTS, node(ID + a), node(EX + "partOf"), node(ID + b));
    }

    private static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static List<String> builds(Config config) throws IOException {
        try (Stream<Path> builds = Files.list(config.storeDir().resolve("builds"))) {
            return builds.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
