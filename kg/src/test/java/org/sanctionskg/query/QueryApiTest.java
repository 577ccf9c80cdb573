package org.sanctionskg.query;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctionskg.query.Answered.column;
import static org.sanctionskg.query.Answered.rows;
import static org.sanctionskg.testing.Http.encode;

class QueryApiTest {
    private static final String JSON_RESULTS = "application/sparql-results+json";
    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = QueryFixture.load(root);
    }

    private static HttpResponse<String> get(URI base, String path, String accept) throws Exception {
        return Http.get(base.resolve(path), accept);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String mention) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(mention), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void theCatalogueIsJsonForProgramsAndHtmlForBrowsers() throws Exception {
        Servers.withServer(config, base -> {
            JsonArray list = JSON.parseAny(get(base, "queries", "application/json").body()).getAsArray();
            assertEquals(6, list.size());
            JsonObject measures = list.stream().map(v -> v.getAsObject())
                    .filter(o -> o.getString("name").equals("measures-on-day")).findFirst().orElseThrow();
            assertEquals("Which measures were imposed on a day, and by whom?", measures.getString("title"));
            assertEquals("/queries/measures-on-day?date=2021-03-22", measures.getString("url"));
            JsonObject date = measures.get("parameters").getAsArray().get(0).getAsObject();
            assertEquals("date", date.getString("name"));
            assertEquals("date", date.getString("type"));
            assertEquals("2021-03-22", date.getString("default"));
            assertFalse(date.get("required").getAsBoolean().value());

            HttpResponse<String> page = get(base, "queries", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("<a href=\"/queries/measures-on-day?date=2021-03-22\">measures-on-day</a>"), page.body());
        });
    }

    @Test
    void aCannedQueryRunsWithItsDefaultParameters() throws Exception {
        Servers.withServer(config, base -> {
            var rows = rows(get(base, "queries/measures-on-day", JSON_RESULTS).body());
            assertEquals(List.of("https://example.org/id/s1", "https://example.org/id/s2"), column(rows, "measure"));
            assertEquals(List.of("Alpha", "Beta"), column(rows, "partyLabel"));
            assertEquals(List.of("2021-03-22", "2021-03-22"), column(rows, "date"));
            assertTrue(rows(get(base, "queries/measures-on-day?date=2020-07-09", JSON_RESULTS).body()).isEmpty());
        });
    }

    @Test
    void anIriParameterIsBoundAsATermNotSpliced() throws Exception {
        Servers.withServer(config, base -> {
            assertEquals(List.of("Gamma", "Delta"), column(rows(get(base, "queries/targets", JSON_RESULTS).body()), "targetLabel"));
            assertEquals(List.of("Gamma"), column(rows(get(base, "queries/targets?party=id:alpha", JSON_RESULTS).body()), "targetLabel"));
            var beta = rows(get(base, "queries/targets?party=" + encode("https://example.org/id/beta"), JSON_RESULTS).body());
            assertEquals(List.of(Map.of("party", "https://example.org/id/beta", "target", "https://example.org/id/delta",
                    "targetLabel", "Delta")), beta);
        });
    }

    @Test
    void anAbsentOptionalParameterLeavesItsVariableUnboundAndAGivenOneFilters() throws Exception {
        Servers.withServer(config, base -> {
            assertEquals(1, rows(get(base, "queries/labelled?label=Alpha", JSON_RESULTS).body()).size());
            assertEquals(1, rows(get(base, "queries/labelled?label=Alpha&minLength=5", JSON_RESULTS).body()).size());
            assertEquals(0, rows(get(base, "queries/labelled?label=Alpha&minLength=6", JSON_RESULTS).body()).size());
        });
    }

    @Test
    void aMissingIllTypedOrUnknownParameterIsA400NamingIt() throws Exception {
        Servers.withServer(config, base -> {
            assertRefused(get(base, "queries/labelled", null), 400, "parameter 'label': is required");
            assertRefused(get(base, "queries/measures-on-day?date=yesterday", null), 400, "parameter 'date': not a date");
            assertRefused(get(base, "queries/measures-on-day?date=2021-03-23", null), 400, "parameter 'date': must be one of");
            assertRefused(get(base, "queries/labelled?label=A&colour=red", null), 400, "parameter 'colour': unknown; labelled takes label, minLength");
            assertRefused(get(base, "queries/labelled?label=A&label=B", null), 400, "parameter 'label': given 2 times");
            assertRefused(get(base, "queries/labelled?label=A&minLength=many", null), 400, "parameter 'minLength': not a whole number");
            assertRefused(get(base, "queries/targets?party=wd:Q148", null), 400, "nor a prefixed name with one of the query's prefixes [ex:, id:, rdfs:]");
        });
    }

    @Test
    void anInjectionAttemptIsA400NeverADifferentQuery() throws Exception {
        Servers.withServer(config, base -> {
            String escape = "https://example.org/id/alpha> . } UNION { ?measure ?p ?party . ?party ?q ?target . ?target ?r ?targetLabel";
            assertRefused(get(base, "queries/targets?party=" + encode(escape), null), 400, "parameter 'party'");
            assertRefused(get(base, "queries/measures-on-day?date=" + encode("2021-03-22\"^^<x> } UNION { ?a ?b ?c"), null), 400, "parameter 'date'");
            String literal = "Alpha\" } UNION { ?thing ?p ?label } #";
            HttpResponse<String> r = get(base, "queries/labelled?label=" + encode(literal), JSON_RESULTS);
            assertEquals(200, r.statusCode());
            assertTrue(rows(r.body()).isEmpty(), "the text is one literal that labels nothing: " + r.body());
        });
    }

    @Test
    void anUnknownQueryIsA404() throws Exception {
        Servers.withServer(config, base -> {
            assertRefused(get(base, "queries/nothing-here", null), 404, "no canned query 'nothing-here'");
            assertRefused(get(base, "queries/targets/more", null), 404, "no such page");
        });
    }

    @Test
    void tablesComeAsJsonXmlCsvTsvOrHtmlByAcceptOrFormat() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> csv = get(base, "queries/measures-on-day", "text/csv");
            assertTrue(csv.body().startsWith("measure,measureLabel,party,partyLabel,date\r\n"), csv.body());
            assertEquals("Accept", csv.headers().firstValue("Vary").orElseThrow());
            assertTrue(get(base, "queries/measures-on-day?format=tsv", null).body().startsWith("?measure\t?measureLabel"));
            HttpResponse<String> xml = get(base, "queries/measures-on-day?format=xml", "text/csv");
            assertTrue(xml.headers().firstValue("Content-Type").orElseThrow().startsWith("application/sparql-results+xml"));
            assertTrue(xml.body().contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"));
            assertTrue(get(base, "queries/measures-on-day", null).headers().firstValue("Content-Type").orElseThrow().startsWith(JSON_RESULTS));
            HttpResponse<String> html = get(base, "queries/measures-on-day", "text/html");
            assertTrue(html.body().contains("<th>partyLabel</th>") && html.body().contains("2 rows"), html.body());
            assertRefused(get(base, "queries/measures-on-day", "image/png"), 406, "available: json");
            assertRefused(get(base, "queries/measures-on-day?format=ttl", null), 406, "format 'ttl' is not offered");
        });
    }

    @Test
    void graphsComeAsTurtleJsonLdNTriplesOrHtml() throws Exception {
        Servers.withServer(config, base -> {
            for (var f : Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD, "application/n-triples", Lang.NTRIPLES).entrySet()) {
                HttpResponse<String> r = get(base, "queries/sanctions-graph", f.getKey());
                assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(f.getKey()));
                Graph g = GraphFactory.createDefaultGraph();
                RDFParser.fromString(r.body(), f.getValue()).parse(g);
                assertEquals(6, g.size(), f.getKey() + ": " + r.body());
            }
            Graph alpha = GraphFactory.createDefaultGraph();
            RDFParser.fromString(get(base, "queries/sanctions-graph?format=nt&party=id:alpha", null).body(), Lang.NTRIPLES).parse(alpha);
            assertEquals(3, alpha.size());
            assertTrue(get(base, "queries/sanctions-graph?format=html", null).body().contains("6 triples"));
            assertRefused(get(base, "queries/sanctions-graph", "text/csv"), 406, "available: ttl");
        });
    }

    @Test
    void anAskQueryAnswersYesOrNo() throws Exception {
        Servers.withServer(config, base -> {
            assertTrue(get(base, "queries/has-sanctioned?party=id:alpha", null).body().contains("\"boolean\" : true"));
            assertTrue(get(base, "queries/has-sanctioned?party=id:gamma", null).body().contains("\"boolean\" : false"));
            assertRefused(get(base, "queries/has-sanctioned", null), 400, "parameter 'party': is required");
        });
    }

    @Test
    void answersCarryAnEtagAndARepeatWithIfNoneMatchIs304() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> first = get(base, "queries/measures-on-day", JSON_RESULTS);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(first.headers().firstValue("Cache-Control").orElseThrow().contains("max-age="));
            HttpResponse<String> again = Http.send(HttpRequest.newBuilder(base.resolve("queries/measures-on-day"))
                    .header("Accept", JSON_RESULTS).header("If-None-Match", etag).build());
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
            assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
            assertNotEquals(etag, get(base, "queries/measures-on-day", "text/csv").headers().firstValue("ETag").orElseThrow());
            assertNotEquals(etag, get(base, "queries/measures-on-day?date=2020-07-09", JSON_RESULTS).headers().firstValue("ETag").orElseThrow());
            assertEquals(etag, get(base, "queries/measures-on-day?date=2021-03-22", JSON_RESULTS).headers().firstValue("ETag").orElseThrow(),
                    "the default and the same value given are one answer");
        });
    }

    @Test
    void onlyGetHeadAndOptionsAreAllowed() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> head = Http.send(HttpRequest.newBuilder(base.resolve("queries/measures-on-day"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode());
            assertTrue(head.headers().firstValue("ETag").isPresent());
            HttpResponse<String> post = Http.send(HttpRequest.newBuilder(base.resolve("queries/measures-on-day"))
                    .POST(HttpRequest.BodyPublishers.ofString("date=2021-03-22")).header("Content-Type", "application/x-www-form-urlencoded").build());
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElseThrow());
        });
    }

    @Test
    void requestValuesAreEscapedInHtml() throws Exception {
        Servers.withServer(config, base -> {
            String body = get(base, "queries/labelled?label=" + encode("<script>alert(1)</script>"), "text/html").body();
            assertTrue(body.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), body);
            assertFalse(body.contains("<script>"), body);
        });
    }
}
