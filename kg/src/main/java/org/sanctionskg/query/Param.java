package org.sanctionskg.query;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.sanctionskg.web.RequestException;

/**
 * One declared parameter of a canned query. Its value reaches the query only as the RDF term bound to {@code ?name}.
 *
 * @param defaultText the header's {@code default:}, or null
 * @param allowed the header's {@code enum:} values as written; empty when any value of the type is allowed
 */
public record Param(String name, ParamType type, String defaultText, boolean required, String description,
                    List<String> allowed) {

    public Param {
        allowed = List.copyOf(allowed);
    }

    /** The term for a request value: typed, and one of {@link #allowed} when that is set. */
    public Node bind(String text, PrefixMapping prefixes) {
        Node node;
        try {
            node = type.parse(text, prefixes);
        } catch (IllegalArgumentException e) {
            throw RequestException.badParameter(name, e.getMessage() + "; expected " + type.expected());
        }
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> type.parse(a, prefixes).equals(node)))
            throw RequestException.badParameter(name, "must be one of " + allowed);
        return node;
    }
}
