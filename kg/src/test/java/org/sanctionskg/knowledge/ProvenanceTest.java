package org.sanctionskg.knowledge;

import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest {

    /** Fact-bearing nodes: facts (events, measures, statements, claims, …) and the entities they are about. */
    private static final String FACT_BEARING = """
            VALUES ?class { skg:Fact skg:Agent skg:Place skg:Population skg:Position skg:Proposition
                            skg:LegalAct skg:SanctionsRegime }
            ?node a ?class .""";

    @Test
    void everyFactBearingNodeCitesAnExcerptOrASourceDocument() {
        List<QuerySolution> all = Knowledge.select(Knowledge.entailed(), "SELECT DISTINCT ?node WHERE {" + FACT_BEARING + "}");
        assertTrue(all.size() > 100, "expected well over a hundred fact-bearing nodes, got " + all.size());
        List<QuerySolution> bare = Knowledge.select(Knowledge.entailed(), "SELECT DISTINCT ?node WHERE {" + FACT_BEARING + """
                  FILTER NOT EXISTS { ?node prov:wasDerivedFrom ?evidence .
                                      { ?evidence a skg:Excerpt } UNION { ?evidence a skg:SourceDocument } }
                }""");
        assertTrue(bare.isEmpty(), "no provenance: " + bare);
    }

    @Test
    void everyFactOfTheSourcesNotesCitesASourceDocumentAndMeasuresOfTheDayCiteBoth() {
        List<QuerySolution> measures = Knowledge.select(Knowledge.entailed(), """
                SELECT ?m WHERE { ?m a skg:SanctionsDesignation ; skg:date "2021-03-22"^^xsd:date }""");
        assertTrue(measures.size() == 4, "four designations on 2021-03-22, got " + measures);
        List<QuerySolution> missing = Knowledge.select(Knowledge.entailed(), """
                SELECT ?m WHERE { ?m a skg:SanctionsDesignation ; skg:date "2021-03-22"^^xsd:date
                  FILTER (NOT EXISTS { ?m skg:citesExcerpt ?e } || NOT EXISTS { ?m skg:citesSource ?s }) }""");
        assertTrue(missing.isEmpty(), "a measure of the day lacks the report or its source: " + missing);
    }

    @Test
    void everyCitedEvidenceIsDescribed() {
        List<QuerySolution> cited = Knowledge.select(Knowledge.union(), """
                SELECT DISTINCT ?e WHERE { { ?f skg:citesExcerpt ?e } UNION { ?f skg:citesSource ?e } }""");
        assertTrue(cited.size() > 30);
        List<QuerySolution> undescribed = Knowledge.select(Knowledge.union(), """
                SELECT DISTINCT ?e WHERE {
                  { ?f skg:citesExcerpt ?e FILTER NOT EXISTS { ?e oa:hasSelector ?s } }
                  UNION
                  { ?f skg:citesSource ?e FILTER NOT EXISTS { ?e dcterms:bibliographicCitation ?c } }
                }""");
        assertTrue(undescribed.isEmpty(), "cited but not described: " + undescribed);
    }
}
