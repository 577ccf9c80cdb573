package org.sanctionskg.rdf;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SKGTest {
    @Test
    void everyVocabularyConstantIsATermDeclaredInTheOntology() throws IllegalAccessException {
        Graph ontology = RDFDataMgr.loadGraph("ontology/sanctions-kg.ttl");
        List<Node> terms = new ArrayList<>();
        for (Field f : SKG.class.getFields())
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) terms.add((Node) f.get(null));
        assertTrue(terms.size() >= 6, "expected the vocabulary's terms, found " + terms);
        List<Node> undeclared = terms.stream().filter(t -> !ontology.contains(t, RDF.type.asNode(), Node.ANY)).toList();
        assertTrue(undeclared.isEmpty(), "not declared in ontology/sanctions-kg.ttl: " + undeclared);
    }

    @Test
    void everyConstantIsNamedAsItsTerm() throws IllegalAccessException {
        for (Field f : SKG.class.getFields())
            if (f.getType() == Node.class)
                assertTrue(((Node) f.get(null)).getURI().equals(SKG.NS + f.getName()), f.getName() + " names another term");
    }
}
