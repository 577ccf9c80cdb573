package org.sanctionskg.linkeddata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conneg matrix: every offered type against an entity, the ontology, an unknown IRI, and an unsupported type. */
class ContentNegotiationTest extends LoadedFixtureTest {
    /** Every type on offer, with the Jena language to read it back (none for HTML). */
    static final Map<String, Lang> OFFERED = Map.of("text/html", Lang.RDFNULL, "text/turtle", Lang.TURTLE,
            "application/ld+json", Lang.JSONLD11, "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
    static final String ENTITY = "id/official-x", ONTOLOGY = "ontology", UNKNOWN = "id/no-such-thing";


    @Test
    void everyOfferedTypeIsServedForEntityAndOntology() throws Exception {
        Servers.withServer(config, base -> {
            List<Executable> checks = new ArrayList<>();
            for (String path : List.of(ENTITY, ONTOLOGY))
                for (var offer : OFFERED.entrySet()) {
                    HttpResponse<String> r = Http.get(base.resolve(path), offer.getKey());
                    checks.add(() -> assertEquals(200, r.statusCode(), path + " as " + offer.getKey()));
                    checks.add(() -> assertTrue(contentType(r).startsWith(offer.getKey()), path + " as " + offer.getKey() + " came as " + contentType(r)));
                    checks.add(() -> assertEquals("Accept", r.headers().firstValue("Vary").orElse(""), "Vary on " + path));
                    checks.add(() -> assertTrue(r.headers().firstValue("ETag").isPresent(), "ETag on " + path));
                    checks.add(() -> assertTrue(r.headers().firstValue("Content-Location").orElse("").startsWith("/" + path + "?format="),
                            "Content-Location on " + path));
                    if (offer.getValue() != Lang.RDFNULL)
                        checks.add(() -> assertFalse(read(r.body(), offer.getValue(), base).isEmpty(), path + " as " + offer.getKey() + " parses"));
                }
            assertAll(checks);
        });
    }

    @Test
    void unknownIriIsA404ForEveryType() throws Exception {
        Servers.withServer(config, base -> {
            List<Executable> checks = new ArrayList<>();
            for (String type : OFFERED.keySet()) {
                HttpResponse<String> r = Http.get(base.resolve(UNKNOWN), type);
                checks.add(() -> assertEquals(404, r.statusCode(), "unknown IRI as " + type));
                checks.add(() -> assertEquals("Accept", r.headers().firstValue("Vary").orElse(""), "Vary on a 404"));
            }
            HttpResponse<String> page = Http.get(base.resolve(UNKNOWN), "text/html");
            checks.add(() -> assertTrue(page.body().contains("<h1>Not found"), "a 404 page for browsers"));
            assertAll(checks);
        });
    }

    @Test
    void unsupportedTypeIsA406ListingTheOffers() throws Exception {
        Servers.withServer(config, base -> {
            for (String path : List.of(ENTITY, ONTOLOGY, ".well-known/void")) {
                HttpResponse<String> r = Http.get(base.resolve(path), "image/png");
                assertEquals(406, r.statusCode(), path);
                assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
                for (String offer : OFFERED.keySet()) assertTrue(r.body().contains(offer), path + "'s 406 lists " + offer);
            }
            assertEquals(406, Http.get(base.resolve(ENTITY + "?format=png"), null).statusCode());
        });
    }

    @Test
    void browsersGetHtmlAndFormatOverridesAccept() throws Exception {
        Servers.withServer(config, base -> {
            String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
            assertTrue(contentType(Http.get(base.resolve(ENTITY), browser)).startsWith("text/html"));
            assertTrue(contentType(Http.get(base.resolve(ENTITY), "*/*")).startsWith("text/html"));
            assertTrue(contentType(Http.get(base.resolve(ENTITY), null)).startsWith("text/html"));
            for (var format : Map.of("ttl", "text/turtle", "jsonld", "application/ld+json", "nt", "application/n-triples",
                    "rdf", "application/rdf+xml", "html", "text/html").entrySet())
                assertTrue(contentType(Http.get(base.resolve(ENTITY + "?format=" + format.getKey()), browser)).startsWith(format.getValue()), format.getKey());
            assertTrue(contentType(Http.get(base.resolve(ENTITY), "text/turtle;q=0.5, application/n-triples")).startsWith("application/n-triples"));
        });
    }

    @Test
    void conditionalGetAndHeadAnswerWithoutABody() throws Exception {
        Servers.withServer(config, base -> {
            HttpResponse<String> first = Http.get(base.resolve(ENTITY), "text/turtle");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = Http.send(HttpRequest.newBuilder(base.resolve(ENTITY)).header("Accept", "text/turtle")
                    .header("If-None-Match", etag).GET().build());
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
            HttpResponse<String> html = Http.get(base.resolve(ENTITY), "text/html");
            assertFalse(etag.equals(html.headers().firstValue("ETag").orElse("")), "each variant has its own ETag");
            HttpResponse<String> head = Http.send(HttpRequest.newBuilder(base.resolve(ENTITY)).header("Accept", "text/turtle")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode());
            assertEquals(first.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"));
            assertEquals("", head.body());
        });
    }

    @Test
    void onlyGetHeadAndOptionsAreAllowed() throws Exception {
        Servers.withServer(config, base -> {
            for (String path : List.of(ENTITY, ONTOLOGY, ".well-known/void", "download/", "context.jsonld", "", "ui"))
                for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
                    // A fresh client each time: the server may close a connection after refusing a request with a body,
                    // and a pooled connection would then fail the next request for the client's reasons, not ours.
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                            .method(method, List.of("POST", "PUT", "PATCH").contains(method)
                                    ? HttpRequest.BodyPublishers.ofString("x") : HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(method.equals("OPTIONS") ? 204 : 405, r.statusCode(), method + " /" + path);
                    assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(""), method + " /" + path);
                }
        });
    }

    @Test
    void turtleAndJsonLdCarryEveryTripleOfTheEntity() throws Exception {
        Servers.withServer(config, base -> {
            Node entity = NodeFactory.createURI(LinkedFixture.ID + "official-x");
            String construct = "CONSTRUCT { <" + entity.getURI() + "> ?p ?o } WHERE { <" + entity.getURI() + "> ?p ?o }";
            Graph own = LinkedFixture.parse(Http.query(base, construct, "application/n-triples").body(), Lang.NTRIPLES);
            assertTrue(own.size() >= 8, "the fixture entity has its triples, entailed ones included: " + own.size());
            Graph turtle = read(Http.get(base.resolve(ENTITY), "text/turtle").body(), Lang.TURTLE, base);
            Graph jsonld = read(Http.get(base.resolve(ENTITY), "application/ld+json").body(), Lang.JSONLD11, base);
            own.find().forEachRemaining(t -> {
                assertTrue(turtle.contains(t), "Turtle has " + t);
                assertTrue(jsonld.contains(t), "JSON-LD has " + t);
            });
            String compacted = Http.get(base.resolve(ENTITY), "application/ld+json").body();
            assertTrue(compacted.contains("\"@context\": {") && !compacted.contains(Config.defaults().base() + "context.jsonld"),
                    "compacted with the published context, carried inline");
        });
    }

    static Graph read(String body, Lang lang, URI base) {
        return lang == Lang.JSONLD11 ? LinkedFixture.parseJsonLd(body) : LinkedFixture.parse(body, lang);
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }
}
