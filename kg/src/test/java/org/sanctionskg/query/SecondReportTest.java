package org.sanctionskg.query;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;
import org.sanctionskg.web.Html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctionskg.testing.Http.encode;

/**
 * A second report (the fictional fixture {@code src/test/resources/second-report}, in the per-report layout of
 * docs/add-a-report.md) copied beside the real {@code ontology/}, {@code data/} and {@code queries/} and loaded with
 * no code change: its facts answer the canned queries, stand on the home page's timeline and have their pages,
 * while the real report's answers stay as they were.
 */
class SecondReportTest {
    private static final String ID = "https://w3id.org/sanctions-kg/id/";
    private static final String NORLAND = ID + "norland", OSTMARK = ID + "ostmark-federation",
            SANCTIONS = ID + "norland-sanctions-2031-05-14", RESPONSE = ID + "ostmark-countermeasure-2031-05-15",
            DEBATE = ID + "norland-parliament-debate-2031";

    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        for (String folder : List.of("ontology", "data", "queries")) Fixtures.copyTree(Path.of(folder), root.resolve(folder));
        Fixtures.copy("second-report", root); // its data/articles/<report>.txt and data/reports/<report>/
        config = Servers.config(root, root.resolve("store"));
        Stores.load(config);
    }

    private static List<Map<String, String>> rows(URI base, String pathAndQuery) throws Exception {
        var r = Http.get(base.resolve("queries/" + pathAndQuery), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        return Answered.rows(r.body());
    }

    private static Set<String> set(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String page(URI base, String path) throws Exception {
        var r = Http.get(base.resolve(path), "text/html");
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    @Test
    void eachFictionalPartysTargetsAreTheOnesTheReportNames() throws Exception {
        Servers.withServer(config, base -> {
            var norland = rows(base, "sanction-targets?party=" + encode(NORLAND));
            assertEquals(Set.of(ID + "ilse-varga", ID + "tomas-brenn"), set(norland, "target"));
            assertEquals(Set.of("2031-05-14"), set(norland, "date"));
            var ostmark = rows(base, "sanction-targets?party=" + encode(OSTMARK));
            assertEquals(Set.of(ID + "anika-holm"), set(ostmark, "target"));
            assertEquals(Set.of("2031-05-15"), set(ostmark, "date"));
            assertTrue(set(rows(base, "sanction-targets"), "party").containsAll(Set.of(ID + "european-union", NORLAND, OSTMARK)),
                    "both reports' parties in one answer");
        });
    }

    @Test
    void theFictionalResponseIsACountermeasureToTheFictionalSanctionsAndItsWordsAStatement() throws Exception {
        Servers.withServer(config, base -> {
            var holm = rows(base, "countermeasures").stream().filter(r -> r.get("target").equals(ID + "anika-holm")).toList();
            assertEquals(1, holm.size(), holm.toString());
            assertEquals(OSTMARK, holm.get(0).get("imposedBy"));
            assertEquals(SANCTIONS, holm.get(0).get("inResponseTo"));
            assertEquals("Ostmark travel ban on Anika Holm (fictional)", holm.get(0).get("restriction"));
            var said = rows(base, "statements").stream().filter(r -> r.get("speaker").equals(ID + "ostmark-foreign-ministry")).toList();
            assertEquals(List.of("an interference in our internal affairs."), said.stream().map(r -> r.get("quote")).toList());
        });
    }

    @Test
    void theFictionalEventsFollowTheRealOnesOnTheTimelineInTheirOrder() throws Exception {
        Servers.withServer(config, base -> {
            var from2031 = rows(base, "timeline?from=2031-01-01");
            assertEquals(List.of(DEBATE, SANCTIONS, RESPONSE), from2031.stream().map(r -> r.get("event")).distinct().toList());
            assertTrue(set(from2031, "actor").containsAll(Set.of(NORLAND, OSTMARK)), from2031.toString());
            var all = rows(base, "timeline");
            List<String> events = all.stream().map(r -> r.get("event")).toList();
            assertTrue(events.indexOf(ID + "eu-listing-2021-03-22") >= 0 && events.indexOf(ID + "eu-listing-2021-03-22") < events.indexOf(DEBATE),
                    "the real report's events come first: " + events);
        });
    }

    @Test
    void theRealReportsAnswersAreUnchanged() throws Exception {
        Servers.withServer(config, base -> {
            assertEquals(Set.of(ID + "united-states", ID + "european-union", ID + "united-kingdom", ID + "canada"),
                    set(rows(base, "sanctioning-parties"), "party"));
            assertEquals(Set.of("2021-03-22"), set(rows(base, "sanctioning-parties"), "date"));
        });
    }

    @Test
    void theHomePageTimelineShowsTheFictionalEventsAfterTheRealOnes() throws Exception {
        Servers.withServer(config, base -> {
            String home = page(base, "");
            int start = home.indexOf("<h2>Timeline</h2>");
            String timeline = home.substring(start, home.indexOf("</svg>", start));
            int real = timeline.indexOf(">22 Mar 2021<"), fictional = timeline.indexOf(">14 May 2031<");
            assertTrue(real > 0 && fictional > real, "both days, the real one first");
            assertTrue(timeline.indexOf(">15 May 2031<") > fictional, "the response the day after");
            assertTrue(timeline.contains("<title>" + Html.escape("Norland's sanctions of 14 May 2031 on two Ostmark officials (fictional)") + " — 14 May 2031"),
                    "the fictional measure by its label");
            assertTrue(timeline.contains("/id/norland-sanctions-2031-05-14\""), "linked to its page");
        });
    }

    @Test
    void theFictionalEntitiesHaveTheirPagesWithTheirSentencesInContext() throws Exception {
        Servers.withServer(config, base -> {
            assertTrue(page(base, "id/norland").contains("<h1>Republic of Norland</h1>"));
            String measure = page(base, "id/norland-sanctions-2031-05-14");
            assertTrue(measure.contains("<mark>Norland froze the assets of Interior Minister Ilse Varga and of Governor Tomas Brenn, and barred both from entering the country.</mark>"),
                    "the cited sentence highlighted in its paragraph of the fictional text");
            assertTrue(measure.contains("On 14 May 2031, the Republic of Norland imposed sanctions"), "with the rest of its paragraph");
            String report = page(base, "id/report-2031-05-14-norland-fictional");
            assertTrue(report.contains("Fictional: written as a test fixture"), "the report says it is fictional");
            String excerpt = page(base, "id/excerpt-2031-05-14-norland-fictional-06-interference");
            assertTrue(excerpt.contains("<mark>" + Html.escape("Its foreign ministry called Norland's move “an interference in our internal affairs.”") + "</mark>"), "an excerpt's own page");
        });
    }
}
