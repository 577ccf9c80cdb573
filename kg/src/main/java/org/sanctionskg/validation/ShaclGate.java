package org.sanctionskg.validation;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.sanctionskg.rdf.Source;

/** Validates the data against the SHACL shapes found among the sources; nothing is published past a violation. */
public final class ShaclGate {

    private ShaclGate() {}

    /** The sources that hold shapes (a node shape or a property shape). */
    public static List<Source> shapeSources(List<Source> sources) {
        return sources.stream().filter(s -> holdsShapes(s.graph())).toList();
    }

    /** Validates {@code data} against every shape in the sources. */
    public static ValidationReport validate(List<Source> sources, Graph data) {
        return ShaclValidator.get().validate(Shapes.parse(shapesGraph(sources)), data);
    }

    /** The union of every source that holds shapes. */
    public static Graph shapesGraph(List<Source> sources) {
        MultiUnion shapesGraph = new MultiUnion();
        shapeSources(sources).forEach(s -> shapesGraph.addGraph(s.graph()));
        return shapesGraph;
    }

    private static boolean holdsShapes(Graph g) {
        Node type = RDF.type.asNode();
        return g.contains(Node.ANY, type, SHACL.NodeShape) || g.contains(Node.ANY, type, SHACL.PropertyShape);
    }
}
