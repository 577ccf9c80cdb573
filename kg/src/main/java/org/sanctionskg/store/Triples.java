package org.sanctionskg.store;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/** A triple as one line of N-Triples, for messages. */
final class Triples {
    private Triples() {}

    static String show(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
    }
}
