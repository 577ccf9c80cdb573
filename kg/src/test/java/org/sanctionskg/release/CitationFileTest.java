package org.sanctionskg.release;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.sanctionskg.rdf.SKG;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code CITATION.cff} parses as CFF 1.2.0 describing the dataset, at the ontology's version. */
class CitationFileTest {
    private static final Path CFF = Path.of("CITATION.cff");

    @Test
    void citationFileDescribesTheDatasetAtTheOntologysVersion() throws Exception {
        Map<String, Object> cff;
        try (Reader r = Files.newBufferedReader(CFF, StandardCharsets.UTF_8)) {
            cff = new Yaml().load(r);
        }
        assertEquals("1.2.0", cff.get("cff-version"));
        assertEquals("dataset", cff.get("type"));
        assertEquals("CC-BY-4.0", cff.get("license"));
        for (String key : List.of("message", "title", "url", "repository")) assertFalse(String.valueOf(cff.getOrDefault(key, "")).isBlank(), key);
        assertFalse(((List<?>) cff.get("authors")).isEmpty(), "authors");
        String version = ontologyVersion();
        assertEquals(version, cff.get("version"), "the ontology's owl:versionInfo");

        @SuppressWarnings("unchecked")
        Map<String, Object> preferred = (Map<String, Object>) cff.get("preferred-citation");
        assertEquals("data", preferred.get("type"));
        assertEquals(cff.get("title"), preferred.get("title"));
        assertEquals(version, preferred.get("version"));
        assertEquals("CC-BY-4.0", preferred.get("license"));
        assertFalse(((List<?>) preferred.get("authors")).isEmpty(), "preferred-citation authors");
    }

    private static String ontologyVersion() {
        Graph g = RDFDataMgr.loadGraph("ontology/sanctions-kg.ttl");
        Node ontology = NodeFactory.createURI(SKG.BASE + "ontology");
        List<Node> versions = g.find(ontology, OWL2.versionInfo.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList();
        assertEquals(1, versions.size(), "one owl:versionInfo");
        assertTrue(versions.get(0).isLiteral());
        return versions.get(0).getLiteralLexicalForm();
    }
}
