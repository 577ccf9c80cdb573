package org.sanctionskg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.junit.jupiter.api.Test;

class NTriplesTermsTest {
    private static final String CHARS = "aZ09 -_./#:?&=%~!$'()*+,;@\"\\<>{}|^`\t\n\ré漢\u0007\uD83D\uDE00";

    @Test
    void everyTermIsWrittenExactlyAsJenaWritesIt() {
        SplittableRandom rng = new SplittableRandom(7);
        List<Node> terms = new ArrayList<>(List.of(
                NodeFactory.createURI("https://w3id.org/sanctions-kg/id/report-2021-03-22"),
                NodeFactory.createLiteralString("Monday"), NodeFactory.createLiteralLang("Montag", "de-CH"),
                NodeFactory.createLiteralDirLang("نص", "ar", "rtl"), NodeFactory.createLiteralDirLang("text", "en", "ltr"),
                NodeFactoryExtra.intToNode(42), NodeFactory.createLiteralDT("2021-03-22", XSDDatatype.XSDdate),
                NodeFactory.createLiteralString(""), NodeFactory.createBlankNode("b1"),
                NodeFactory.createTripleTerm(NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o"))));
        for (int i = 0; i < 2000; i++) {
            String text = random(rng);
            terms.add(NodeFactory.createLiteralString(text));
            terms.add(NodeFactory.createLiteralLang(text, "en"));
            terms.add(NodeFactory.createLiteralDT(text, XSDDatatype.XSDtoken));
            terms.add(NodeFactory.createURI("http://example.org/" + text));
        }
        for (Node n : terms) {
            StringBuilder out = new StringBuilder();
            NTriplesTerms.append(out, n);
            assertEquals(NodeFmtLib.strNT(n), out.toString(), () -> "term " + n);
        }
    }

    @Test
    void aQuadOfTheDefaultGraphIsWrittenAsATriple() {
        Node s = NodeFactory.createURI("urn:s"), p = NodeFactory.createURI("urn:p"), o = NodeFactory.createLiteralString("o");
        StringBuilder out = new StringBuilder();
        NTriplesTerms.appendQuad(out, Quad.create(Quad.defaultGraphIRI, s, p, o));
        NTriplesTerms.appendQuad(out, Quad.create(NodeFactory.createURI("urn:g"), s, p, o));
        assertEquals("<urn:s> <urn:p> \"o\" .\n<urn:s> <urn:p> \"o\" <urn:g> .\n", out.toString());
    }

    private static String random(SplittableRandom rng) {
        StringBuilder b = new StringBuilder();
        int n = rng.nextInt(12);
        for (int i = 0; i < n; i++) {
            int at = rng.nextInt(CHARS.length());
            char c = CHARS.charAt(at);
            if (Character.isHighSurrogate(c)) b.append(c).append(CHARS.charAt(at + 1));
            else if (!Character.isLowSurrogate(c)) b.append(c);
        }
        return b.toString();
    }
}
