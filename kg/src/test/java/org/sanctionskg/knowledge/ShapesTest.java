package org.sanctionskg.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapesTest {

    private static final Path FIXTURES = Knowledge.TEST_RESOURCES.resolve("shapes");

    private static Graph shapesGraph() {
        return Knowledge.read(Knowledge.SHAPES).getGraph();
    }

    /** The shapes' IRIs: every named node or property shape of ontology/shapes.ttl. */
    private static List<String> shapeIris() {
        List<String> iris = Knowledge.select(Knowledge.read(Knowledge.SHAPES), """
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                SELECT ?s WHERE { VALUES ?k { sh:NodeShape sh:PropertyShape } ?s a ?k FILTER isIRI(?s) } ORDER BY ?s""")
                .stream().map(r -> r.getResource("s").getURI()).toList();
        assertTrue(iris.size() >= 15, "expected the shapes the issue asks for, got " + iris);
        return iris;
    }

    private static String localName(String iri) {
        return iri.substring(Knowledge.SHAPES_NS.length());
    }

    private static Set<String> sourceShapes(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::source)
                .filter(n -> n.isURI()).map(n -> n.getURI()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyShapeHasAStableIriInTheShapesNamespaceAndExactlyOneMessage() {
        for (String iri : shapeIris()) {
            assertTrue(iri.startsWith(Knowledge.SHAPES_NS), iri);
            List<QuerySolution> messages = Knowledge.select(Knowledge.read(Knowledge.SHAPES),
                    "PREFIX sh: <http://www.w3.org/ns/shacl#> SELECT ?m WHERE { <" + iri + "> sh:message ?m }");
            assertEquals(1, messages.size(), iri + " messages");
        }
    }

    @Test
    void theDataWithItsEntailmentsConformsToTheShapes() {
        Model data = Knowledge.served();
        assertTrue(data.size() > 2000, "the union holds " + data.size() + " triples");
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph()), data.getGraph());
        if (!report.conforms()) {
            ShLib.printReport(report);
        }
        assertTrue(report.conforms(), report.getEntries().size() + " violations, first: "
                + report.getEntries().stream().limit(5).map(Object::toString).toList());
    }

    @Test
    void everyShapeHasFocusNodesInTheRealDataSoConformanceIsNotVacuous() {
        Graph data = Knowledge.entailed().getGraph();
        Shapes shapes = Shapes.parse(shapesGraph());
        for (String iri : shapeIris()) {
            var shape = shapes.getShape(org.apache.jena.graph.NodeFactory.createURI(iri));
            assertTrue(shape != null, iri);
            assertFalse(VLib.focusNodes(data, shape).isEmpty(), iri + " selects nothing in the real data");
        }
    }

    @Test
    void everyFixtureBelongsToAShapeAndEveryShapeHasAValidAndAnInvalidFixture() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String iri : shapeIris()) {
            expected.add(localName(iri) + "-valid.ttl");
            expected.add(localName(iri) + "-invalid.ttl");
        }
        Set<String> actual;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            actual = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(actual.isEmpty(), "no fixtures in " + FIXTURES);
        assertEquals(expected, actual);
    }

    @TestFactory
    Stream<DynamicTest> eachShapeRejectsItsInvalidFixtureAndAcceptsItsValidOne() {
        Shapes shapes = Shapes.parse(shapesGraph());
        Model ontology = Knowledge.read(Knowledge.ONTOLOGY, Knowledge.CODE_LISTS);
        return shapeIris().stream().flatMap(iri -> Stream.of(
                DynamicTest.dynamicTest(localName(iri) + " rejects its invalid fixture", () -> {
                    ValidationReport report = validate(shapes, ontology, localName(iri) + "-invalid.ttl");
                    assertTrue(sourceShapes(report).contains(iri),
                            "no result from " + iri + "; results came from " + sourceShapes(report));
                }),
                DynamicTest.dynamicTest(localName(iri) + " accepts its valid fixture", () -> {
                    ValidationReport report = validate(shapes, ontology, localName(iri) + "-valid.ttl");
                    assertFalse(sourceShapes(report).contains(iri), () -> {
                        ShLib.printReport(report);
                        return "results from " + iri;
                    });
                })));
    }

    private static ValidationReport validate(Shapes shapes, Model ontology, String fixture) {
        Model fixtureModel = Knowledge.read(FIXTURES.resolve(fixture));
        assertFalse(fixtureModel.isEmpty(), fixture + " is empty");
        Model data = Knowledge.rdfsClosure(Knowledge.read().add(ontology).add(fixtureModel));
        return ShaclValidator.get().validate(shapes, data.getGraph());
    }
}
