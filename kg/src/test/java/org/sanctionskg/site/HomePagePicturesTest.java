package org.sanctionskg.site;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page's pictures drawn from the real knowledge in {@code data/}, read as a researcher would. */
class HomePagePicturesTest {
    @TempDir static Path tmp;
    static Config config;

    @BeforeAll
    static void load() {
        config = Servers.config(Path.of(""), tmp.resolve("store"));
        Stores.load(config);
    }

    @Test
    void the22MarchTimelineFollowsTheGraphsOrderingFacts() throws Exception {
        Servers.withServer(config, base -> {
            Map<String, Integer> ranks = ranks(SitePagesTest.svg(Http.get(base, "text/html").body(), "timeline"));
            // The report: the EU "was first to move", early Monday; China quickly responded; Blinken announced the US names at midday.
            int eu = ranks.get("/id/eu-listing-2021-03-22");
            assertEquals(1, eu, "the EU listing is first");
            for (String later : List.of("us-designation", "uk-listing", "canada-listing", "china-countermeasures"))
                assertTrue(eu < ranks.get("/id/" + later + "-2021-03-22"), later + " after the EU listing");
            String prefix = "PREFIX skg: <https://w3id.org/sanctions-kg/ontology#> ";
            List<String[]> facts = rows(base, prefix + "SELECT ?earlier ?later WHERE { "
                    + "{ ?later skg:after ?earlier } UNION { ?earlier skg:before ?later } ?earlier skg:date ?d . ?later skg:date ?d }");
            assertTrue(facts.size() >= 4, "the data states orders within a day");
            for (String[] f : facts) assertTrue(ranks.get(f[0]) < ranks.get(f[1]), f[0] + " before " + f[1]);
            List<String[]> times = rows(base, prefix + "SELECT ?early ?midday WHERE { ?early skg:timeOfDay \"early\"@en ; skg:date ?d . "
                    + "?midday skg:timeOfDay \"midday\"@en ; skg:date ?d }");
            assertFalse(times.isEmpty(), "the data has an early and a midday event on one day");
            for (String[] t : times) assertTrue(ranks.get(t[0]) < ranks.get(t[1]), t[0] + " (early) before " + t[1] + " (midday)");
        });
    }

    @Test
    void eachSanctioningPartyHasItsOwnColourAndEveryMarkSaysWhoListedWhomWhen() throws Exception {
        Servers.withServer(config, base -> {
            String matrix = SitePagesTest.svg(Http.get(base, "text/html").body(), "sanctions-matrix");
            Map<String, String> colours = new LinkedHashMap<>();
            Matcher party = Pattern.compile("<g class=\"node party\" data-color=\"([^\"]+)\"><title>([^<(]+) \\(").matcher(matrix);
            while (party.find()) colours.put(party.group(2), party.group(1));
            assertEquals(List.of("Canada", "European Union", "United Kingdom", "United States", "People&#39;s Republic of China"),
                    List.copyOf(colours.keySet()), "the four sanctioning parties, then China");
            assertEquals(colours.size(), colours.values().stream().distinct().count(), "a colour each: " + colours);
            assertTrue(matrix.contains("<title>EU sanctioned Chen Mingguo on 2021-03-22 (EU listing of 22 March 2021"), "the EU's mark on Chen Mingguo");
            assertTrue(matrix.contains("<title>US sanctioned Zhu Hailun on 2020-07-09 ("), "the US's earlier listing, dated");
            assertFalse(matrix.contains("<title>EU sanctioned Chen Quanguo"), "the report: Chen Quanguo is not on the EU list");
        });
    }

    /** The rows of a SELECT over /sparql, IRIs of the public namespace as local paths. */
    static List<String[]> rows(java.net.URI base, String query) throws Exception {
        return Http.query(base, query, "text/csv").body().lines().skip(1).map(l -> l.replace(config.base(), "/").split(",")).toList();
    }

    /** Each timeline event's page and its rank within its day (events the graph does not place are left out). */
    static Map<String, Integer> ranks(String timeline) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<g class=\"event\" data-rank=\"(\\d*)\">.*?<a href=\"([^\"]+)\">", Pattern.DOTALL).matcher(timeline);
        while (m.find()) if (!m.group(1).isEmpty()) ranks.put(m.group(2), Integer.valueOf(m.group(1)));
        assertFalse(ranks.isEmpty(), "ranked events on the timeline");
        return ranks;
    }
}
