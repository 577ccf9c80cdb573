package org.sanctionskg.query;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.cli.Main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code query NAME [--param k=v]… [--format …]} and {@code query --list}, run in-process. */
class QueryCommandTest {
    @TempDir static Path root;

    @BeforeAll
    static void load() {
        QueryFixture.load(root);
    }

    /** What one in-process run of the command line printed. */
    private record Cli(int exitCode, String out, String err) {}

    /** Runs {@code command} on the fixture's sources and store, with {@code more} arguments. */
    private static Cli run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--ontology", root.resolve("ontology").toString(),
                "--data", root.resolve("data").toString(), "--store", root.resolve("store").toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Cli(code, out.toString(), err.toString());
    }

    private static Cli query(String... more) {
        List<String> args = new ArrayList<>(List.of("--queries", root.resolve("queries").toString()));
        args.addAll(List.of(more));
        return run("query", args.toArray(String[]::new));
    }

    @Test
    void listPrintsEveryQueryWithItsParameters() {
        Cli r = query("--list");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("measures-on-day\n    Which measures were imposed on a day, and by whom?\n"), r.out());
        assertTrue(r.out().contains("    --param date=DATE (default 2021-03-22)  The day of the measures."), r.out());
        assertTrue(r.out().contains("    --param label=STRING (required)"), r.out());
    }

    @Test
    void aCannedQueryRunsWithTypedParameters() {
        Cli r = query("targets", "--param", "party=id:alpha", "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("party,target,targetLabel\r\nhttps://example.org/id/alpha,https://example.org/id/gamma,Gamma\r\n", r.out());
    }

    @Test
    void aBadParameterIsAOneLineUserError() {
        Cli r = query("measures-on-day", "--param", "date=tomorrow");
        assertEquals(1, r.exitCode());
        assertEquals("error: measures-on-day: parameter 'date': not a date YYYY-MM-DD; expected a date, YYYY-MM-DD\n", r.err());
        assertTrue(query("nothing").err().contains("no canned query 'nothing'"));
        assertEquals(1, query("targets", "--sparql", "ASK {}").exitCode());
    }

    @Test
    void freeSparqlStillRuns() {
        Cli r = query("--sparql", "SELECT ?l { <https://example.org/id/alpha> <http://www.w3.org/2000/01/rdf-schema#label> ?l }", "--format", "tsv");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("?l\n\"Alpha\"\n", r.out());
    }

    @Test
    void formatNamesAreTheSiteVocabularyRdfIsRdfXmlAndXmlIsOnlySparqlXml() {
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1";
        Cli rdf = query("--sparql", construct, "--format", "rdf");
        assertEquals(0, rdf.exitCode(), rdf.err());
        assertTrue(rdf.out().contains("<rdf:RDF"), rdf.out());
        Cli xml = query("--sparql", construct, "--format", "xml");
        assertEquals(1, xml.exitCode());
        assertTrue(xml.err().contains("--format xml does not fit a CONSTRUCT; use ttl, jsonld, nt, rdf"), xml.err());
        Cli results = query("--sparql", "SELECT * { ?s ?p ?o } LIMIT 1", "--format", "xml");
        assertTrue(results.out().contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\""), results.out());
    }

    @Test
    void aBrokenQueryStopsServeWithItsFileLineAndColumn() throws Exception {
        Path queries = Files.createDirectories(root.resolve("broken-queries"));
        Files.writeString(queries.resolve("broken.rq"), "#+ summary: Broken.\nSELECT * WHERE {\n  ?s ?p\n}\n");
        Cli r = run("serve", "--queries", queries.toString(), "--port", "0", "--loopback");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("broken.rq:4:1: "), r.err());
    }
}
