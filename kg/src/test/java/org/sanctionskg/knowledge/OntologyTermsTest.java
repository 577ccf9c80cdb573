package org.sanctionskg.knowledge;

import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class OntologyTermsTest {

    @Test
    void everyClassAndPropertyOfTheOntologyHasAnEnglishLabelAndComment() {
        var ontology = Knowledge.read(Knowledge.ONTOLOGY, Knowledge.CODE_LISTS);
        List<QuerySolution> terms = Knowledge.select(ontology, """
                SELECT ?t WHERE { VALUES ?k { owl:Class owl:ObjectProperty owl:DatatypeProperty } ?t a ?k
                  FILTER STRSTARTS(STR(?t), STR(skg:)) }""");
        assertTrue(terms.size() > 100, "expected over a hundred terms, got " + terms.size());
        List<QuerySolution> undocumented = Knowledge.select(ontology, """
                SELECT ?t WHERE { VALUES ?k { owl:Class owl:ObjectProperty owl:DatatypeProperty } ?t a ?k
                  FILTER STRSTARTS(STR(?t), STR(skg:))
                  FILTER (NOT EXISTS { ?t rdfs:label ?l FILTER langMatches(lang(?l), "en") }
                       || NOT EXISTS { ?t rdfs:comment ?c FILTER langMatches(lang(?c), "en") }) }""");
        assertTrue(undocumented.isEmpty(), "undocumented: " + undocumented);
    }

    @Test
    void everyOntologyTermTheDataUsesIsDeclared() {
        List<QuerySolution> used = Knowledge.select(Knowledge.union(), """
                SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } FILTER STRSTARTS(STR(?t), STR(skg:)) }""");
        assertTrue(used.size() > 50);
        List<QuerySolution> undeclared = Knowledge.select(Knowledge.union(), """
                SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } UNION { ?s ?p ?t }
                  FILTER (isIRI(?t) && STRSTARTS(STR(?t), STR(skg:)))
                  FILTER NOT EXISTS { VALUES ?k { owl:Class owl:ObjectProperty owl:DatatypeProperty } ?t a ?k } }""");
        assertTrue(undeclared.isEmpty(), "undeclared: " + undeclared);
    }

    @Test
    void inversesAreDeclaredForTheDirectionsUsersQueryBothWays() {
        for (String[] pair : new String[][] {{"imposedBy", "imposed"}, {"targets", "targetedBy"},
                {"inResponseTo", "provoked"}, {"announces", "announcedIn"}, {"after", "before"}}) {
            List<QuerySolution> rows = Knowledge.select(Knowledge.read(Knowledge.ONTOLOGY),
                    "SELECT * WHERE { skg:" + pair[0] + " owl:inverseOf skg:" + pair[1] + " }");
            assertTrue(rows.size() == 1, pair[0] + " owl:inverseOf " + pair[1]);
        }
    }

    @Test
    void noTermIsASubclassOrSubpropertyOfAWikidataTerm() {
        List<QuerySolution> rows = Knowledge.select(Knowledge.union(), """
                SELECT * WHERE { VALUES ?p { rdfs:subClassOf rdfs:subPropertyOf owl:equivalentClass owl:equivalentProperty }
                  ?t ?p ?w FILTER (STRSTARTS(STR(?w), "http://www.wikidata.org/")) }""");
        assertTrue(rows.isEmpty(), "Wikidata terms in entailing axioms: " + rows);
    }
}
