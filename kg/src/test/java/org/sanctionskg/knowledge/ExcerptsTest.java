package org.sanctionskg.knowledge;

import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExcerptsTest {

    private static final String EXCERPTS = """
            SELECT ?excerpt ?exact ?start ?end ?source WHERE {
              ?excerpt a skg:Excerpt ; oa:hasSource ?source ; oa:hasSelector ?q , ?p .
              ?q a oa:TextQuoteSelector ; oa:exact ?exact .
              ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
            } ORDER BY ?start""";

    private static List<QuerySolution> excerpts() {
        List<QuerySolution> rows = Knowledge.select(Knowledge.union(), EXCERPTS);
        assertTrue(rows.size() >= 30, "expected an excerpt per sentence, got " + rows.size());
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyExcerptQuoteEqualsTheArticleTextAtItsCodePointOffsets() {
        int[] text = Knowledge.article().codePoints().toArray();
        return excerpts().stream().map(row -> DynamicTest.dynamicTest(row.getResource("excerpt").getURI(), () -> {
            int start = row.getLiteral("start").getInt();
            int end = row.getLiteral("end").getInt();
            assertTrue(0 <= start && start < end && end <= text.length, "offsets out of range: " + start + ", " + end);
            assertEquals(row.getLiteral("exact").getString(), new String(text, start, end - start));
        }));
    }

    @Test
    void everyExcerptSelectsFromTheReport() {
        for (QuerySolution row : excerpts()) {
            assertEquals(Knowledge.ID + "report-2021-03-22-xinjiang-sanctions", row.getResource("source").getURI());
        }
    }

    @Test
    void everyNonBlankCharacterOfTheReportLiesInSomeExcerpt() {
        int[] text = Knowledge.article().codePoints().toArray();
        BitSet covered = new BitSet(text.length);
        for (QuerySolution row : excerpts()) {
            covered.set(row.getLiteral("start").getInt(), row.getLiteral("end").getInt());
        }
        for (int i = 0; i < text.length; i++) {
            if (!Character.isWhitespace(text[i]) && !Character.isSpaceChar(text[i])) {
                assertTrue(covered.get(i), "character " + i + " is in no excerpt");
            }
        }
    }

    @Test
    void everyExcerptIsCitedByAtLeastOneFact() {
        List<QuerySolution> uncited = Knowledge.select(Knowledge.union(), """
                SELECT ?excerpt WHERE { ?excerpt a skg:Excerpt FILTER NOT EXISTS { ?fact skg:citesExcerpt ?excerpt } }""");
        excerpts();
        assertTrue(uncited.isEmpty(), "excerpts no fact cites: " + uncited);
    }

    @Test
    void everyExcerptCarriesItsQuoteAndOffsetsOneHopFromTheFactsThatCiteIt() {
        List<QuerySolution> missing = Knowledge.select(Knowledge.union(), """
                SELECT ?excerpt WHERE { ?excerpt a skg:Excerpt
                  FILTER NOT EXISTS { ?excerpt skg:quote ?q ; skg:start ?s ; skg:end ?e } }""");
        excerpts();
        assertTrue(missing.isEmpty(), "excerpts without skg:quote, skg:start, skg:end: " + missing);
    }
}
