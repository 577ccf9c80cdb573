package org.sanctionskg.validation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.sanctionskg.UserException;
import org.sanctionskg.store.Store;
import org.sanctionskg.testing.Cli;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The excerpt gate on a graph: quotes checked against their text at code-point offsets, one line per bad excerpt. */
class ExcerptGateTest {
    /** "𝔘" (U+1D518) is one code point and two UTF-16 units: offsets after it tell the two units apart. */
    private static final String TEXT = "The 𝔘nion met on Monday.\n\nNorland froze the assets of Ilse Varga.";
    private static final String QUOTE = "Norland froze the assets of Ilse Varga.";
    private static final int START = TEXT.codePointCount(0, TEXT.indexOf(QUOTE));

    private static Graph excerpt(String name, long start, long end, String quote) {
        String iri = "https://w3id.org/sanctions-kg/id/excerpt-" + name;
        String ttl = """
                PREFIX oa: <http://www.w3.org/ns/oa#>
                <%1$s> oa:hasSource <https://w3id.org/sanctions-kg/id/report-fictional> ;
                    oa:hasSelector <%1$s#quote> , <%1$s#position> .
                <%1$s#quote> a oa:TextQuoteSelector ; oa:exact "%2$s" .
                <%1$s#position> a oa:TextPositionSelector ; oa:start %3$d ; oa:end %4$d .
                """.formatted(iri, quote, start, end);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(ttl.getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static ReportTexts texts(Path dataDir) throws Exception {
        Files.createDirectories(dataDir.resolve("articles"));
        Files.writeString(dataDir.resolve("articles/fictional.txt"), TEXT, StandardCharsets.UTF_8);
        return ReportTexts.under(List.of(dataDir));
    }

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create().setNsPrefix("ex", "https://w3id.org/sanctions-kg/id/excerpt-");

    @Test
    void codePointOffsetsAfterACharacterOutsideTheBmpAreAccepted(@TempDir Path data) throws Exception {
        assertEquals(List.of(), ExcerptGate.problems(excerpt("ok", START, START + QUOTE.length(), QUOTE), texts(data), PREFIXES));
    }

    @Test
    void utf16OffsetsAfterACharacterOutsideTheBmpAreRefused(@TempDir Path data) throws Exception {
        int utf16 = TEXT.indexOf(QUOTE);
        assertEquals(START + 1, utf16, "the fixture has one character outside the BMP before the quote");
        List<String> problems = ExcerptGate.problems(excerpt("utf16", utf16, utf16 + QUOTE.length(), QUOTE), texts(data), PREFIXES);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("the quote is at code points [" + START + "–" + (START + QUOTE.length()) + "]"), problems.get(0));
    }

    @Test
    void aShiftedOffsetIsRefusedNamingTheExcerptAndBothTexts(@TempDir Path data) throws Exception {
        Graph g = excerpt("shifted", START - 1, START - 1 + QUOTE.length(), QUOTE);
        UserException e = assertThrows(UserException.class, () -> ExcerptGate.check(g, texts(data), PREFIXES));
        assertEquals(UserException.VALIDATION_FAILED, e.exitCode());
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(2, lines.size(), "a header and one line per bad excerpt: " + e.getMessage());
        String line = lines.get(1);
        assertTrue(line.startsWith("  ex:shifted: "), line);
        assertTrue(line.contains("\"" + QUOTE + "\""), "the quote: " + line);
        String there = "\\n" + QUOTE.substring(0, QUOTE.length() - 1);
        assertTrue(line.contains("is \"" + there + "\""), "the text at the offsets, its line break escaped: " + line);
        assertTrue(line.contains("fictional.txt"), "the text's file: " + line);
    }

    @Test
    void offsetsBeyondTheTextAreRefusedWithItsLength(@TempDir Path data) throws Exception {
        int length = TEXT.codePointCount(0, TEXT.length());
        List<String> problems = ExcerptGate.problems(excerpt("beyond", length - 3, length + 5, "ga.xxxxx"), texts(data), PREFIXES);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("fall outside") && problems.get(0).contains("(" + length + " code points)"), problems.get(0));
        assertTrue(problems.get(0).contains("nowhere in the text"), problems.get(0));
    }

    @Test
    void anExcerptOfAReportWithoutItsTextIsRefused(@TempDir Path data) throws Exception {
        List<String> problems = ExcerptGate.problems(excerpt("orphan", START, START + QUOTE.length(), QUOTE), ReportTexts.under(List.of(data)), PREFIXES);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("expected articles/fictional.txt"), problems.get(0));
    }

    @Test
    void everyBadExcerptHasItsOwnLineAndGoodOnesNone(@TempDir Path data) throws Exception {
        Graph g = excerpt("a-bad", 0, 3, "Thx");
        excerpt("b-good", START, START + QUOTE.length(), QUOTE).find().forEachRemaining(g::add);
        excerpt("c-bad", 1, 4, "The").find().forEachRemaining(g::add);
        List<String> problems = ExcerptGate.problems(g, texts(data), PREFIXES);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ex:a-bad: ") && problems.get(1).startsWith("ex:c-bad: "), problems.toString());
    }

    @Test
    void aBuiltStoreIsCheckedOnTheUnionOfItsNamedGraphs(@TempDir Path data) throws Exception {
        var dataset = DatasetGraphFactory.createTxnMem();
        var good = NodeFactory.createURI("https://w3id.org/sanctions-kg/graph/data/good");
        var bad = NodeFactory.createURI("https://w3id.org/sanctions-kg/graph/data/bad");
        Txn.executeWrite(dataset, () -> {
            excerpt("good", START, START + QUOTE.length(), QUOTE).find().forEachRemaining(t -> dataset.add(good, t.getSubject(), t.getPredicate(), t.getObject()));
            excerpt("bad", START, START + 7, "Ostmark").find().forEachRemaining(t -> dataset.add(bad, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        ReportTexts texts = texts(data);
        UserException e = assertThrows(UserException.class, () -> Txn.executeRead(dataset, () -> ExcerptGate.check(dataset.getUnionGraph(), texts, PREFIXES)));
        assertEquals(UserException.VALIDATION_FAILED, e.exitCode());
        assertEquals(List.of("  ex:bad: the quote is \"Ostmark\" but the text at code points " + START + "–" + (START + 7) + " of "
                + data.resolve("articles/fictional.txt") + " is \"Norland\"; the quote is nowhere in the text"), e.getMessage().lines().skip(1).toList());
    }

    @Test
    void theRealDataPassesTheGate() {
        Cli run = Cli.run("validate");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void aWrongOffsetStopsTheLoadWithExitTwoAndThePreviousBuildStillAnswers(@TempDir Path root) throws Exception {
        Fixtures.copy("linked", root);
        Stores.load(Servers.config(root, root.resolve("store")));
        String live = Files.readString(root.resolve("store/CURRENT"));
        Path facts = root.resolve("data/facts.ttl");
        String good = "oa:start 69 ; oa:end 125";
        assertTrue(Files.readString(facts).contains(good), "the fixture's first excerpt");
        Files.writeString(facts, Files.readString(facts).replace(good, "oa:start 70 ; oa:end 126")); // same length: only the gate sees it

        Cli run = Cli.run(Cli.withSources(root, "load"));

        assertEquals(UserException.VALIDATION_FAILED, run.exitCode(), run.err());
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(2, lines.size(), "a header and one line for the one bad excerpt: " + run.err());
        assertTrue(lines.get(1).contains("ex:s1: the quote is \"Alphaland said it would freeze the assets of Official X.\""), lines.get(1));
        assertTrue(lines.get(1).contains("is \"lphaland said it would freeze the assets of Official X. \""), lines.get(1));
        assertEquals(live, Files.readString(root.resolve("store/CURRENT")), "nothing was published");
        try (Store store = Store.open(root.resolve("store"))) {
            String start = Txn.calculateRead(store.dataset(), () -> QueryExec.dataset(store.dataset()).query(
                    "SELECT ?s { <https://w3id.org/sanctions-kg/id/excerpt/s1#position> <http://www.w3.org/ns/oa#start> ?s }")
                    .select().next().get("s").getLiteralLexicalForm());
            assertEquals("69", start, "the previous build answers with its offsets");
        }
    }
}
