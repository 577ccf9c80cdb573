package org.sanctionskg.linkeddata;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.sanctionskg.Config;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /.well-known/void: conforms to DCAT-AP 3.0.1, and its counts and dumps are the store's. */
class DatasetDescriptionTest extends LoadedFixtureTest {
    static final Node DATASET = NodeFactory.createURI(DatasetDescription.datasetIri(Config.defaults().base()));

    static final java.net.http.HttpClient BYTES = java.net.http.HttpClient.newHttpClient();


    @Test
    void conformsToDcatAp301() throws Exception {
        Servers.withServer(config, base -> {
            Graph description = served(base);
            ValidationReport report = validate(description);
            if (!report.conforms()) ShLib.printReport(report);
            assertTrue(report.conforms(), "the served description conforms to the DCAT-AP 3.0.1 shapes");
            Graph broken = GraphFactory.createDefaultGraph();
            description.find().filterDrop(t -> t.getSubject().equals(DATASET) && t.getPredicate().equals(DCTerms.description.asNode()))
                    .forEachRemaining(broken::add);
            assertFalse(validate(broken).conforms(), "the shapes do check it: without a description the dataset fails");
        });
    }

    @Test
    void countsAreTheStoresCounts() throws Exception {
        Servers.withServer(config, base -> {
            Graph d = served(base);
            assertEquals(sparqlCount(base, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), count(d, DATASET, VOID.triples));
            assertEquals(sparqlCount(base, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"), count(d, DATASET, VOID.distinctSubjects));
            assertEquals(sparqlCount(base, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"), count(d, DATASET, VOID.distinctObjects));
            assertEquals(sparqlCount(base, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"), count(d, DATASET, VOID.properties));
            assertEquals(sparqlCount(base, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"), count(d, DATASET, VOID.classes));
            assertEquals(sparqlCount(base, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + LinkedFixture.ID + "\")) }"),
                    count(d, DATASET, VOID.entities));
            Node linkset = object(d, DATASET, VOID.subset);
            assertEquals(2, count(d, linkset, VOID.triples), "the fixture's two owl:sameAs links to Wikidata");
            assertEquals(sparqlCount(base, "SELECT (COUNT(*) AS ?n) { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o }"), count(d, linkset, VOID.triples));
            Node persons = d.find(DATASET, VOID.classPartition.asNode(), Node.ANY).mapWith(Triple::getObject)
                    .filterKeep(p -> d.contains(p, VOID._class.asNode(), NodeFactory.createURI(Config.defaults().base() + "ontology#Person"))).next();
            assertEquals(2, count(d, persons, VOID.entities), "class partition: two persons");
            assertTrue(d.contains(DATASET, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(Config.defaults().base() + "sparql")));
            assertTrue(d.contains(DATASET, VOID.exampleResource.asNode(), Node.ANY));
        });
    }

    @Test
    void dumpsAreListedWithTheirSizesAndChecksumsAndHoldTheDataset() throws Exception {
        Servers.withServer(config, base -> {
            Graph d = served(base);
            long triples = count(d, DATASET, VOID.triples);
            List<Node> distributions = d.find(DATASET, DCAT.distribution.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
            assertEquals(3, distributions.size());
            java.util.Map<String, Graph> dumps = new java.util.HashMap<>();
            for (Node dist : distributions) {
                String url = object(d, dist, DCAT.downloadURL).getURI();
                URI local = base.resolve(url.substring(Config.defaults().base().length()));
                byte[] bytes = BYTES.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                assertEquals(count(d, dist, DCAT.byteSize), bytes.length, url + " size");
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                assertEquals(object(d, object(d, dist, org.apache.jena.rdf.model.ResourceFactory.createProperty(Namespaces.SPDX + "checksum")),
                        org.apache.jena.rdf.model.ResourceFactory.createProperty(Namespaces.SPDX + "checksumValue")).getLiteralLexicalForm(), sha, url);
                assertEquals(sha + "  " + url.substring(url.lastIndexOf('/') + 1) + "\n", Http.get(URI.create(local + ".sha256"), null).body());
                if (url.endsWith(".nq.gz")) {
                    DatasetGraph quads = DatasetGraphFactory.create();
                    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                        RDFParser.source(in).lang(Lang.NQUADS).parse(quads);
                    }
                    assertEquals(triples, quads.getUnionGraph().size(), "N-Quads: every named graph");
                } else {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    // The JSON-LD dump inlines its context: it parses here without any document loader.
                    Graph g = LinkedFixture.parse(text, url.endsWith(".jsonld") ? Lang.JSONLD11 : Lang.TURTLE);
                    assertEquals(triples, g.size(), url + " holds every triple of the published graph");
                    dumps.put(url.substring(url.lastIndexOf('.')), g);
                }
            }
            assertTrue(dumps.get(".jsonld").isIsomorphicWith(dumps.get(".ttl")), "the JSON-LD and Turtle dumps hold the same graph");
        });
    }

    private static Graph served(URI base) throws Exception {
        HttpResponse<String> r = Http.get(base.resolve(".well-known/void"), "text/turtle");
        assertEquals(200, r.statusCode());
        return LinkedFixture.parse(r.body(), Lang.TURTLE);
    }

    private static ValidationReport validate(Graph data) {
        Graph shapes = GraphFactory.createDefaultGraph();
        for (String file : List.of("dcat-ap/dcat-ap-3.0.1-shapes.ttl", "dcat-ap/dcat-ap-3.0.1-range.ttl"))
            RDFParser.source(DatasetDescriptionTest.class.getClassLoader().getResource(file).toString()).parse(shapes);
        assertTrue(shapes.contains(Node.ANY, RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/ns/shacl#NodeShape")), "shapes loaded");
        return ShaclValidator.get().validate(Shapes.parse(shapes), data);
    }

    private static long sparqlCount(URI base, String query) throws Exception {
        String csv = Http.query(base, query, "text/csv").body();
        return Long.parseLong(csv.lines().skip(1).findFirst().orElseThrow().strip());
    }

    private static Node object(Graph g, Node s, org.apache.jena.rdf.model.Property p) {
        return g.find(s, p.asNode(), Node.ANY).next().getObject();
    }

    private static long count(Graph g, Node s, org.apache.jena.rdf.model.Property p) {
        return ((Number) object(g, s, p).getLiteralValue()).longValue();
    }
}
