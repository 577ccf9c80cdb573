package org.sanctionskg.release;

import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.sanctionskg.rdf.NTriplesTerms;

/**
 * A quad as one canonical line of the release's sorted index: N-Quads syntax, the graph always written (the default
 * graph as {@code <urn:x-arq:DefaultGraph>}), and every blank node written {@code _:b}, so the line does not depend
 * on the labels TDB2 gives blank nodes. Lines are compared as UTF-8 bytes ({@code LC_ALL=C sort}).
 */
final class QuadLines {
    static final String BLANK = "_:b";

    private QuadLines() {}

    static byte[] line(Quad q) {
        Node g = Quad.isDefaultGraph(q.getGraph()) ? Quad.defaultGraphIRI : q.getGraph();
        StringBuilder line = new StringBuilder(160);
        term(line, q.getSubject()).append(' ');
        term(line, q.getPredicate()).append(' ');
        term(line, q.getObject()).append(' ');
        term(line, g).append(" .");
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder term(StringBuilder line, Node n) {
        if (n.isBlank()) line.append(BLANK);
        else NTriplesTerms.append(line, n);
        return line;
    }

    /** The subject term of a line: up to the first space (no subject term holds one). */
    static String subject(byte[] line) {
        int end = indexOf(line, (byte) ' ', 0);
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    /** The graph IRI of a line: the last term, after the last {@code " <"} (an IRI holds neither space nor {@code <}). */
    static String graph(byte[] line) {
        int start = line.length - 3;
        while (start > 0 && !(line[start] == '<' && line[start - 1] == ' ')) start--;
        return new String(line, start + 1, line.length - 4 - start, StandardCharsets.UTF_8);
    }

    /** An entity is an IRI subject; blank nodes have no identity across releases. */
    static boolean isEntity(String subject) {
        return subject.startsWith("<");
    }

    static String iri(String term) {
        return term.substring(1, term.length() - 1);
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) if (a[i] == b) return i;
        return a.length;
    }
}
