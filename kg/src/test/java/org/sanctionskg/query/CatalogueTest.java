package org.sanctionskg.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.UserException;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.web.RequestException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueTest {
    @TempDir Path dir;

    @Test
    void everyFixtureQueryLoads() {
        Catalogue c = Catalogue.load(Fixtures.copy("queries-fixture", dir));
        List<String> names = c.all().stream().map(CannedQuery::name).toList();
        assertFalse(names.isEmpty());
        assertEquals(List.of("has-sanctioned", "labelled", "measures-on-day", "sanctions-graph", "targets", "wikidata-label"), names);
        assertTrue(c.get("wikidata-label").federated());
    }

    @Test
    void everyBrokenFileIsReportedAtOnceWithLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("good.rq"), "#+ summary: Fine.\nSELECT * { ?s ?p ?o }\n");
        Files.writeString(dir.resolve("bad-sparql.rq"), "#+ summary: Broken.\nSELECT * {\n  ?s ?p \n}\n");
        Files.writeString(dir.resolve("bad-header.rq"), "#+ summary: Broken.\n#+ colour: red\nSELECT * { ?s ?p ?o }\n");
        String message = assertThrows(UserException.class, () -> Catalogue.load(dir)).getMessage();
        assertTrue(message.startsWith("2 broken canned queries:"), message);
        assertTrue(message.contains("bad-sparql.rq:4:1: "), message);
        assertTrue(message.contains("bad-header.rq:2: unknown key 'colour'"), message);
    }

    @Test
    void aFileNameMustBeUsableAsAUrl() throws Exception {
        Files.writeString(dir.resolve("Who Sanctioned.rq"), "#+ summary: S\nSELECT * { ?s ?p ?o }\n");
        String message = assertThrows(UserException.class, () -> Catalogue.load(dir)).getMessage();
        assertTrue(message.contains("name 'Who Sanctioned' must be lower-case words joined by hyphens"), message);
    }

    @Test
    void serviceSilentIsRefusedBecauseItWouldTurnAnOutageIntoAnEmptyAnswer() throws Exception {
        Files.writeString(dir.resolve("quiet.rq"), "#+ summary: Quiet.\n# SERVICE SILENT in a comment is fine\nSELECT * {\n  SERVICE silent <https://query.wikidata.org/sparql> { ?s ?p ?o }\n}\n");
        String message = assertThrows(UserException.class, () -> Catalogue.load(dir)).getMessage();
        assertTrue(message.contains("quiet.rq:4: SERVICE SILENT would answer an unreachable endpoint with an empty result"), message);
    }

    @Test
    void aMissingFolderIsAnEmptyCatalogue() {
        assertTrue(Catalogue.load(dir.resolve("nowhere")).all().isEmpty());
    }

    @Test
    void anUnknownNameIsA404() {
        RequestException e = assertThrows(RequestException.class, () -> Catalogue.load(dir).get("nothing"));
        assertEquals(404, e.status());
    }
}
