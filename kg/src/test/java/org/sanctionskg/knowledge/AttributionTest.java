package org.sanctionskg.knowledge;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Words are credited to whoever the report says uses them, and labels say what the cited sentences say. */
class AttributionTest {

    @Test
    void increasinglyAuthoritarianIsTheCriticsAndTheUnattributedCallsWordsNotTheReports() {
        List<QuerySolution> rows = Knowledge.select(Knowledge.union(), """
                SELECT ?claimant ?stance WHERE { ?c skg:proposition ?p ; skg:claimant ?claimant ; skg:stance ?stance .
                  ?p rdfs:label ?l FILTER CONTAINS(LCASE(STR(?l)), "increasingly authoritarian") }""");
        Set<String> pairs = rows.stream().map(r -> r.getResource("claimant").getURI() + " " + r.getResource("stance").getURI())
                .collect(Collectors.toSet());
        assertEquals(Set.of(Knowledge.ID + "critics-of-the-investment-agreement " + Knowledge.ID + "stance-asserts",
                Knowledge.ID + "critics-of-the-investment-agreement " + Knowledge.ID + "stance-questions",
                Knowledge.ID + "report-2021-03-22-xinjiang-sanctions " + Knowledge.ID + "stance-reports-unattributed"), pairs,
                "ex:27 is the critics' question, ex:02 the 'growing calls'");
    }

    @Test
    void everyRestrictionOfTheDayOnTheOfficialsAndTheBureauSaysSoInItsLabel() {
        List<QuerySolution> rows = Knowledge.select(Knowledge.union(), """
                SELECT ?r ?l WHERE { ?m skg:date "2021-03-22"^^xsd:date ; skg:targets id:xpcc-public-security-bureau ;
                  skg:imposesRestriction ?r . ?r rdfs:label ?l }""");
        assertEquals(6, rows.size(), "an asset freeze and a travel ban each for the EU, the UK and Canada");
        for (QuerySolution r : rows)
            assertTrue(r.getLiteral("l").getString().endsWith("the four officials and the XPCC Public Security Bureau"), r.toString());
    }
}
