package org.sanctionskg.query;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * What a canned query's answer can be sent as. Tables (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE) have their
 * own offers; both can be an HTML page. Chosen by {@code ?format=} (short name or media type), else by {@code Accept}.
 */
public enum ResultFormat {
    JSON("json", WebContent.contentTypeResultsJSON, false, ResultSetLang.RS_JSON, null),
    XML("xml", WebContent.contentTypeResultsXML, false, ResultSetLang.RS_XML, null),
    CSV("csv", WebContent.contentTypeTextCSV, false, ResultSetLang.RS_CSV, null),
    TSV("tsv", WebContent.contentTypeTextTSV, false, ResultSetLang.RS_TSV, null),
    TURTLE("ttl", WebContent.contentTypeTurtle, true, null, RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", WebContent.contentTypeJSONLD, true, null, RDFFormat.JSONLD11),
    NTRIPLES("nt", WebContent.contentTypeNTriples, true, null, RDFFormat.NTRIPLES),
    HTML_TABLE("html", WebContent.contentTypeHTML, false, null, null),
    HTML_GRAPH("html", WebContent.contentTypeHTML, true, null, null);

    private final String shortName;
    private final String mediaType;
    private final boolean forGraphs;
    private final Lang resultLang;
    private final RDFFormat rdfFormat;

    ResultFormat(String shortName, String mediaType, boolean forGraphs, Lang resultLang, RDFFormat rdfFormat) {
        this.shortName = shortName;
        this.mediaType = mediaType;
        this.forGraphs = forGraphs;
        this.resultLang = resultLang;
        this.rdfFormat = rdfFormat;
    }

    public String shortName() {
        return shortName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type header: text types say their charset. */
    public String contentType() {
        return mediaType + (mediaType.startsWith("text/") || this == JSONLD ? "; charset=utf-8" : "");
    }

    public boolean isHtml() {
        return this == HTML_TABLE || this == HTML_GRAPH;
    }

    /** The SPARQL results syntax, for tables; null for graphs and HTML. */
    Lang resultLang() {
        return resultLang;
    }

    /** The RDF syntax, for graphs; null for tables and HTML. */
    RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** The offers for a query's result form, the default (for {@code Accept: *}{@code /*}) first. */
    public static List<ResultFormat> offers(boolean graph) {
        return Arrays.stream(values()).filter(f -> f.forGraphs == graph).toList();
    }

    /** Negotiates the format, or throws a 406 that lists what is on offer. */
    public static ResultFormat choose(boolean graph, String formatParam, String accept) {
        List<ResultFormat> offers = offers(graph);
        if (formatParam != null) {
            return offers.stream().filter(f -> f.shortName.equals(formatParam) || f.mediaType.equals(formatParam)).findFirst()
                    .orElseThrow(() -> refuse(offers, "format '" + formatParam + "' is not offered"));
        }
        if (accept == null || accept.isBlank()) return offers.get(0);
        AcceptList offered = AcceptList.create(offers.stream().map(f -> f.mediaType).toArray(String[]::new));
        MediaType match;
        try {
            match = AcceptList.match(new AcceptList(accept), offered);
        } catch (RuntimeException e) {
            throw new RequestException(400, "malformed Accept header: " + accept);
        }
        if (match == null) throw refuse(offers, "nothing offered matches Accept: " + accept);
        return offers.stream().filter(f -> f.mediaType.equals(match.getContentTypeStr())).findFirst().orElseThrow();
    }

    private static RequestException refuse(List<ResultFormat> offers, String why) {
        String list = offers.stream().map(f -> f.shortName + " (" + f.mediaType + ")").collect(Collectors.joining(", "));
        return new RequestException(406, why + "; available: " + list);
    }
}
