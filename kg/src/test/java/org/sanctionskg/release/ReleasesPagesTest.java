package org.sanctionskg.release;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedFixture;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /releases} lists every kept release, linked to the one before it, for people and machines alike. */
class ReleasesPagesTest {
    private static final String ODD = LinkedFixture.ID + "a&b%3Cc%3E";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";

    @Test
    void releasesListsTwoLoadsLinkedByPreviousVersionInHtmlJsonAndTurtle(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp);
        Files.writeString(config.dataDir().resolve("facts.ttl"), "\n<" + ODD + "> <http://www.w3.org/2000/01/rdf-schema#label> \"A & B\"@en .\n", StandardOpenOption.APPEND);
        Stores.load(config);
        List<Release> releases = Releases.list(new StoreLayout(config.storeDir()));
        String live = releases.get(0).id();
        String first = releases.get(1).id();
        Servers.withServer(config, base -> {
            String html = Http.get(base.resolve("releases"), "text/html").body();
            assertTrue(html.contains("<a href=\"/releases/" + live + "\">" + live + "</a>"), html);
            assertTrue(html.contains("<a href=\"/releases/" + first + "\">" + first + "</a>"), "the previous one is linked");

            String page = Http.get(base.resolve("releases/" + live), "text/html").body();
            String odd = LinkedFixture.ID + "a&amp;b%3Cc%3E";
            assertTrue(page.contains(">" + odd + "</a>"), "the added entity, escaped: " + page);
            assertFalse(page.contains("a&b"), "nothing unescaped");
            assertTrue(page.contains("1 triple added, 0 triples removed"), page);

            JsonObject json = JSON.parse(Http.get(base.resolve("releases"), "application/json").body());
            assertEquals(live, json.getString("live"));
            JsonObject newest = json.get("releases").getAsArray().get(0).getAsObject();
            assertEquals(first, newest.getString("previous"));
            assertEquals(releases.get(0).contentHash(), newest.getString("contentHash"));
            assertEquals(1, newest.getObj("changelog").get("triplesAdded").getAsNumber().value().intValue());
            assertEquals(3, newest.get("dumps").getAsArray().size(), "its three dumps");

            HttpResponse<String> ttl = Http.get(base.resolve("releases"), "text/turtle");
            assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
            Graph g = LinkedFixture.parse(ttl.body(), Lang.TURTLE);
            Node liveIri = iri(config, live);
            Node firstIri = iri(config, first);
            assertTrue(g.contains(liveIri, NodeFactory.createURI(DCAT + "previousVersion"), firstIri), ttl.body());
            assertTrue(g.contains(liveIri, NodeFactory.createURI("http://www.w3.org/2002/07/owl#priorVersion"), firstIri));
            assertTrue(g.contains(liveIri, NodeFactory.createURI(DCAT + "version"), NodeFactory.createLiteralString(live)));
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI(DCAT + "hasCurrentVersion"), liveIri));
            assertFalse(g.contains(firstIri, NodeFactory.createURI(DCAT + "previousVersion"), Node.ANY), "the first has none");
            assertEquals(6, g.find(Node.ANY, NodeFactory.createURI(DCAT + "distribution"), Node.ANY).toList().size(), "three dumps each");

            Graph jsonLd = LinkedFixture.parse(Http.get(base.resolve("releases"), "application/ld+json").body(), Lang.JSONLD);
            assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(g, jsonLd), "the same DCAT in JSON-LD");

            assertEquals(404, Http.get(base.resolve("releases/19990101T000000.000Z"), "text/plain").statusCode());
        });
    }

    @Test
    void keepReleasesPrunesOlderDatabasesButTheirDumpsStayDownloadable(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp).with(b -> b.keepReleases(3));
        for (int i = 0; i < 3; i++) Stores.load(config);
        StoreLayout layout = new StoreLayout(config.storeDir());
        List<Release> releases = Releases.list(layout);
        assertEquals(3, releases.size(), "three kept of four loads");
        assertEquals(3, layout.all().size(), "the oldest build folder is gone");
        assertEquals(List.of(true, true, false), releases.stream().map(Release::queryable).toList(), "live and previous keep their TDB2");
        Release pruned = releases.get(2);
        assertFalse(Files.exists(layout.release(pruned.id()).orElseThrow().database()));
        assertTrue(org.sanctionskg.store.BuildVerifier.verify(layout.release(pruned.id()).orElseThrow(), true).intact(),
                "its checksum list no longer lists the database");
        Servers.withServer(config, base -> {
            String sha = Http.get(base.resolve("releases/" + pruned.id() + "/download/sanctions-kg.ttl.sha256"), "text/plain").body();
            HttpResponse<String> dump = Http.get(base.resolve("releases/" + pruned.id() + "/download/sanctions-kg.ttl"), null);
            assertEquals(200, dump.statusCode());
            assertEquals(sha.substring(0, 64), sha256(dump.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "the dump its checksum names");
            JsonObject json = JSON.parse(Http.get(base.resolve("releases/" + pruned.id()), "application/json").body());
            assertFalse(json.get("queryable").getAsBoolean().value());
            assertEquals(404, Http.get(base.resolve("releases/" + pruned.id() + "/download/../manifest.properties"), "text/plain").statusCode());
        });
    }

    @Test
    void aDatabaseOpenInThisProcessIsNotPruned(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp).with(b -> b.keepReleases(1));
        StoreLayout layout = new StoreLayout(config.storeDir());
        var first = layout.current().orElseThrow();
        var open = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(first.database().toString());
        try {
            Stores.load(config);
            Stores.load(config);
            assertTrue(Files.isDirectory(first.database()), "held open: kept");
        } finally {
            org.apache.jena.tdb2.sys.TDBInternal.expel(open);
        }
        Stores.load(config);
        assertFalse(Files.exists(first.dir()), "released: deleted at the next load");
        assertEquals(2, layout.all().size(), "the live release, and the previous one a server may still answer from");
    }

    private static Node iri(Config config, String id) {
        return NodeFactory.createURI(config.base() + "releases/" + id);
    }

    private static String sha256(byte[] body) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
    }
}
