package org.sanctionskg.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WikidataLinksTest {

    private static final String WD = "http://www.wikidata.org/entity/";

    /** label (lower case) → Q-id, from the verified table (copied into src/test/resources/knowledge/wikidata-ids.tsv). */
    private static Map<String, String> verifiedTable() throws IOException {
        Map<String, String> table = new TreeMap<>();
        for (String line : Files.readAllLines(Knowledge.TEST_RESOURCES.resolve("wikidata-ids.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            table.put(cols[0].toLowerCase(Locale.ROOT), cols[1]);
        }
        assertTrue(table.size() > 40, "the verified table has " + table.size() + " rows");
        return table;
    }

    /** "entity Q…" for every link the graph holds. */
    private static TreeSet<String> actualLinks() {
        TreeSet<String> links = new TreeSet<>();
        for (QuerySolution row : Knowledge.select(Knowledge.union(), "SELECT ?e ?wd WHERE { ?e owl:sameAs ?wd }")) {
            links.add(row.getResource("e").getURI() + " " + row.getResource("wd").getURI().replace(WD, ""));
        }
        return links;
    }

    @Test
    void sameAsLinksAreExactlyTheVerifiedIdsOfTheEntitiesTheGraphHolds() throws IOException {
        Map<String, String> table = verifiedTable();
        TreeSet<String> expected = new TreeSet<>();
        for (QuerySolution row : Knowledge.select(Knowledge.union(), """
                SELECT DISTINCT ?e ?label WHERE {
                  ?e rdfs:label|skos:altLabel ?label FILTER STRSTARTS(STR(?e), STR(id:))
                }""")) {
            String qid = table.get(row.getLiteral("label").getString().toLowerCase(Locale.ROOT));
            if (qid != null) {
                expected.add(row.getResource("e").getURI() + " " + qid);
            }
        }
        assertTrue(expected.size() > 40, "expected over 40 linked entities, got " + expected.size());
        TreeSet<String> actual = actualLinks();
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> unverified = new TreeSet<>(actual);
        unverified.removeAll(expected);
        assertEquals("", (missing.isEmpty() ? "" : "missing links: " + missing + " ")
                + (unverified.isEmpty() ? "" : "links with no matching table row: " + unverified));
    }

    @Test
    void everyLinkedIdIsInTheVerifiedTableAndUsedOnce() throws IOException {
        var ids = new TreeSet<>(verifiedTable().values());
        TreeSet<String> links = actualLinks();
        assertTrue(!links.isEmpty());
        TreeSet<String> seen = new TreeSet<>();
        for (String link : links) {
            String qid = link.substring(link.indexOf(' ') + 1);
            assertTrue(ids.contains(qid), "not a verified id: " + link);
            assertTrue(seen.add(qid), "two entities share " + qid);
        }
    }
}
