package org.sanctionskg.store;

import java.math.BigInteger;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Refuses {@code xsd:integer} literals beyond 64 bits: Jena 5.6.0's TDB2 stores them wrapped to 64 bits
 * (123456789012345678901234567890 comes back from the store, in {@code /sparql} answers and dumps alike, as
 * -4362896299872285998), so publishing one would publish a different number. Other integer types keep their value.
 */
final class WideIntegers {
    private WideIntegers() {}

    /** Why {@code t} cannot be stored, or null when it can. */
    static String problem(Triple t) {
        Node o = t.getObject();
        if (!o.isLiteral() || !XSDDatatype.XSDinteger.equals(o.getLiteralDatatype())) return null;
        if (!(o.getLiteralValue() instanceof BigInteger value) || value.bitLength() < Long.SIZE) return null;
        return "the xsd:integer " + o.getLiteralLexicalForm() + " is beyond 64 bits, which Jena's TDB2 store would answer "
                + "wrapped to another number; write it as an xsd:decimal or a string (" + Triples.show(t) + ")";
    }
}
