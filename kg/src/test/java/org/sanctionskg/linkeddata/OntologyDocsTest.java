package org.sanctionskg.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /ontology: documentation generated from the ontology, and the ontology itself by Accept. */
class OntologyDocsTest extends LoadedFixtureTest {

    @Test
    void documentsEveryTermWithItsDefinitionHierarchyAndAlignments() throws Exception {
        Servers.withServer(config, base -> {
            String page = Http.get(base.resolve("ontology"), "text/html").body();
            for (String term : new String[] {"Agent", "State", "Person", "Event", "RestrictiveMeasure", "SanctionsDesignation",
                    "Countermeasure", "Excerpt", "Report", "imposedBy", "imposed", "targets", "inResponseTo", "citesExcerpt", "date"})
                assertTrue(page.contains("id=\"" + term + "\""), "a section for skg:" + term);
            String state = section(page, "State");
            assertTrue(state.contains("A country acting as a party."), "the comment");
            assertTrue(state.contains("<a href=\"/ontology#Agent\""), "the superclass, linked to its section");
            String imposedBy = section(page, "imposedBy");
            assertTrue(imposedBy.contains("Domain") && imposedBy.contains(">restrictive measure</a>"), "the domain by label");
            assertTrue(imposedBy.contains("Range") && imposedBy.contains(">agent</a>"), "the range by label");
            assertTrue(imposedBy.contains("Inverse of") && imposedBy.contains(">imposed</a>"), "the inverse, declared on the other side");
            assertTrue(section(page, "citesExcerpt").contains(">prov:wasDerivedFrom</a>"), "the PROV alignment");
            String date = section(page, "date");
            assertTrue(date.contains(">skos:closeMatch</a>") && date.contains(">wdt:P585</a>"), "the Wikidata close match");
            assertTrue(page.contains("9.9.9"), "the version");
        });
    }

    @Test
    void ontologyComesAsRdfByAcceptAndAtItsVersionIri() throws Exception {
        Servers.withServer(config, base -> {
            Graph file = GraphFactory.createDefaultGraph();
            RDFParser.source(config.ontologyDir().resolve("sanctions-kg.ttl")).parse(file);
            for (var type : java.util.Map.of("text/turtle", Lang.TURTLE, "application/rdf+xml", Lang.RDFXML, "application/ld+json", Lang.JSONLD11).entrySet()) {
                String body = Http.get(base.resolve("ontology"), type.getKey()).body();
                Graph served = ContentNegotiationTest.read(body, type.getValue(), base);
                assertTrue(served.isIsomorphicWith(file), "the ontology file, exactly, as " + type.getKey());
            }
            assertEquals(200, Http.get(base.resolve("ontology/9.9.9"), "text/turtle").statusCode(), "the version IRI dereferences");
            assertEquals(404, Http.get(base.resolve("ontology/1.0.0"), "text/turtle").statusCode(), "an unknown version does not");
        });
    }

    @Test
    void contextNamesEveryTermOfTheOntology() throws Exception {
        Servers.withServer(config, base -> {
            var r = Http.get(base.resolve("context.jsonld"), null);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
            assertTrue(r.body().contains("\"imposedBy\": {"), "object properties are typed @id");
            assertTrue(r.body().contains("\"date\": \"skg:date\""), "datatype properties are plain");
            assertTrue(r.body().contains("\"skg\": \"" + Config.defaults().base() + "ontology#\""));
        });
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        return page.substring(start, page.indexOf("</section>", start));
    }
}
