package org.sanctionskg.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedFixture;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The release record of a load: its content hash, and its changelog against the previous release's index. */
class ChangelogTest {
    private static final String CRITIC = LinkedFixture.ID + "critic";

    @Test
    void changelogOfAOneTripleAdditionSaysExactlyThat(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp);
        Path facts = config.dataDir().resolve("facts.ttl");
        Files.writeString(facts, "\n<" + CRITIC + "> <http://www.w3.org/2000/01/rdf-schema#comment> \"Added later\"@en .\n", StandardOpenOption.APPEND);
        Stores.load(config);

        List<Release> releases = Releases.list(new StoreLayout(config.storeDir()));
        assertEquals(2, releases.size());
        Changelog c = releases.get(0).changelog().orElseThrow();
        assertEquals(releases.get(1).id(), c.previous());
        assertEquals(1, c.added(), "one triple added");
        assertEquals(0, c.removed(), "none removed");
        assertEquals(1, c.graphs().size(), "in one graph: " + c.graphs().keySet());
        long[] inFacts = c.graphs().get(c.graphs().keySet().iterator().next());
        assertTrue(c.graphs().keySet().iterator().next().endsWith("/facts"), "the graph of facts.ttl: " + c.graphs().keySet());
        assertEquals(1, inFacts[0]);
        assertEquals(0, inFacts[1]);
        assertEquals(new Changelog.Entities(1, List.of(CRITIC)), c.entities().get(Changelog.Kind.CHANGED));
        assertEquals(new Changelog.Entities(0, List.of()), c.entities().get(Changelog.Kind.ADDED));
        assertEquals(new Changelog.Entities(0, List.of()), c.entities().get(Changelog.Kind.REMOVED));
        assertTrue(!releases.get(0).contentHash().equals(releases.get(1).contentHash()), "the content hash changed");
    }

    @Test
    void theSameDataLoadedAgainHasTheSameContentHashAndNoChanges(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp);
        Stores.load(config);
        List<Release> releases = Releases.list(new StoreLayout(config.storeDir()));
        assertEquals(2, releases.size());
        assertTrue(releases.get(0).contentHash().matches("sha256:[0-9a-f]{64}"), releases.get(0).contentHash());
        assertEquals(releases.get(1).contentHash(), releases.get(0).contentHash(), "blank-node labels and TDB2 order do not count");
        Changelog c = releases.get(0).changelog().orElseThrow();
        assertEquals(0, c.added() + c.removed());
        assertEquals(Map.of(), c.graphs());
        assertEquals("9.9.9", releases.get(0).ontologyVersion(), "the fixture ontology's owl:versionInfo");
        assertTrue(releases.get(1).changelog().isEmpty(), "the first release has nothing to compare with");
    }

    @Test
    void anEntityAddedIsNamedAsAdded(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp);
        Path facts = config.dataDir().resolve("facts.ttl");
        Files.writeString(facts, Files.readString(facts).replace("id:critic a skg:Person ; rdfs:label \"A critic\"@en .",
                "id:critic a skg:Person ; rdfs:label \"A critic\"@en .\n<" + LinkedFixture.ID + "newcomer> a skg:Person ; rdfs:label \"Newcomer\"@en ."));
        Stores.load(config);
        Changelog c = Releases.list(new StoreLayout(config.storeDir())).get(0).changelog().orElseThrow();
        assertEquals(List.of(LinkedFixture.ID + "newcomer"), c.entities().get(Changelog.Kind.ADDED).sample());
        assertTrue(c.added() >= 2, "its type and label, and what they entail: " + c.added());
        assertEquals(0, c.removed());
    }

    @Test
    void aDamagedPreviousIndexLeavesTheChangelogOutNotTheLoad(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp);
        StoreLayout layout = new StoreLayout(config.storeDir());
        Path index = Release.index(layout.current().orElseThrow());
        byte[] whole = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(whole, whole.length / 2)); // truncated mid-stream
        Stores.load(config);
        Release live = Releases.list(layout).get(0);
        assertTrue(live.changelog().isEmpty(), "no changelog from half an index");
        assertTrue(live.contentHash().startsWith("sha256:"), "the new release is recorded all the same");
        assertEquals(Releases.list(layout).get(1).id(), live.previous().orElseThrow());
    }
}
