package org.sanctionskg.linkeddata;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a resource page and a resource description hold, and what they must never let through. */
class ResourcePageTest extends LoadedFixtureTest {

    @Test
    void pageNamesEverythingByLabelAndLinksLocally() throws Exception {
        Servers.withServer(config, base -> {
            String page = html(base, "id/official-x");
            assertTrue(page.contains("<h1>Official X</h1>"), "the label is the title");
            assertTrue(page.contains(">person</a>"), "types by label");
            assertTrue(page.contains(">cites excerpt</a>"), "properties by label");
            assertTrue(page.contains("<a href=\"/id/excerpt/s1\""), "objects in our namespace link to this server");
            assertTrue(page.contains(">Alphaland&#39;s sanctions of 22 March 2021</a>"), "incoming links by label");
            assertTrue(page.contains("Referenced by"));
            assertTrue(page.contains("<sup title=\"entailed\">e</sup>"), "entailed statements are marked");
            String state = html(base, "id/alphaland");
            assertTrue(state.contains("href=\"http://www.wikidata.org/entity/Q1001\""), "the Wikidata link");
        });
    }

    @Test
    void excerptIsHighlightedWithinItsParagraph() throws Exception {
        Servers.withServer(config, base -> {
            String page = html(base, "id/official-x");
            assertTrue(page.contains("<blockquote><mark>Alphaland said it would freeze the assets of Official X.</mark> Betania was not amused.</blockquote>"),
                    "the sentence, highlighted, in its paragraph (offsets are code points; a non-BMP character precedes it)");
            assertFalse(page.contains("The 𝔘nion watched closely"), "only its own paragraph");
            String excerpt = html(base, "id/excerpt/s3");
            assertTrue(excerpt.contains("<mark>The trouble goes back to 1989.</mark></blockquote>"), "an excerpt's own page shows it in context");
        });
    }

    @Test
    void literalsAndIrisFromTheDataAreEscaped() throws Exception {
        Servers.withServer(config, base -> {
            String page = html(base, "id/official-x");
            assertTrue(page.contains("Known in the test data as &lt;script&gt;alert(1)&lt;/script&gt; &amp; co."), "markup shows as text");
            assertFalse(page.contains("<script>alert(1)"), "no markup from the data");
            assertFalse(page.contains("href=\"javascript:"), "a javascript: IRI is never a link");
            assertTrue(page.contains("javascript:alert(2)"), "but it is shown");
        });
    }

    @Test
    void descriptionIsBoundedAndCarriesTheSupportingExcerpts() throws Exception {
        Servers.withServer(config, base -> {
            Graph d = LinkedFixture.parse(Http.get(base.resolve("id/alpha-sanctions"), "application/n-triples").body(), Lang.NTRIPLES);
            Node measure = iri("alpha-sanctions"), excerpt = iri("excerpt/s1");
            assertTrue(d.contains(measure, Node.ANY, iri("official-x")), "its own triples");
            assertTrue(d.contains(Node.ANY, Node.ANY, measure), "incoming links (the countermeasure responds to it)");
            assertTrue(d.contains(excerpt, OA.hasSelector.asNode(), NodeFactory.createURI(excerpt.getURI() + "#quote")), "the excerpt and its selectors");
            assertTrue(d.contains(NodeFactory.createURI(excerpt.getURI() + "#quote"), OA.exact.asNode(), Node.ANY), "the quote");
            assertTrue(d.contains(iri("alphaland"), org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY), "neighbours' labels");
            assertFalse(d.contains(iri("alphaland"), OWL2.sameAs.asNode(), Node.ANY), "but not the neighbours' descriptions");
            assertFalse(d.contains(iri("betania"), Node.ANY, Node.ANY), "nor resources two steps away");
        });
    }

    @Test
    void unsafeOrUnknownPathsFindNothing() throws Exception {
        Servers.withServer(config, base -> {
            for (String path : List.of("id/", "id/official-x/", "id//official-x", "id/official-x/..", "id/%2e%2e/download/sanctions-kg.ttl",
                    "id/..%2Fdownload%2Fsanctions-kg.ttl", "download/..%2Fmanifest.properties", "download/tdb2", "download/articles",
                    "download/../manifest.properties", "ui/../../manifest.properties", "ontology/..%2F..%2Fmanifest.properties")) {
                HttpResponse<String> r = Http.get(URI.create(base + path), "text/html");
                assertTrue(r.statusCode() >= 400 || r.body().contains("<h1>sanctions-kg</h1>"), path + " → " + r.statusCode());
                assertFalse(r.body().contains("sanctions-kg build"), path + " must not reach the build folder");
            }
        });
    }

    @Test
    void downloadsIndexIsAPageNotAFolderListing() throws Exception {
        Servers.withServer(config, base -> {
            String index = html(base, "download/");
            assertTrue(index.contains("sanctions-kg.nq.gz.sha256"));
            assertFalse(index.contains("tdb2") || index.contains("manifest"), "only the published files are named");
            assertNotEquals(200, Http.get(base.resolve("download/void.ttl.sha256"), null).statusCode());
        });
    }

    private static String html(URI base, String path) throws Exception {
        HttpResponse<String> r = Http.get(base.resolve(path), "text/html");
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private static Node iri(String slug) {
        return NodeFactory.createURI(LinkedFixture.ID + slug);
    }
}
