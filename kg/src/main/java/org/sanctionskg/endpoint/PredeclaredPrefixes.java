package org.sanctionskg.endpoint;

import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.PrefixMapping;

/** The prefixes a {@code /sparql} query may use without declaring them, as WDQS users expect: every one of rdf/Namespaces. */
public final class PredeclaredPrefixes {
    private static final String PARSE_BASE = "http://server/unset-base/"; // Fuseki's own (Fuseki.BaseParserSPARQL)
    private final Map<String, String> prefixes;

    public PredeclaredPrefixes(Map<String, String> prefixes) {
        this.prefixes = Map.copyOf(prefixes);
    }

    /** Prefix to namespace, for the service description. */
    public Map<String, String> prefixes() {
        return prefixes;
    }

    /**
     * The query text to run: {@code text} itself when it parses alone (a client's own declarations win, the text
     * stays as sent), else the text parsed with the prefixes predeclared and written out with them. A parse error is
     * the one with the prefixes, at the line and column of the text as sent.
     */
    String resolve(String text) throws QueryParseException {
        try {
            QueryFactory.create(text, PARSE_BASE, Syntax.syntaxARQ);
            return text;
        } catch (QueryParseException alone) {
            Query query = new Query();
            query.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(prefixes));
            QueryFactory.parse(query, text, PARSE_BASE, Syntax.syntaxARQ);
            return query.serialize();
        }
    }
}
