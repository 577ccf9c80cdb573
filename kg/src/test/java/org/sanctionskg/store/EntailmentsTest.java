package org.sanctionskg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntailmentsTest {
    private static final String EX = "https://example.org/";

    private static Graph parse(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(("@prefix : <" + EX + "> . @prefix rdfs: <" + RDFS.getURI() + "> . @prefix owl: <"
                + OWL2.getURI() + "> . " + turtle)).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static boolean entails(Graph inferred, String s, String p, String o) {
        return inferred.contains(Triple.create(NodeFactory.createURI(EX + s), p.startsWith("http") ? NodeFactory.createURI(p) : NodeFactory.createURI(EX + p), NodeFactory.createURI(o.startsWith("http") ? o : EX + o)));
    }

    @Test
    void typesClimbTheClassHierarchyIncludingEquivalences() {
        Graph g = parse(":B rdfs:subClassOf :A . :A owl:equivalentClass :Z . :x a :B .");
        Graph inferred = Entailments.of(g);
        assertTrue(entails(inferred, "x", RDF.type.getURI(), "A"));
        assertTrue(entails(inferred, "x", RDF.type.getURI(), "Z"));
    }

    @Test
    void inversesSuperPropertiesAndDomainsAreMaterializedTogether() {
        Graph g = parse(":imposedBy rdfs:subPropertyOf :involves ; rdfs:domain :Measure ; rdfs:range :Agent . "
                + ":imposed owl:inverseOf :imposedBy . :Agent rdfs:subClassOf :Thing . :m :imposedBy :eu .");
        Graph inferred = Entailments.of(g);
        assertTrue(entails(inferred, "eu", "imposed", "m"));
        assertTrue(entails(inferred, "m", "involves", "eu"));
        assertTrue(entails(inferred, "m", RDF.type.getURI(), "Measure"));
        assertTrue(entails(inferred, "eu", RDF.type.getURI(), "Thing"));
    }

    @Test
    void symmetricAndTransitivePropertiesClose() {
        Graph g = parse(":partner a owl:SymmetricProperty . :partOf a owl:TransitiveProperty . "
                + ":us :partner :uk . :a :partOf :b . :b :partOf :c . :c :partOf :d .");
        Graph inferred = Entailments.of(g);
        assertTrue(entails(inferred, "uk", "partner", "us"));
        assertTrue(entails(inferred, "a", "partOf", "d"));
        assertTrue(entails(inferred, "b", "partOf", "d"));
    }

    @Test
    void assertedTriplesAreNotRepeatedAsEntailments() {
        Graph g = parse(":B rdfs:subClassOf :A . :x a :B , :A .");
        Graph inferred = Entailments.of(g);
        assertFalse(entails(inferred, "x", RDF.type.getURI(), "A"));
        assertTrue(inferred.isEmpty());
    }
}
