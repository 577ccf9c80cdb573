package org.sanctionskg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.sanctionskg.UserException;
import org.sanctionskg.rdf.SKG;
import org.sanctionskg.validation.ReportTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code excerpt}: the RDF of one excerpt of a report text, its code-point offsets found by the quote. */
@Command(name = "excerpt", description = {
        "Print the Turtle of an excerpt of ARTICLE (data/articles/<report>.txt) quoting QUOTE, with its offsets computed",
        "(Unicode code points, end exclusive). Refuses a quote that is absent, or that occurs more than once without --occurrence."})
final class ExcerptCommand implements Callable<Integer> {
    static final String EXCERPTS = SKG.BASE + "id/excerpt-";
    static final String REPORTS = SKG.BASE + "id/" + ReportTexts.REPORT_PREFIX;
    private static final Pattern LOCAL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    @Parameters(index = "0", paramLabel = "ARTICLE", description = "The report text; its file stem names the report (…/id/report-<stem>).")
    Path article;

    @Parameters(index = "1", paramLabel = "QUOTE", description = "The exact words, as the text has them.")
    String quote;

    @Option(names = "--occurrence", paramLabel = "N", description = "Which occurrence of QUOTE, counting from 1 (needed when it occurs more than once).")
    Integer occurrence;

    @Option(names = "--id", paramLabel = "NAME", description = "The excerpt's IRI is …/id/excerpt-NAME (default: <report>-<start>-<end>).")
    String id;

    @Option(names = "--label", paramLabel = "TEXT", description = "Its English rdfs:label (default: where it is in the report).")
    String label;

    @Option(names = "--verbose", description = "Stack traces.")
    boolean verbose;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (quote.isEmpty()) throw new UserException("the quote is empty");
        if (id != null && !LOCAL_NAME.matcher(id).matches())
            throw new UserException("--id " + id + ": use letters, digits, '-' and '_' only, starting with a letter or digit");
        String report = stem(article);
        ReportTexts.Text text = ReportTexts.read(article);
        long start = locate(text, text.occurrences(quote));
        long end = start + quote.codePointCount(0, quote.length());
        String name = id != null ? id : report + "-" + start + "-" + end;
        spec.commandLine().getOut().print(turtle(name, report, start, end,
                label != null ? label : "the quote at code points " + start + "–" + end + " of report " + report));
        return 0;
    }

    /** The start of the chosen occurrence; refuses an absent, ambiguous or out-of-range choice. */
    private long locate(ReportTexts.Text text, List<Integer> found) {
        String where = article + " (" + text.length() + " code points)";
        if (found.isEmpty())
            throw new UserException("the quote is not in " + where + "; quote it exactly, with the text's own punctuation and spaces");
        String places = found.size() + " times in " + article + ", at code points " + found;
        if (occurrence == null && found.size() > 1)
            throw new UserException("the quote occurs " + places + ": choose one with --occurrence 1.." + found.size());
        int n = occurrence == null ? 1 : occurrence;
        if (n < 1 || n > found.size())
            throw new UserException("--occurrence " + n + " is out of range: the quote occurs " + (found.size() == 1 ? "once in " + article + ", at code point " + found.get(0) : places));
        return found.get(n - 1);
    }

    private String turtle(String name, String report, long start, long end, String labelText) {
        String excerpt = EXCERPTS + name;
        String q = iri(excerpt + "#quote"), p = iri(excerpt + "#position");
        return "PREFIX skg:  <" + SKG.NS + ">\n"
                + "PREFIX oa:   <http://www.w3.org/ns/oa#>\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "PREFIX ex:   <" + EXCERPTS + ">\n\n"
                + "ex:" + name + " a skg:Excerpt ;\n"
                + "    rdfs:label " + NodeFmtLib.strTTL(NodeFactory.createLiteralLang(labelText, "en")) + " ;\n"
                + "    oa:hasSource " + iri(REPORTS + report) + " ;\n"
                + "    skg:quote " + NodeFmtLib.strTTL(NodeFactory.createLiteralString(quote)) + " ;\n"
                + "    skg:start " + start + " ;\n"
                + "    skg:end " + end + " ;\n"
                + "    oa:hasSelector " + q + " , " + p + " .\n"
                + q + " a oa:TextQuoteSelector ;\n"
                + "    oa:exact " + NodeFmtLib.strTTL(NodeFactory.createLiteralString(quote)) + " .\n"
                + p + " a oa:TextPositionSelector ;\n"
                + "    oa:start " + start + " ;\n"
                + "    oa:end " + end + " .\n";
    }

    private static String iri(String iri) {
        return NodeFmtLib.strTTL(NodeFactory.createURI(iri));
    }

    /** The report's name: the text's file stem, which must be usable in its IRI. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : "";
        if (!LOCAL_NAME.matcher(stem).matches())
            throw new UserException(file + ": a report text is data/articles/<report>.txt, <report> made of letters, digits, '-' and '_'");
        return stem;
    }
}
