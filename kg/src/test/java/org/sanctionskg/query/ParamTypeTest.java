package org.sanctionskg.query;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamTypeTest {
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create().setNsPrefix("id", "https://w3id.org/sanctions-kg/id/");

    private static void refused(ParamType type, String text) {
        assertThrows(IllegalArgumentException.class, () -> type.parse(text, PREFIXES), type + " accepted " + text);
    }

    @Test
    void anIriIsAbsoluteOrAPrefixedNameTheQueryDeclares() {
        assertEquals(NodeFactory.createURI("https://w3id.org/sanctions-kg/id/chen-quanguo"), ParamType.IRI.parse("id:chen-quanguo", PREFIXES));
        assertEquals(NodeFactory.createURI("http://www.wikidata.org/entity/Q148"), ParamType.IRI.parse("http://www.wikidata.org/entity/Q148", PREFIXES));
        refused(ParamType.IRI, "chen-quanguo");
        refused(ParamType.IRI, "wd:Q148");
        refused(ParamType.IRI, "file:///etc/passwd");
        refused(ParamType.IRI, "javascript:alert(1)");
        refused(ParamType.IRI, "/id/chen-quanguo");
        refused(ParamType.IRI, "https://x.org/a> . ?s ?p ?o . <https://x.org/b");
        refused(ParamType.IRI, "https://x.org/a b");
        refused(ParamType.IRI, "https://x.org/{a}");
    }

    @Test
    void aDateIsAnXsdDateInIsoForm() {
        assertEquals(NodeFactory.createLiteralDT("2021-03-22", XSDDatatype.XSDdate), ParamType.DATE.parse("2021-03-22", PREFIXES));
        refused(ParamType.DATE, "2021-3-22");
        refused(ParamType.DATE, "2021-02-30");
        refused(ParamType.DATE, "2021-03-22\"^^<x>");
    }

    @Test
    void anIntegerIsAWholeNumberWrittenCanonically() {
        assertEquals(NodeFactory.createLiteralDT("7", XSDDatatype.XSDinteger), ParamType.INTEGER.parse("+007", PREFIXES));
        refused(ParamType.INTEGER, "7.5");
        refused(ParamType.INTEGER, "1) || true || (1");
        refused(ParamType.INTEGER, "99999999999999999999999");
    }

    @Test
    void aLanguageStringNeedsAValidTag() {
        assertEquals(NodeFactory.createLiteralLang("Xinjiang", "en"), ParamType.LANGSTRING.parse("Xinjiang@en", PREFIXES));
        assertEquals(NodeFactory.createLiteralLang("a@b", "de-CH"), ParamType.LANGSTRING.parse("a@b@de-CH", PREFIXES));
        refused(ParamType.LANGSTRING, "Xinjiang");
        refused(ParamType.LANGSTRING, "Xinjiang@not a tag");
    }

    @Test
    void aStringIsAnyTextAsOnePlainLiteral() {
        String sly = "x\" } UNION { ?s ?p ?o } #";
        assertEquals(NodeFactory.createLiteralString(sly), ParamType.STRING.parse(sly, PREFIXES));
        refused(ParamType.STRING, "x".repeat(ParamType.MAX_LENGTH + 1));
    }
}
