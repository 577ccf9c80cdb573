package org.sanctionskg.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.UserException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderTest {
    private static final String QUERY = """
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT ?party ?date WHERE { ?m <https://example.org/by> ?party ; <https://example.org/on> ?date }
            """;

    @TempDir Path dir;

    private CannedQuery read(String name, String text) throws Exception {
        Path file = dir.resolve(name + ".rq");
        Files.writeString(file, text);
        return Catalogue.read(file);
    }

    private String error(String header) throws Exception {
        Files.writeString(dir.resolve("broken.rq"), header + QUERY);
        return assertThrows(UserException.class, () -> Catalogue.read(dir.resolve("broken.rq"))).getMessage();
    }

    @Test
    void theContractExampleReadsAsWritten() throws Exception {
        CannedQuery q = read("sanctioning-parties", """
                #+ summary: Who imposed sanctions over Xinjiang on a day, and which measures?
                #+ description: One paragraph.
                #+ tags:
                #+   - sanctions
                #+ params:
                #+   - name: date
                #+     type: date
                #+     default: 2021-03-22
                #+     required: false
                #+     description: The day of the measures.
                #+     enum: [2021-03-22, 2020-07-09]
                #+ example: ?date=2021-03-22
                """ + QUERY);
        Header h = q.header();
        assertEquals("Who imposed sanctions over Xinjiang on a day, and which measures?", h.summary());
        assertEquals("One paragraph.", h.description());
        assertEquals(List.of("sanctions"), h.tags());
        assertEquals(List.of(new Param("date", ParamType.DATE, "2021-03-22", false, "The day of the measures.",
                List.of("2021-03-22", "2020-07-09"))), h.params());
        assertEquals("?date=2021-03-22", h.example());
        assertEquals("sanctioning-parties", q.name());
        assertFalse(q.federated());
    }

    @Test
    void quotedValuesKeepTheirColonsAndCommas() throws Exception {
        Header h = read("quoted", """
                #+ summary: "Who said: 'no'?"
                #+ tags: ['a, b', "c"]
                """ + QUERY).header();
        assertEquals("Who said: 'no'?", h.summary());
        assertEquals(List.of("a, b", "c"), h.tags());
    }

    @Test
    void aQueryWithoutParametersNeedsOnlyASummary() throws Exception {
        Header h = read("plain", "#+ summary: Everything.\n" + QUERY).header();
        assertTrue(h.params().isEmpty());
        assertNull(h.example());
    }

    @Test
    void anEmptyParameterListAndAnEmptyExampleSayThereAreNone() throws Exception {
        Header h = read("none", "#+ summary: Everything.\n#+ params: []\n#+ example: \"\"\n" + QUERY).header();
        assertTrue(h.params().isEmpty());
        assertNull(h.example());
    }

    @Test
    void malformedHeadersAreErrorsNamingFileAndLine() throws Exception {
        String twoLines = "#+ summary: S\n";
        assertTrue(error(twoLines + "#+\tparams:\n").contains("broken.rq:2: "));
        assertTrue(error(twoLines + "#+tags: [a]\n").contains("broken.rq:2: write a space after '#+'"));
        assertTrue(error(twoLines + "#+ title: T\n").contains("broken.rq:2: unknown key 'title'"));
        assertTrue(error(twoLines + "#+ summary: again\n").contains("broken.rq:2: duplicate key 'summary'"));
        assertTrue(error(twoLines + "#+ tags:\n").contains("broken.rq:2: 'tags:' needs a value"));
        assertTrue(error(twoLines + "#+   tags: [a]\n").contains("broken.rq:2: unexpected indentation"));
        assertTrue(error(twoLines + "#+ tags:\n#+   sanctions\n").contains("broken.rq:3: expected a list item"));
        assertTrue(error(twoLines + "#+ tags: [a, b\n").contains("broken.rq:2: a list starting with '['"));
        assertTrue(error("#+ description: no summary\n").contains("missing '#+ summary: …'"));
    }

    @Test
    void badParameterDeclarationsAreErrorsNamingTheirLine() throws Exception {
        String head = "#+ summary: S\n#+ params:\n";
        assertTrue(error(head + "#+   - name: date\n#+     type: datetime\n").contains("broken.rq:4: unknown type 'datetime'"));
        assertTrue(error(head + "#+   - name: date\n#+     type: date\n#+     default: 22/03/2021\n")
                .contains("broken.rq:5: parameter 'date': not a date YYYY-MM-DD"));
        assertTrue(error(head + "#+   - name: date\n#+     type: date\n#+     enum: [2021-03-22, yesterday]\n")
                .contains("broken.rq:5: parameter 'date': not a date"));
        assertTrue(error(head + "#+   - name: date\n#+     type: date\n#+     default: 2021-03-23\n#+     enum: [2021-03-22]\n")
                .contains("broken.rq:5: parameter 'date': must be one of [2021-03-22]"));
        assertTrue(error(head + "#+   - name: when\n#+     type: date\n").contains("broken.rq:3: parameter 'when' is not a variable of the query"));
        assertTrue(error(head + "#+   - name: date\n#+     type: date\n#+     required: yes\n").contains("broken.rq:5: required must be true or false"));
        assertTrue(error(head + "#+   - name: date\n#+     type: date\n#+     required: true\n#+     default: 2021-03-22\n")
                .contains("broken.rq:6: a required parameter has no default"));
        assertTrue(error(head + "#+   - name: date\n#+     type: date\n#+     colour: red\n").contains("broken.rq:5: unknown parameter key 'colour'"));
        assertTrue(error(head + "#+   - name: date\n#+     type: date\n#+   - name: date\n#+     type: date\n")
                .contains("broken.rq:5: duplicate parameter 'date'"));
        assertTrue(error(head + "#+   - name: date\n#+      type: date\n").contains("broken.rq:4: line up this key"));
        assertTrue(error(head + "#+   - name: format\n#+     type: string\n").contains("broken.rq:3: parameter name 'format' is reserved"));
        assertTrue(error(head + "#+   - type: date\n").contains("broken.rq:3: parameter without 'name:'"));
    }

    @Test
    void theExampleMustUseDeclaredParametersWithValidValues() throws Exception {
        String head = "#+ summary: S\n#+ params:\n#+   - name: date\n#+     type: date\n";
        assertTrue(error(head + "#+ example: ?day=2021-03-22\n").contains("broken.rq:5: example uses 'day'"));
        assertTrue(error(head + "#+ example: ?date=soon\n").contains("broken.rq:5: parameter 'date': not a date"));
        assertTrue(error(head + "#+ example: date=2021-03-22\n").contains("broken.rq:5: example must be a query string"));
    }

    @Test
    void aParameterTheQueryAssignsItselfCannotBeBound() throws Exception {
        Files.writeString(dir.resolve("assigns.rq"), """
                #+ summary: S
                #+ params:
                #+   - name: x
                #+     type: integer
                SELECT ?x { BIND(1 AS ?x) }
                """);
        String message = assertThrows(UserException.class, () -> Catalogue.read(dir.resolve("assigns.rq"))).getMessage();
        assertTrue(message.contains("assigns.rq:3: ?x cannot be bound from outside"), message);
    }

    @Test
    void aHeaderLineAfterTheQueryBeganIsAnError() throws Exception {
        Files.writeString(dir.resolve("late.rq"), "#+ summary: S\n" + QUERY + "#+ tags: [late]\n");
        String message = assertThrows(UserException.class, () -> Catalogue.read(dir.resolve("late.rq"))).getMessage();
        assertTrue(message.contains("late.rq:4: '#+' header line after the query text began"), message);
    }
}
