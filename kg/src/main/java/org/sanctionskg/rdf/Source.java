package org.sanctionskg.rdf;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/** One parsed RDF file and the named graph it is published as. */
public record Source(Path file, Node graphName, Graph graph) {}
