package org.sanctionskg.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine-readable descriptions of the canned queries: OpenAPI 3.1 and SIB sparql-examples. */
class PublishedDescriptionsTest {
    /** The SIB sparql-examples checks, as SHACL: one query text, a comment, a target endpoint. */
    private static final String EXAMPLE_SHAPE = """
            PREFIX sh: <http://www.w3.org/ns/shacl#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            PREFIX spex: <https://purl.expasy.org/sparql-examples/ontology#>
            [] a sh:NodeShape ; sh:targetClass sh:SPARQLExecutable ;
              sh:property [ sh:path [ sh:alternativePath ( sh:select sh:ask sh:construct spex:describe ) ] ; sh:minCount 1 ; sh:maxCount 1 ] ;
              sh:property [ sh:path rdfs:comment ; sh:minCount 1 ; sh:datatype rdf:langString ] ;
              sh:property [ sh:path schema:target ; sh:minCount 1 ; sh:nodeKind sh:IRI ] .
            """;

    @TempDir static Path root;
    static Config config;

    @BeforeAll
    static void load() {
        config = QueryFixture.load(root);
    }

    private static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIV3Parser().readContents(json, List.of(), options);
    }

    @Test
    void theOpenApiDocumentValidatesAsOpenApi31WithOneOperationPerQuery() throws Exception {
        Servers.withServer(config, base -> {
            String json = Http.get(base.resolve("queries/openapi.json"), null).body();
            SwaggerParseResult result = parse(json);
            assertEquals(List.of(), result.getMessages());
            OpenAPI api = result.getOpenAPI();
            assertEquals(SpecVersion.V31, api.getSpecVersion());
            assertEquals(7, api.getPaths().size(), "the catalogue and six queries");
            Operation day = api.getPaths().get("/queries/measures-on-day").getGet();
            assertEquals("Which measures were imposed on a day, and by whom?", day.getSummary());
            Parameter date = day.getParameters().get(0);
            assertEquals("date", date.getName());
            assertEquals("date", date.getSchema().getFormat());
            assertEquals(List.of("2021-03-22", "2020-07-09"), date.getSchema().getEnum().stream().map(String::valueOf).toList());
            assertEquals("2021-03-22", String.valueOf(date.getExample()));
            assertTrue(day.getResponses().get("200").getContent().containsKey("text/csv"));
            Operation graph = api.getPaths().get("/queries/sanctions-graph").getGet();
            assertTrue(graph.getResponses().get("200").getContent().containsKey("text/turtle"));
            assertNotNull(api.getPaths().get("/queries/wikidata-label").getGet().getResponses().get("502"));
            String ref = day.getResponses().get("200").getContent().get("application/sparql-results+json").getSchema().get$ref();
            assertEquals("#/components/schemas/measures-on-day-results", ref);
            Schema<?> head = (Schema<?>) api.getComponents().getSchemas().get("measures-on-day-results").getProperties().get("head");
            Schema<?> vars = head.getProperties().get("vars");
            assertEquals(List.of("measure", "measureLabel", "party", "partyLabel", "date"), vars.getItems().getEnum(), "the query's own columns");
            assertEquals("CC-BY-4.0", api.getInfo().getLicense().getIdentifier());
            var security = org.apache.jena.atlas.json.JSON.parse(json).get("security"); // the parser reads [] as absent
            assertTrue(security.isArray() && security.getAsArray().isEmpty(), "explicitly no security: public and read-only");
        });
    }

    @Test
    void theExamplesAreQueryableFromTheEndpointInTheirOwnNamedGraph() throws Exception {
        Servers.withServer(config, base -> {
            String q = "SELECT ?label { GRAPH <" + GraphNames.EXAMPLES.getURI() + "> { ?ex a sh:SPARQLExecutable ; rdfs:label ?label } } ORDER BY ?label";
            var r = Http.query(base, q, "text/csv"); // sh: and rdfs: are predeclared
            assertEquals(200, r.statusCode(), r.body());
            List<String> rows = r.body().lines().skip(1).toList();
            assertEquals(6, rows.size(), r.body());
            assertTrue(rows.contains("\"Which measures were imposed on a day, and by whom?\""), r.body());
            var examples = Http.get(base.resolve(".well-known/sparql-examples"), "application/n-triples").body();
            Model served = ModelFactory.createDefaultModel();
            RDFParser.fromString(examples, Lang.NTRIPLES).parse(served);
            var stored = Http.query(base, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + GraphNames.EXAMPLES.getURI() + "> { ?s ?p ?o } }", "application/n-triples");
            Model loaded = ModelFactory.createDefaultModel();
            RDFParser.fromString(stored.body(), Lang.NTRIPLES).parse(loaded);
            assertTrue(served.isIsomorphicWith(loaded), "the graph loaded is the one served at /.well-known/sparql-examples");
        });
    }

    @Test
    void theValidatorRejectsABrokenDocument() {
        assertFalse(parse("{\"openapi\": \"3.1.0\", \"paths\": {\"/x\": {\"get\": {\"responses\": 7}}}}").getMessages().isEmpty());
    }

    @Test
    void everyQueryIsPublishedAsASparqlExampleOfTheEndpoint() throws Exception {
        Servers.withServer(config, base -> {
            var r = Http.get(base.resolve(".well-known/sparql-examples"), "text/turtle");
            assertEquals(200, r.statusCode());
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
            List<Resource> examples = m.listSubjectsWithProperty(RDF.type, m.createResource(SparqlExamples.SH + "SPARQLExecutable")).toList();
            assertEquals(6, examples.size());
            String site = config.base(); // every IRI from the configured base, never from the request's Host
            Resource day = m.createResource(site + "queries/measures-on-day");
            assertTrue(m.contains(day, RDF.type, m.createResource(SparqlExamples.SH + "SPARQLSelectExecutable")));
            assertTrue(m.contains(day, m.createProperty(SparqlExamples.SCHEMA + "target"), m.createResource(site + "sparql")));
            assertEquals("Which measures were imposed on a day, and by whom?", day.getProperty(RDFS.label).getString(), "the summary");
            assertEquals("en", day.getProperty(RDFS.label).getLanguage());
            assertFalse(day.getProperty(RDFS.comment).getString().startsWith("Which measures"), "the description alone, not run into the summary");
            String text = day.getProperty(m.createProperty(SparqlExamples.SH + "select")).getString();
            assertFalse(text.contains("#+"));
            QueryFactory.create(text);
            assertTrue(m.contains(m.createResource(site + "queries/sanctions-graph"), RDF.type,
                    m.createResource(SparqlExamples.SH + "SPARQLConstructExecutable")));
            Graph shapes = RDFParser.fromString(EXAMPLE_SHAPE, Lang.TURTLE).toGraph();
            ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapes), m.getGraph());
            assertTrue(report.conforms(), () -> report.getEntries().toString());
            day.removeAll(m.createProperty(SparqlExamples.SCHEMA + "target"));
            assertFalse(ShaclValidator.get().validate(Shapes.parse(shapes), m.getGraph()).conforms(), "the shape checks something");
        });
    }
}
