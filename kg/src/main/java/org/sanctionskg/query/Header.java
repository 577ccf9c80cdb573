package org.sanctionskg.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryScopeException;
import org.apache.jena.sparql.syntax.syntaxtransform.QuerySyntaxSubstituteScope;
import org.sanctionskg.query.HeaderParser.HeaderException;
import org.sanctionskg.query.HeaderParser.Value;
import org.sanctionskg.web.RequestException;

/**
 * The documentation of a canned query, checked against the query it documents: every parameter is a variable the
 * query uses and may bind, every default, allowed value and the example are valid for their types.
 *
 * @param example a query string such as {@code ?date=2021-03-22}, or null ({@code example: ""} in the header)
 */
public record Header(String summary, String description, List<String> tags, List<Param> params, String example) {
    private static final Set<String> KEYS = Set.of("summary", "description", "tags", "params", "example");
    private static final Set<String> PARAM_KEYS = Set.of("name", "type", "default", "required", "description", "enum");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Request parameters the API itself reads, so no query may declare them. */
    public static final Set<String> RESERVED = Set.of("format");

    public Header {
        tags = List.copyOf(tags);
        params = List.copyOf(params);
    }

    /** Validates the parsed header of {@code query}; throws {@link HeaderException} naming the line. */
    static Header of(Map<String, Value> entries, Query query) {
        entries.forEach((k, v) -> {
            if (!KEYS.contains(k)) throw new HeaderException(v.line(), "unknown key '" + k + "'; use " + sorted(KEYS));
        });
        Value summary = entries.get("summary");
        if (summary == null) throw new HeaderException(1, "missing '#+ summary: …' (the question this query answers)");
        List<Param> params = new ArrayList<>();
        Value declared = entries.get("params");
        if (declared != null)
            for (Map<String, Value> p : maps(declared, "params")) params.add(param(p, params, query));
        Value exampleValue = entries.get("example");
        String example = exampleValue == null || text(exampleValue, "example").isEmpty() ? null : text(exampleValue, "example");
        if (example != null) checkExample(example, exampleValue.line(), params, query);
        return new Header(text(summary, "summary"), entries.containsKey("description") ? text(entries.get("description"), "description") : "",
                entries.containsKey("tags") ? strings(entries.get("tags"), "tags") : List.of(), params, example);
    }

    private static Param param(Map<String, Value> p, List<Param> before, Query query) {
        p.forEach((k, v) -> {
            if (!PARAM_KEYS.contains(k)) throw new HeaderException(v.line(), "unknown parameter key '" + k + "'; use " + sorted(PARAM_KEYS));
        });
        Value nameValue = require(p, "name", p.values().iterator().next().line());
        String name = text(nameValue, "name");
        int at = nameValue.line();
        if (!NAME.matcher(name).matches()) throw new HeaderException(at, "parameter name '" + name + "' is not a SPARQL variable name");
        if (RESERVED.contains(name)) throw new HeaderException(at, "parameter name '" + name + "' is reserved by the API");
        if (before.stream().anyMatch(b -> b.name().equals(name))) throw new HeaderException(at, "duplicate parameter '" + name + "'");
        checkVariable(name, at, query);
        Value typeValue = require(p, "type", at);
        ParamType type = ParamType.fromHeader(text(typeValue, "type"));
        if (type == null)
            throw new HeaderException(typeValue.line(), "unknown type '" + typeValue.value() + "'; use iri, string, date, integer or langString");
        boolean required = flag(p.get("required"));
        String defaultText = p.containsKey("default") ? text(p.get("default"), "default") : null;
        if (required && defaultText != null) throw new HeaderException(p.get("default").line(), "a required parameter has no default");
        List<String> allowed = p.containsKey("enum") ? strings(p.get("enum"), "enum") : List.of();
        Param param = new Param(name, type, defaultText, required,
                p.containsKey("description") ? text(p.get("description"), "description") : "", allowed);
        for (String a : allowed) checkValue(type, a, p.get("enum").line(), name, query);
        if (defaultText != null) checkValue(param, defaultText, p.get("default").line(), query);
        return param;
    }

    /** The parameter must be a variable of the query that Jena can substitute (not assigned by AS or VALUES). */
    private static void checkVariable(String name, int line, Query query) {
        if (!Pattern.compile("[?$]" + name + "(?![A-Za-z0-9_\\u00B7\\u0300-\\u036F\\u203F-\\u2040])").matcher(query.toString()).find())
            throw new HeaderException(line, "parameter '" + name + "' is not a variable of the query (?" + name + ")");
        try {
            QuerySyntaxSubstituteScope.scopeCheck(query, List.of(Var.alloc(name)));
        } catch (QueryScopeException e) {
            throw new HeaderException(line, "?" + name + " cannot be bound from outside: the query assigns it (AS or VALUES)");
        }
    }

    private static void checkExample(String example, int line, List<Param> params, Query query) {
        if (!example.startsWith("?")) throw new HeaderException(line, "example must be a query string starting with '?', e.g. ?date=2021-03-22");
        exampleValues(example).forEach((name, value) -> {
            Param param = params.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new HeaderException(line, "example uses '" + name + "', which is not a declared parameter"));
            checkValue(param, value, line, query);
        });
    }

    /** {@code ?a=1&b=2} as name to value, in order; empty for null or {@code ?}. */
    static Map<String, String> exampleValues(String example) {
        Map<String, String> values = new LinkedHashMap<>();
        if (example == null || example.length() <= 1) return values;
        for (String pair : example.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void checkValue(Param param, String value, int line, Query query) {
        try {
            param.bind(value, query.getPrefixMapping());
        } catch (RequestException e) {
            throw new HeaderException(line, e.getMessage());
        }
    }

    private static void checkValue(ParamType type, String value, int line, String name, Query query) {
        checkValue(new Param(name, type, null, false, "", List.of()), value, line, query);
    }

    private static Value require(Map<String, Value> p, String key, int line) {
        Value v = p.get(key);
        if (v == null) throw new HeaderException(line, "parameter without '" + key + ":'");
        return v;
    }

    private static boolean flag(Value v) {
        if (v == null) return false;
        String s = text(v, "required");
        if (!s.equals("true") && !s.equals("false")) throw new HeaderException(v.line(), "required must be true or false, not '" + s + "'");
        return s.equals("true");
    }

    private static String text(Value v, String key) {
        if (v.value() instanceof String s) return s;
        throw new HeaderException(v.line(), "'" + key + ":' takes one value, not a list");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Value v, String key) {
        if (v.value() instanceof String s) return List.of(s);
        List<?> items = (List<?>) v.value();
        if (!items.isEmpty() && items.get(0) instanceof Map) throw new HeaderException(v.line(), "'" + key + ":' takes plain items, not key: value");
        return (List<String>) items;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Value>> maps(Value v, String key) {
        if (v.value() instanceof List<?> items && (items.isEmpty() || items.get(0) instanceof Map)) return (List<Map<String, Value>>) items;
        throw new HeaderException(v.line(), "'" + key + ":' takes a list of '- name: …' items");
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
