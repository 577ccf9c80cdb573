package org.sanctionskg.site;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.DatasetDescription;
import org.sanctionskg.linkeddata.LinkedFixture;
import org.sanctionskg.linkeddata.LoadedFixtureTest;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page and the query editor, over HTTP. */
class SitePagesTest extends LoadedFixtureTest {

    @Test
    void homePageHasCountsLinksAndTwoPicturesDrawnFromTheData() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> r = Http.get(base, "text/html");
            assertEquals(200, r.statusCode());
            String page = r.body();
            assertEquals(2, count(page, "<svg "), "two inline pictures");
            for (String link : List.of("/ui", "/queries", "/ontology", "/.well-known/void", "/download/", "/sparql"))
                assertTrue(page.contains("href=\"" + link + "\""), "links to " + link);
            Graph description = LinkedFixture.parse(Http.get(base.resolve(".well-known/void"), "text/turtle").body(), Lang.TURTLE);
            Node triples = description.find(NodeFactory.createURI(DatasetDescription.datasetIri(Config.defaults().base())), VOID.triples.asNode(), Node.ANY)
                    .next().getObject();
            assertTrue(page.contains("<th>triples</th><td>" + String.format("%,d", ((Number) triples.getLiteralValue()).longValue()) + "</td>"),
                    "the description's count");

            String timeline = svg(page, "timeline");
            assertTrue(timeline.contains(">1989</text>") && timeline.contains(">22 Mar 2021</text>"), "from 1989 to 22 March 2021");
            assertTrue(timeline.indexOf("The old trouble") < timeline.indexOf("Alphaland&#39;s sanctions"), "oldest first");
            assertTrue(timeline.contains("32 years"), "the skipped years are marked");
            assertTrue(timeline.contains("<a href=\"/id/old-trouble\">"), "events link to their pages");

            String matrix = svg(page, "sanctions-matrix");
            for (String name : List.of("Alphaland", "Official X", "Betania", "A critic")) assertTrue(matrix.contains(">" + name + "</text>"), name);
            assertTrue(matrix.contains("<title>Alphaland sanctioned Official X on 2021-03-22 (Alphaland&#39;s sanctions of 22 March 2021)</title>"), "the sanction");
            assertTrue(matrix.contains("<title>Betania took countermeasures against A critic on 2021-03-22 (Betania&#39;s countermeasures)</title>"), "the countermeasure");
        });
    }

    @Test
    void everyMarkPartyTargetAndEventOfThePicturesHasATitle() throws Exception {
        Servers.withServer(config, base -> {
            String page = Http.get(base, "text/html").body();
            String matrix = svg(page, "sanctions-matrix"), timeline = svg(page, "timeline");
            assertEquals(2, count(matrix, "<g class=\"edge\""), "one mark per measure and target");
            assertEquals(2, count(matrix, "<g class=\"node party\""), "one column per party");
            assertEquals(2, count(matrix, "<g class=\"node target\""), "one row per target");
            assertEquals(3, count(timeline, "<g class=\"event\""), "one row per dated event");
            for (String svg : List.of(matrix, timeline)) {
                Matcher groups = Pattern.compile("<g class=\"(?:edge|node [a-z]+|event)\"[^>]*>(.{0,7})").matcher(svg);
                while (groups.find()) assertEquals("<title>", groups.group(1), "a tooltip first in " + groups.group());
                assertFalse(svg.contains("<title></title>"), "no empty tooltip");
            }
        });
    }

    @Test
    void twoPartiesGetDifferentColoursAndTheirMarksWearThem() throws Exception {
        Servers.withServer(config, base -> {
            String matrix = svg(Http.get(base, "text/html").body(), "sanctions-matrix");
            Matcher parties = Pattern.compile("<g class=\"node party\" data-color=\"([^\"]+)\"><title>([A-Za-z]+) ").matcher(matrix);
            java.util.Map<String, String> colour = new java.util.HashMap<>();
            while (parties.find()) colour.put(parties.group(2), parties.group(1));
            assertEquals(java.util.Set.of("Alphaland", "Betania"), colour.keySet());
            assertFalse(colour.get("Alphaland").equals(colour.get("Betania")), "different colours: " + colour);
            assertTrue(matrix.contains("<g class=\"edge\" data-color=\"" + colour.get("Alphaland") + "\"><title>Alphaland sanctioned"), "Alphaland's mark in its colour");
            assertTrue(matrix.contains("<g class=\"edge\" data-color=\"" + colour.get("Betania") + "\"><title>Betania took"), "Betania's mark in its colour");
        });
    }

    @Test
    void queryEditorPreloadsTheCannedQueriesAndLoadsNothingFromElsewhere() throws Exception {
        Servers.withServer(config, base -> {
            String page = Http.get(base.resolve("ui"), "text/html").body();
            assertTrue(page.contains("data-index=\"0\" title=\"Who imposed which measure?\">who-imposed</button>"), "the canned query, by name and summary");
            assertTrue(page.contains("Labels are language-tagged: match a label as <code>\"Chen Quanguo\"@en</code>"), "the @en hint");
            assertTrue(page.contains("\"name\":\"who-imposed\""), "its text goes to the editor");
            Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
            while (assets.find()) assertTrue(assets.group(1).startsWith("/") || assets.group(1).startsWith("#"), "local only: " + assets.group(1));
            for (String asset : List.of("ui/yasgui.min.js", "ui/yasgui.min.css", "ui/chart.js", "ui/ui.js")) {
                HttpResponse<String> r = Http.get(base.resolve(asset), null);
                assertEquals(200, r.statusCode(), asset);
                assertTrue(r.body().length() > 1000, asset);
            }
        });
    }

    @Test
    void scriptSafeJsonCannotCloseItsScriptElement() {
        assertEquals("{\"q\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u0026\"}",
                QueryUi.scriptSafe("{\"q\":\"</script><script>alert(1)&\"}"));
    }

    static String svg(String page, String id) {
        int start = page.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\"");
        assertTrue(start >= 0, "an SVG with id " + id);
        return page.substring(start, page.indexOf("</svg>", start));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
