package org.sanctionskg.rdf;

import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The documented IRIs of the store's named graphs. */
public final class GraphNames {
    public static final String NS = SKG.BASE + "graph/";
    /** Entailments materialized at load time. */
    public static final Node ENTAILMENTS = NodeFactory.createURI(NS + "entailments");
    /** The canned queries as sparql-examples, generated at load from {@code queries/}. */
    public static final Node EXAMPLES = NodeFactory.createURI(NS + "sparql-examples");

    private GraphNames() {}

    /** {@code ontology/sanctions-kg.ttl} becomes {@code <…/graph/ontology/sanctions-kg>}. */
    public static Node forSource(Path relative) {
        String path = relative.toString().replace('\\', '/');
        if (path.endsWith(".gz")) path = path.substring(0, path.length() - 3);
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) path = path.substring(0, dot);
        return NodeFactory.createURI(NS + path);
    }
}
