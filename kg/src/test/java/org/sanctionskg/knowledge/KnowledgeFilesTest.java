package org.sanctionskg.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeFilesTest {

    @TestFactory
    Stream<DynamicTest> everyRdfFileUnderOntologyAndDataParsesAndIsNotEmpty() {
        List<Path> files = Knowledge.rdfFiles();
        assertTrue(files.size() >= 10, "expected the ontology, shapes, code lists and the data files, got " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(Knowledge.ROOT.relativize(f).toString(), () -> {
            Model m = Knowledge.read(f);
            assertFalse(m.isEmpty(), f + " holds no triples");
        }));
    }

    @Test
    void articleCopyHasNoTrailingNewline() throws IOException {
        byte[] bytes = Files.readAllBytes(Knowledge.ARTICLE);
        assertTrue(bytes.length > 0);
        assertFalse(bytes[bytes.length - 1] == '\n' || bytes[bytes.length - 1] == '\r', "trailing newline");
    }

    @Test
    void noTestFixturesLiveUnderOntologyOrData() {
        List<Path> files = Knowledge.rdfFiles();
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String name = f.getFileName().toString();
            assertFalse(name.contains("-valid") || name.contains("-invalid") || name.contains("fixture"),
                    "fixture under a loaded folder: " + f);
        }
    }

    @Test
    void theOntologyHeaderCarriesVersioningLicenceAndPreferredPrefix() {
        var rows = Knowledge.select(Knowledge.read(Knowledge.ONTOLOGY), """
                PREFIX vann: <http://purl.org/vocab/vann/>
                SELECT * WHERE {
                  <https://w3id.org/sanctions-kg/ontology> a owl:Ontology ;
                      owl:versionIRI ?versionIri ; owl:versionInfo ?version ; dcterms:license ?license ;
                      dcterms:creator ?creator ; dcterms:created ?created ; dcterms:modified ?modified ;
                      vann:preferredNamespacePrefix ?prefix ; vann:preferredNamespaceUri ?ns ;
                      rdfs:label ?label ; rdfs:comment ?comment .
                }""");
        assertEquals(1, rows.size(), "one complete ontology header");
        var row = rows.get(0);
        assertEquals("https://w3id.org/sanctions-kg/ontology/0.1.0", row.getResource("versionIri").getURI());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", row.getResource("license").getURI());
        assertEquals("skg", row.getLiteral("prefix").getString());
        assertEquals(Knowledge.NS, row.getLiteral("ns").getString());
    }
}
