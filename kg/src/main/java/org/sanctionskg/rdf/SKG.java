package org.sanctionskg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The terms of our own ontology ({@code ontology/sanctions-kg.ttl}) that the code names, as Jena's {@code DCAT} does for DCAT. */
public final class SKG {
    /** The public namespace of everything we publish: entities, graphs, the ontology. */
    public static final String BASE = "https://w3id.org/sanctions-kg/";
    /** The ontology's namespace, prefix {@code skg:}. */
    public static final String NS = BASE + "ontology#";

    public static final Node RestrictiveMeasure = term("RestrictiveMeasure");
    public static final Node Countermeasure = term("Countermeasure");
    public static final Node Excerpt = term("Excerpt");
    public static final Node imposedBy = term("imposedBy");
    public static final Node targets = term("targets");
    public static final Node date = term("date");

    private SKG() {}

    private static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }
}
