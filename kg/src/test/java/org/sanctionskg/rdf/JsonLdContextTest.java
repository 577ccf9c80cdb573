package org.sanctionskg.rdf;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our own JSON-LD compaction reads back, through a JSON-LD 1.1 processor, as exactly the graph it was given. */
class JsonLdContextTest {
    static final String NS = "https://example.org/ns#", ID = "https://example.org/id/";
    static final JsonLdContext CONTEXT = new JsonLdContext("https://example.org/context.jsonld",
            Map.of("ex", NS, "id", ID, "xsd", "http://www.w3.org/2001/XMLSchema#"),
            List.of(new JsonLdContext.Term("knows", NS + "knows", true), new JsonLdContext.Term("date", NS + "date", false),
                    new JsonLdContext.Term("Person", NS + "Person", false)));

    @Test
    void everyKindOfTermAndValueRoundTrips() {
        Graph g = GraphFactory.createDefaultGraph();
        Node a = iri(ID + "a"), bnode = NodeFactory.createBlankNode(), inner = NodeFactory.createBlankNode();
        g.add(a, RDF.type.asNode(), iri(NS + "Person"));
        g.add(a, RDF.type.asNode(), iri("http://xmlns.com/foaf/0.1/Agent"));
        g.add(a, iri(NS + "knows"), iri(ID + "b"));
        g.add(a, iri(NS + "knows"), NodeFactory.createLiteralString("a literal under a term that coerces to IRIs"));
        g.add(a, iri(NS + "knows"), bnode);
        g.add(bnode, iri(NS + "knows"), inner);
        g.add(inner, iri(NS + "date"), NodeFactory.createLiteralDT("1989", XSDDatatype.XSDgYear));
        g.add(a, iri(NS + "date"), NodeFactory.createLiteralDT("2021-03-22", XSDDatatype.XSDdate));
        g.add(a, iri(NS + "note"), NodeFactory.createLiteralLang("<script>alert(1)</script>", "en"));
        g.add(a, iri(NS + "note"), NodeFactory.createLiteralString("plain \"quoted\" text"));
        g.add(a, iri("urn:x-test:unprefixed"), iri(ID + "/double-slash"));
        g.add(a, iri(NS + "count"), NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger));
        Graph back = read(CONTEXT.compact(g, a));
        assertTrue(back.isIsomorphicWith(g), () -> "round trip\n" + new String(CONTEXT.compact(g, a), StandardCharsets.UTF_8));
    }

    @Test
    void aSubjectWithManyValuesIsWrittenWhole() {
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < 5_000; i++) g.add(Triple.create(iri(ID + "hub"), iri(NS + "knows"), iri(ID + "n" + i)));
        assertTrue(read(CONTEXT.compact(g, null)).isIsomorphicWith(g));
    }

    @Test
    void triplesNotGroupedBySubjectStillReadBackAsTheSameGraph() {
        Graph g = GraphFactory.createDefaultGraph();
        List<Triple> interleaved = List.of(
                Triple.create(iri(ID + "a"), iri(NS + "knows"), iri(ID + "b")),
                Triple.create(iri(ID + "b"), iri(NS + "knows"), iri(ID + "a")),
                Triple.create(iri(ID + "a"), iri(NS + "date"), NodeFactory.createLiteralString("again")));
        interleaved.forEach(g::add);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CONTEXT.write(interleaved.iterator(), out, false);
        assertTrue(read(out.toByteArray()).isIsomorphicWith(g), "a subject's second node object merges with its first");
    }

    @Test
    void anIriWhoseSchemeIsAPrefixIsRefusedNotMisread() {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri(ID + "a"), iri(NS + "knows"), iri("id:not-a-prefixed-name"));
        assertThrows(IllegalArgumentException.class, () -> CONTEXT.compact(g, null));
    }

    static Graph read(byte[] json) {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, opts) -> {
            if (!url.toString().equals(CONTEXT.url())) throw new IllegalStateException("unexpected fetch of " + url);
            return JsonDocument.of(new ByteArrayInputStream(CONTEXT.documentBytes()));
        });
        Context cxt = new Context();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, options);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(json)).lang(Lang.JSONLD11).context(cxt).parse(g);
        return g;
    }

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
