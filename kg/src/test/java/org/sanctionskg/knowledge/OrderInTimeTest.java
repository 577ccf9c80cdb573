package org.sanctionskg.knowledge;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time in the graph: every ordering has its sentence, one day policy lets range filters see every event, posts have tenures. */
class OrderInTimeTest {

    private static Set<String> iris(List<QuerySolution> rows, String var) {
        return rows.stream().map(r -> r.getResource(var).getURI()).collect(Collectors.toSet());
    }

    @Test
    void everyStatedOrderOfTwoEventsIsATemporalRelationCitingItsSentence() {
        List<QuerySolution> orders = Knowledge.select(Knowledge.union(), """
                SELECT ?later ?earlier WHERE { { ?later skg:after ?earlier } UNION { ?earlier skg:before ?later } }""");
        assertTrue(orders.size() >= 9, "the day's moves and the earlier events are ordered: " + orders.size());
        List<QuerySolution> unstated = Knowledge.select(Knowledge.union(), """
                SELECT ?later ?earlier WHERE { { ?later skg:after ?earlier } UNION { ?earlier skg:before ?later }
                  FILTER NOT EXISTS { ?r a skg:TemporalRelation ; skg:earlierEvent ?earlier ; skg:laterEvent ?later ;
                                         skg:citesExcerpt ?e } }""");
        assertTrue(unstated.isEmpty(), "orders without a temporal relation: " + unstated);
    }

    @Test
    void aDayRangeFilterOnTheEarliestDaySeesEveryEventBeforeMondayIncluding1989() {
        Set<String> before = iris(Knowledge.select(Knowledge.served(), """
                SELECT ?e WHERE { ?e a skg:Event ; skg:earliest ?d FILTER (?d < "2021-03-22"^^xsd:date) }"""), "e");
        assertTrue(before.containsAll(Set.of(Knowledge.ID + "tiananmen-killings-1989", Knowledge.ID + "eu-arms-embargo-on-china",
                Knowledge.ID + "genocide-determination-reaffirmation", Knowledge.ID + "us-designation-2020-07-09")), before.toString());
        assertFalse(before.contains(Knowledge.ID + "eu-listing-2021-03-22"), "Monday's moves are not before Monday");
        List<QuerySolution> notDays = Knowledge.select(Knowledge.served(), """
                SELECT ?e ?d WHERE { ?e skg:date|skg:earliest|skg:latest ?d FILTER (DATATYPE(?d) != xsd:date) }""");
        assertTrue(notDays.isEmpty(), "every day is an xsd:date: " + notDays);
    }

    @Test
    void theSecretariesOfStateHeldTheirPostOnTheDaysTheyActedAndTrumpNoLongerOnMonday() {
        List<QuerySolution> rows = Knowledge.select(Knowledge.served(), """
                SELECT ?who WHERE { ?t skg:holder ?who ; skg:heldFrom ?from OPTIONAL { ?t skg:heldUntil ?until }
                  VALUES (?who ?day) { (id:mike-pompeo "2021-01-19"^^xsd:date) (id:antony-blinken "2021-03-22"^^xsd:date) }
                  FILTER (?from <= ?day && (!BOUND(?until) || ?day <= ?until)) }""");
        assertEquals(Set.of(Knowledge.ID + "mike-pompeo", Knowledge.ID + "antony-blinken"), iris(rows, "who"),
                "Pompeo made the determination of 19 January 2021; Blinken announced on 22 March 2021");
        assertTrue(Knowledge.select(Knowledge.served(), """
                SELECT * WHERE { ?t skg:holder id:donald-trump ; skg:post id:us-president ; skg:heldUntil ?u
                  FILTER (?u < "2021-03-22"^^xsd:date) }""").size() == 1, "'Under President Donald Trump' is before the report");
    }

    @Test
    void schemaOrgUsersFindNamesStartDatesAndQuotesWithoutOurTerms() {
        assertEquals(1, Knowledge.select(Knowledge.served(), """
                PREFIX schema: <https://schema.org/>
                SELECT * WHERE { id:us-designation-2021-03-22 schema:startDate "2021-03-22"^^xsd:date ;
                                   schema:name "US designation of 22 March 2021 under Executive Order 13818 (the 'two names')"@en }""").size());
        List<QuerySolution> quotes = Knowledge.select(Knowledge.served(), """
                SELECT ?quote ?start ?end WHERE { id:absence-chen-quanguo-not-on-eu-listing-2021-03-22 skg:citesExcerpt ?x .
                  ?x skg:quote ?quote ; skg:start ?start ; skg:end ?end }""");
        assertEquals(1, quotes.size(), quotes.toString());
        int[] text = Knowledge.article().codePoints().toArray();
        int start = quotes.get(0).getLiteral("start").getInt(), end = quotes.get(0).getLiteral("end").getInt();
        assertEquals(quotes.get(0).getLiteral("quote").getString(), new String(text, start, end - start));
    }
}
