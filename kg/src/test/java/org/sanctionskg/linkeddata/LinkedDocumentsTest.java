package org.sanctionskg.linkeddata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sanctionskg.Config;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;
import org.sanctionskg.web.RdfNegotiation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a linked-data client finds besides the body: Link headers, the dataset, shape and graph IRIs that resolve, the plain N-Quads dump. */
class LinkedDocumentsTest extends LoadedFixtureTest {
    static final List<String> DOCUMENTS = List.of("id/official-x", "ontology", ".well-known/void", "shapes", "graph/entailments");

    @Test
    void everyDocumentLinksItsFormatsItsDescriptionsAndTheContext() throws Exception {
        Servers.withServer(config, base -> {
            List<Executable> checks = new ArrayList<>();
            for (String path : DOCUMENTS) {
                HttpResponse<String> r = Http.get(base.resolve(path), "text/turtle");
                String link = r.headers().firstValue("Link").orElse("");
                checks.add(() -> assertEquals(200, r.statusCode(), path));
                checks.add(() -> assertEquals("Accept", r.headers().firstValue("Vary").orElse(""), "Vary on " + path));
                for (Format f : RdfNegotiation.PAGE_OR_RDF)
                    checks.add(() -> assertTrue(link.contains("</" + path + "?format=" + f.shortName() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\""),
                            path + " links its " + f.shortName() + ": " + link));
                checks.add(() -> assertTrue(link.contains("</" + path + "?format=ttl>; rel=\"describedby\"; type=\"text/turtle\""), path + ": " + link));
                checks.add(() -> assertTrue(link.contains("</context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\""), path + ": " + link));
            }
            HttpResponse<String> cors = Http.send(HttpRequest.newBuilder(base.resolve(DOCUMENTS.get(0))).header("Origin", "https://example.org").build());
            checks.add(() -> assertTrue(cors.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Link"),
                    "a script in a browser can read the Link header"));
            assertAll(checks);
        });
    }

    @Test
    void anEntityDocumentSaysWhichDatasetItIsIn() throws Exception {
        Servers.withServer(config, base -> {
            Graph g = LinkedFixture.parse(Http.get(base.resolve("id/official-x"), "text/turtle").body(), Lang.TURTLE);
            assertTrue(g.contains(NodeFactory.createURI(LinkedFixture.ID + "official-x"), VOID.inDataset.asNode(),
                    NodeFactory.createURI(DatasetDescription.datasetIri(config.base()))));
        });
    }

    @Test
    void anIriOfTheFirstReleasesSchemeMovesPermanentlyToItsFlatNameAndAnUnknownOneIsNotFound() throws Exception {
        Servers.withServer(config, base -> {
            var moved = Http.get(base.resolve("id/official/x?format=ttl"), "text/turtle");
            assertEquals(301, moved.statusCode());
            assertEquals("/id/official-x?format=ttl", moved.headers().firstValue("Location").orElse(""));
            assertEquals(404, Http.get(base.resolve("id/official/nobody"), "text/turtle").statusCode());
        });
    }

    @Test
    void shapeIrisDereferenceToTheirShaclTriples() throws Exception {
        Servers.withServer(config, base -> {
            Graph served = LinkedFixture.parse(Http.get(base.resolve("shapes"), "text/turtle").body(), Lang.TURTLE);
            Graph file = LinkedFixture.parse(Files.readString(config.ontologyDir().resolve("shapes.ttl")), Lang.TURTLE);
            assertFalse(file.isEmpty());
            assertTrue(served.isIsomorphicWith(file), "the SHACL triples of ontology/shapes.ttl, as loaded");
            String page = Http.get(base.resolve("shapes"), "text/html").body();
            assertTrue(page.contains("id=\"MeasureShape\"") && page.contains("Every measure has an imposer"), page);
        });
    }

    @Test
    void everyGraphIriDereferencesToItsDescriptionWithItsTripleCount() throws Exception {
        Servers.withServer(config, base -> {
            List<Node> graphs = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            try (QueryExecution q = QueryExecution.service(base.resolve("sparql").toString())
                    .query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").build()) {
                q.execSelect().forEachRemaining(s -> {
                    graphs.add(s.getResource("g").asNode());
                    counts.add(s.getLiteral("n").getLong());
                });
            }
            assertTrue(graphs.size() >= 3, "ontology, shapes, data, entailments: " + graphs);
            List<Executable> checks = new ArrayList<>();
            for (int i = 0; i < graphs.size(); i++) {
                Node g = graphs.get(i);
                long n = counts.get(i);
                HttpResponse<String> r = Http.get(base.resolve("graph/" + g.getURI().substring(GraphNames.NS.length())), "text/turtle");
                checks.add(() -> assertEquals(200, r.statusCode(), g.getURI()));
                checks.add(() -> assertTrue(LinkedFixture.parse(r.body(), Lang.TURTLE).contains(g, VOID.triples.asNode(),
                        NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), g + " has " + n + " triples: " + r.body()));
            }
            assertAll(checks);
            assertEquals(404, Http.get(base.resolve("graph/no-such-graph"), "text/turtle").statusCode());
        });
    }

    @Test
    void theNQuadsDumpIsSentGzipEncodedToClientsThatAcceptItElsePlain() throws Exception {
        Servers.withServer(config, base -> {
            URI nq = base.resolve("download/sanctions-kg.nq");
            byte[] stored = bytes(base.resolve("download/sanctions-kg.nq.gz"), null).body();
            HttpResponse<byte[]> gzip = bytes(nq, "gzip, deflate");
            HttpResponse<byte[]> plain = bytes(nq, null);
            HttpResponse<byte[]> refused = bytes(nq, "gzip;q=0, identity");
            byte[] unzipped = gunzip(stored);
            assertAll(
                    () -> assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse("")),
                    () -> assertEquals("application/n-quads", gzip.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                    () -> assertArrayEquals(stored, gzip.body(), "the stored gzip, as it is"),
                    () -> assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty()),
                    () -> assertEquals("application/n-quads", plain.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                    () -> assertArrayEquals(unzipped, plain.body(), "decompressed on the fly"),
                    () -> assertArrayEquals(unzipped, refused.body(), "gzip;q=0 is a refusal"),
                    () -> assertTrue(gzip.headers().allValues("Vary").contains("Accept-Encoding")),
                    () -> assertFalse(gzip.headers().firstValue("ETag").equals(plain.headers().firstValue("ETag")), "one ETag per encoding"),
                    () -> assertTrue(unzipped.length > stored.length));
        });
    }

    @Test
    void anIriWhoseSchemeIsAContextPrefixLoadsAndRoundTripsThroughTheJsonLdDump(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path root = Fixtures.copy("linked", tmp.resolve("sources"));
        Files.writeString(root.resolve("data/scheme-clash.ttl"), "<" + LinkedFixture.ID + "official-x> <http://www.w3.org/2002/07/owl#sameAs> <wd:Q5> .\n");
        Config clash = Servers.config(root, tmp.resolve("store"));
        Stores.load(clash);
        Servers.withServer(clash, base -> {
            Graph dump = LinkedFixture.parseJsonLd(Http.get(base.resolve("download/sanctions-kg.jsonld"), null).body());
            Graph turtle = LinkedFixture.parse(Http.get(base.resolve("download/sanctions-kg.ttl"), null).body(), Lang.TURTLE);
            assertTrue(dump.contains(Node.ANY, Node.ANY, NodeFactory.createURI("wd:Q5")), "<wd:Q5> kept as it is");
            assertTrue(dump.isIsomorphicWith(turtle), "the JSON-LD dump is the Turtle dump's graph");
            Graph entity = LinkedFixture.parseJsonLd(Http.get(base.resolve("id/official-x"), "application/ld+json").body());
            assertTrue(entity.contains(Node.ANY, Node.ANY, NodeFactory.createURI("wd:Q5")), "and in the entity's document");
        });
    }

    static HttpResponse<byte[]> bytes(URI uri, String acceptEncoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (acceptEncoding != null) b.header("Accept-Encoding", acceptEncoding);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
