package org.sanctionskg.query;

import java.util.Arrays;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.web.Negotiation;
import org.sanctionskg.web.RequestException;
import org.sanctionskg.web.Responses;

/**
 * What a canned query's answer can be sent as: tables (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE) have their
 * own offers among the {@link Format}s, and both can be an HTML page. Negotiated as {@link Negotiation} says.
 */
public enum ResultFormat {
    JSON(Format.JSON, false),
    XML(Format.XML, false),
    CSV(Format.CSV, false),
    TSV(Format.TSV, false),
    TURTLE(Format.TURTLE, true),
    JSONLD(Format.JSONLD, true),
    NTRIPLES(Format.NTRIPLES, true),
    HTML_TABLE(Format.HTML, false),
    HTML_GRAPH(Format.HTML, true);

    private final Format format;
    private final boolean forGraphs;

    ResultFormat(Format format, boolean forGraphs) {
        this.format = format;
        this.forGraphs = forGraphs;
    }

    public String shortName() {
        return format.shortName();
    }

    public String mediaType() {
        return format.mediaType();
    }

    public String contentType() {
        return format.contentType();
    }

    public boolean isHtml() {
        return format == Format.HTML;
    }

    /** The SPARQL results syntax, for tables; null for graphs and HTML. */
    Lang resultLang() {
        return format.resultLang();
    }

    /** The RDF syntax, for graphs; null for tables and HTML. */
    RDFFormat rdfFormat() {
        return format.rdfFormat();
    }

    /** The offers for a query's result form, the default (for {@code Accept: *}{@code /*}) first. */
    public static List<ResultFormat> offers(boolean graph) {
        return Arrays.stream(values()).filter(f -> f.forGraphs == graph).toList();
    }

    /** Negotiates the format, or throws a 406 that lists what is on offer. */
    public static ResultFormat choose(boolean graph, String formatParam, String accept) {
        List<ResultFormat> offers = offers(graph);
        List<Format> formats = offers.stream().map(f -> f.format).toList();
        var chosen = formatParam != null ? Format.named(formatParam, formats) : Negotiation.byAccept(accept, formats);
        Format f = chosen.orElseThrow(() -> new RequestException(406, (formatParam != null ? "format " + Responses.echo(formatParam) + " is not offered"
                : "nothing offered matches Accept") + "; available: " + Format.describe(formats)));
        return offers.get(formats.indexOf(f));
    }
}
