package org.sanctionskg.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;

/**
 * RDF terms in N-Triples syntax, exactly as Jena's {@link NodeFmtLib#strNT} writes them, without its cost for the
 * common terms: an IRI or a literal of printable ASCII that needs no escape is appended directly (Jena writes each
 * character through an {@code IndentedWriter}, which was most of a dump's time); every other term goes to Jena.
 */
public final class NTriplesTerms {
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();

    private NTriplesTerms() {}

    /** One N-Quads line with its newline; a quad of the default graph is written as a triple. */
    public static void appendQuad(StringBuilder out, Quad q) {
        append(out, q.getSubject());
        out.append(' ');
        append(out, q.getPredicate());
        out.append(' ');
        append(out, q.getObject());
        if (!Quad.isDefaultGraph(q.getGraph())) {
            out.append(' ');
            append(out, q.getGraph());
        }
        out.append(" .\n");
    }

    public static void append(StringBuilder out, Node n) {
        if (n.isURI() && plainIri(n.getURI())) {
            out.append('<').append(n.getURI()).append('>');
        } else if (n.isLiteral() && plainLiteral(n)) {
            out.append('"').append(n.getLiteralLexicalForm()).append('"');
            String lang = n.getLiteralLanguage();
            if (!lang.isEmpty()) out.append('@').append(lang);
            else if (!XSD_STRING.equals(n.getLiteralDatatypeURI())) out.append("^^<").append(n.getLiteralDatatypeURI()).append('>');
        } else {
            out.append(NodeFmtLib.strNT(n));
        }
    }

    private static boolean plainIri(String iri) {
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^'
                    || c == '`' || c == '\\') return false;
        }
        return !iri.isEmpty();
    }

    private static boolean plainLiteral(Node n) {
        if (n.getLiteralBaseDirection() != null) return false;
        String lex = n.getLiteralLexicalForm();
        for (int i = 0; i < lex.length(); i++) {
            char c = lex.charAt(i);
            if (c < ' ' || c >= 0x7F || c == '"' || c == '\\') return false;
        }
        String lang = n.getLiteralLanguage();
        return lang.isEmpty() ? plainIri(n.getLiteralDatatypeURI()) : lang.chars().allMatch(c -> c < 0x7F && (Character.isLetterOrDigit(c) || c == '-'));
    }
}
