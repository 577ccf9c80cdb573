package org.sanctionskg.store;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.UserException;
import org.sanctionskg.rdf.Source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceFormatsTest {
    @Test
    void aGzippedSourceIsDecompressedAndParsedByItsInnerExtension(@TempDir Path dir) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("facts.ttl.gz")))) {
            out.write("<https://example.org/a> <https://example.org/p> \"x\" , \"y\" .\n".getBytes(StandardCharsets.UTF_8));
        }
        List<Source> sources = SourceReader.read(List.of(dir));
        assertEquals(1, sources.size());
        assertEquals(2, sources.get(0).graph().size());
        assertTrue(sources.get(0).graphName().getURI().endsWith("/facts"), sources.get(0).graphName().getURI());
    }

    @Test
    void anExternalXmlEntityIsRefusedWithOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("evil.rdf"), """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">
                  <rdf:Description rdf:about="https://example.org/a"><ex:p>&secret;</ex:p></rdf:Description>
                </rdf:RDF>
                """);
        UserException e = assertThrows(UserException.class, () -> SourceReader.read(List.of(dir)));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("evil.rdf") && e.getMessage().contains("external XML entity"), e.getMessage());
    }

    @Test
    void internalEntitiesStillWork(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ok.rdf"), """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY ex "https://example.org/"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">
                  <rdf:Description rdf:about="&ex;a"><ex:p>x</ex:p></rdf:Description>
                </rdf:RDF>
                """);
        assertEquals(1, SourceReader.read(List.of(dir)).get(0).graph().size());
    }
}
