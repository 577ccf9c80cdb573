package org.sanctionskg.rdf;

import com.apicatalog.jsonld.JsonLdOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void anIriWhoseSchemeIsAPrefixRoundTripsAsSubjectPredicateObjectTypeAndDatatype() {
        Graph g = GraphFactory.createDefaultGraph();
        Node clash = iri("id:not-a-prefixed-name");
        g.add(iri(ID + "a"), iri(NS + "knows"), clash);
        g.add(iri(ID + "a"), iri(NS + "note"), clash);
        g.add(iri(ID + "a"), iri(NS + "date"), NodeFactory.createLiteralDT("x", NodeFactory.getType("ex:datatype")));
        g.add(clash, RDF.type.asNode(), iri("ex:AClass"));
        g.add(clash, iri("id:a-property"), iri(ID + "b"));
        g.add(clash, iri(NS + "knows"), iri(NS + "c"));
        byte[] json = CONTEXT.compact(g, clash);
        assertTrue(read(json).isIsomorphicWith(g), () -> "round trip\n" + new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void textDirectionRoundTrips() {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri(ID + "a"), iri(NS + "note"), NodeFactory.createLiteralDirLang("مرحبا", "ar", TextDirection.RTL));
        g.add(iri(ID + "a"), iri(NS + "note"), NodeFactory.createLiteralDirLang("hello", "en", TextDirection.LTR));
        byte[] json = CONTEXT.compact(g, null);
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"@direction\""), "written as @direction");
        assertTrue(read(json).isIsomorphicWith(g), () -> "round trip\n" + new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void everyDocumentCarriesItsContextInline() {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(iri(ID + "a"), iri(NS + "knows"), iri(ID + "b"));
        String json = new String(CONTEXT.compact(g, null), StandardCharsets.UTF_8);
        assertFalse(json.contains(CONTEXT.url()), json);
        assertTrue(json.contains("\"knows\""), json);
    }

    /** Reads with Jena's JSON-LD 1.1 reader, text direction kept (RDF 1.2), every fetch refused. */
    static Graph read(byte[] json) {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, opts) -> {
            throw new IllegalStateException("unexpected fetch of " + url);
        });
        options.setRdfDirection(JsonLdOptions.RdfDirection.I18N_DATATYPE);
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
