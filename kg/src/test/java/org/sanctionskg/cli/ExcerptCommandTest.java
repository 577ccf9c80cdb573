package org.sanctionskg.cli;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OA;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.store.SourceReader;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.validation.ExcerptGate;
import org.sanctionskg.validation.ReportTexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code excerpt ARTICLE QUOTE}: the excerpt's Turtle with its offsets computed, or a one-line refusal. */
class ExcerptCommandTest {
    private static final String EX = "https://w3id.org/sanctions-kg/id/excerpt-";
    private static final Path REAL = Path.of("data/articles/2021-03-22-xinjiang-sanctions.txt");
    /** "𝔘" is one code point and two UTF-16 units; "Norland" occurs three times. */
    private static final String TEXT = "The 𝔘nion met Norland.\n\nNorland froze the assets of Ilse Varga. Norland said so.";

    private static Path article(Path dir) throws Exception {
        Path data = dir.resolve("data/articles");
        Files.createDirectories(data);
        return Files.writeString(data.resolve("2031-05-14-fictional.txt"), TEXT, StandardCharsets.UTF_8);
    }

    private static Graph turtle(String out) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static long offset(Graph g, String selector, Node property) {
        return Long.parseLong(g.find(NodeFactory.createURI(selector), property, Node.ANY).next().getObject().getLiteralLexicalForm());
    }

    private static void assertOneLineRefusal(Cli run, String... mentions) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out(), "no RDF printed");
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        for (String m : mentions) assertTrue(run.err().contains(m), "expected '" + m + "' in: " + run.err());
    }

    @Test
    void aQuoteAfterACharacterOutsideTheBmpGetsCodePointOffsetsThatTheGateAccepts(@TempDir Path dir) throws Exception {
        Path article = article(dir);
        String quote = "froze the assets of Ilse Varga.";
        Cli run = Cli.run("excerpt", article.toString(), quote);
        assertEquals(0, run.exitCode(), run.err());
        Graph g = turtle(run.out());
        long start = TEXT.codePointCount(0, TEXT.indexOf(quote));
        String id = EX + "2031-05-14-fictional-" + start + "-" + (start + quote.length());
        assertEquals(start, offset(g, id + "#position", OA.start.asNode()));
        assertEquals(start + quote.length(), offset(g, id + "#position", OA.end.asNode()));
        assertTrue(g.contains(NodeFactory.createURI(id), OA.hasSource.asNode(), NodeFactory.createURI("https://w3id.org/sanctions-kg/id/report-2031-05-14-fictional")));
        assertEquals(List.of(), ExcerptGate.problems(g, ReportTexts.under(List.of(dir.resolve("data"))), PrefixMapping.Standard));
    }

    @Test
    void aSentenceOfTheRealReportGetsTheOffsetsItsExcerptHas() {
        Graph data = GraphFactory.createDefaultGraph();
        SourceReader.read(List.of(Path.of("data"))).forEach(s -> s.graph().find().forEachRemaining(data::add)); // wherever the excerpt's file is
        String excerpt = EX + "04-china-responded";
        String quote = data.find(NodeFactory.createURI(excerpt + "#quote"), OA.exact.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm();
        Cli run = Cli.run("excerpt", REAL.toString(), quote, "--id", "04-china-responded");
        assertEquals(0, run.exitCode(), run.err());
        Graph printed = turtle(run.out());
        for (Node p : List.of(OA.start.asNode(), OA.end.asNode()))
            assertEquals(offset(data, excerpt + "#position", p), offset(printed, excerpt + "#position", p), p.toString());
        assertTrue(printed.contains(NodeFactory.createURI(excerpt + "#quote"), OA.exact.asNode(), NodeFactory.createLiteralString(quote)));
    }

    @Test
    void anAbsentQuoteIsRefused(@TempDir Path dir) throws Exception {
        assertOneLineRefusal(Cli.run("excerpt", article(dir).toString(), "Ostmark froze nothing."), "the quote is not in", "2031-05-14-fictional.txt");
    }

    @Test
    void anAmbiguousQuoteIsRefusedSayingHowOftenAndWhere(@TempDir Path dir) throws Exception {
        assertOneLineRefusal(Cli.run("excerpt", article(dir).toString(), "Norland"), "occurs 3 times", "at code points [14, 24, 64]", "--occurrence 1..3");
    }

    @Test
    void theChosenOccurrenceIsTheOnePrinted(@TempDir Path dir) throws Exception {
        Cli run = Cli.run("excerpt", article(dir).toString(), "Norland", "--occurrence", "2", "--id", "fictional-norland");
        assertEquals(0, run.exitCode(), run.err());
        Graph g = turtle(run.out());
        assertEquals(24, offset(g, EX + "fictional-norland#position", OA.start.asNode()));
        assertEquals(31, offset(g, EX + "fictional-norland#position", OA.end.asNode()));
    }

    @Test
    void anOccurrenceOutOfRangeIsRefused(@TempDir Path dir) throws Exception {
        assertOneLineRefusal(Cli.run("excerpt", article(dir).toString(), "Norland", "--occurrence", "4"), "--occurrence 4 is out of range", "occurs 3 times");
        assertOneLineRefusal(Cli.run("excerpt", article(dir).toString(), "Ilse Varga", "--occurrence", "0"), "--occurrence 0 is out of range", "occurs once");
    }

    @Test
    void anIdThatIsNoPrefixedNameIsRefused(@TempDir Path dir) throws Exception {
        assertOneLineRefusal(Cli.run("excerpt", article(dir).toString(), "Ilse Varga", "--id", "a/b"), "--id a/b");
    }

    @Test
    void aMissingArticleIsRefused(@TempDir Path dir) {
        assertOneLineRefusal(Cli.run("excerpt", dir.resolve("nope.txt").toString(), "x"), "nope.txt: no such file");
    }

    @Test
    void theLabelOptionIsTheEnglishLabel(@TempDir Path dir) throws Exception {
        Cli run = Cli.run("excerpt", article(dir).toString(), "Ilse Varga", "--id", "x", "--label", "sentence 2 of the \"fictional\" report");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(turtle(run.out()).contains(NodeFactory.createURI(EX + "x"), org.apache.jena.vocabulary.RDFS.label.asNode(),
                NodeFactory.createLiteralLang("sentence 2 of the \"fictional\" report", "en")));
    }
}
