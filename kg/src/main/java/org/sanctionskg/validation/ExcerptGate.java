package org.sanctionskg.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OA;
import org.sanctionskg.UserException;

/**
 * Checks every excerpt against its report text: the quote ({@code oa:exact}) must be the text at the position
 * ({@code oa:start}, {@code oa:end}, Unicode code points, end exclusive), so no wrong offset is ever published. An
 * excerpt is any resource with an {@code oa:hasSource} and selectors giving both; one missing either is left to
 * the shapes.
 */
public final class ExcerptGate {
    private static final Node HAS_SOURCE = OA.hasSource.asNode(), HAS_SELECTOR = OA.hasSelector.asNode(),
            EXACT = OA.exact.asNode(), START = OA.start.asNode(), END = OA.end.asNode();

    private ExcerptGate() {}

    /** Refuses (exit 2) with one line per excerpt whose quote is not its text at its offsets. */
    public static void check(Graph data, ReportTexts texts, PrefixMapping prefixes) {
        List<String> problems = problems(data, texts, prefixes);
        if (problems.isEmpty()) return;
        throw new UserException("excerpt check failed: " + problems.size() + " excerpt(s) do not quote their report text at "
                + "their offsets (Unicode code points, start inclusive, end exclusive)\n  " + String.join("\n  ", problems),
                UserException.VALIDATION_FAILED);
    }

    /** One line per bad excerpt, in IRI order; empty when every excerpt quotes its text. */
    public static List<String> problems(Graph data, ReportTexts texts, PrefixMapping prefixes) {
        TreeMap<String, List<String>> byExcerpt = new TreeMap<>();
        for (Node excerpt : data.find(Node.ANY, HAS_SOURCE, Node.ANY).mapWith(Triple::getSubject).toSet()) {
            List<String> found = problems(data, excerpt, texts);
            if (!found.isEmpty()) byExcerpt.put(ReportFormatter.name(excerpt, prefixes), found);
        }
        List<String> lines = new ArrayList<>();
        byExcerpt.forEach((excerpt, found) -> lines.add(excerpt + ": " + String.join("; ", found)));
        return lines;
    }

    private static List<String> problems(Graph g, Node excerpt, ReportTexts texts) {
        List<Node> selectors = objects(g, excerpt, HAS_SELECTOR);
        List<String> quotes = selectors.stream().flatMap(s -> objects(g, s, EXACT).stream())
                .filter(Node::isLiteral).map(Node::getLiteralLexicalForm).toList();
        List<Node> positions = selectors.stream().filter(s -> g.contains(s, START, Node.ANY) && g.contains(s, END, Node.ANY)).toList();
        List<String> problems = new ArrayList<>();
        if (quotes.isEmpty() || positions.isEmpty()) return problems;
        for (Node source : objects(g, excerpt, HAS_SOURCE)) {
            Optional<ReportTexts.Text> text = texts.of(source);
            if (text.isEmpty()) {
                problems.add("its source <" + source + "> has no text: expected " + ReportTexts.FOLDER + "/"
                        + (source.isURI() ? ReportTexts.stem(source.getURI()) : "?") + ".txt in the data folder");
                continue;
            }
            for (Node position : positions)
                for (String quote : quotes) mismatch(text.get(), quote, offset(g, position, START), offset(g, position, END)).ifPresent(problems::add);
        }
        return problems;
    }

    /** What is wrong with {@code quote} at {@code [start, end)} of {@code text}, if anything. */
    private static Optional<String> mismatch(ReportTexts.Text text, String quote, long start, long end) {
        if (start < 0 || end < 0) return Optional.of("oa:start and oa:end must be non-negative integers");
        Optional<String> there = text.slice(start, end);
        if (there.isPresent() && there.get().equals(quote)) return Optional.empty();
        String range = "code points " + start + "–" + end;
        String actual = there.map(t -> "the text at " + range + " of " + text.file() + " is " + quoted(t))
                .orElse(range + " fall outside " + text.file() + " (" + text.length() + " code points)");
        List<Integer> found = text.occurrences(quote);
        String hint = found.isEmpty() ? "; the quote is nowhere in the text"
                : "; the quote is at code points " + found.stream().map(s -> s + "–" + (s + quote.codePointCount(0, quote.length()))).toList();
        return Optional.of("the quote is " + quoted(quote) + " but " + actual + hint);
    }

    /** An integer offset, or -1 when it is not one (the shapes say so too). */
    private static long offset(Graph g, Node selector, Node property) {
        return objects(g, selector, property).stream().filter(Node::isLiteral).findFirst().map(n -> {
            try {
                return Long.parseLong(n.getLiteralLexicalForm().strip());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    /** A text on one line: quotes, backslashes and line breaks escaped. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
    }
}
