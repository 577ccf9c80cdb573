package org.sanctionskg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.sanctionskg.UserException;
import org.sanctionskg.query.HeaderParser.HeaderException;
import org.sanctionskg.web.RequestException;
import org.sanctionskg.web.Responses;

/** Every canned query of a folder, each parsed and checked once; any broken file stops the load with file:line:column. */
public final class Catalogue {
    /** A name is the file stem: lower-case words joined by hyphens, safe in any URL. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Where a SERVICE SILENT is written, for the error message (the algebra says whether there is one). */
    private static final Pattern SILENT = Pattern.compile("(?im)^[^#\\n]*\\bSERVICE\\s+SILENT\\b");
    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");

    private final Map<String, CannedQuery> queries;

    private Catalogue(Map<String, CannedQuery> queries) {
        this.queries = queries;
    }

    /** Loads {@code dir/*.rq}; a missing folder is an empty catalogue. Reports every broken file at once. */
    public static Catalogue load(Path dir) {
        Map<String, CannedQuery> queries = new TreeMap<>();
        if (!Files.isDirectory(dir)) return new Catalogue(queries);
        List<String> errors = new ArrayList<>();
        for (Path file : files(dir)) {
            try {
                CannedQuery q = read(file);
                queries.put(q.name(), q);
            } catch (UserException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty())
            throw new UserException(errors.size() + " broken canned quer" + (errors.size() == 1 ? "y" : "ies") + ":\n  "
                    + String.join("\n  ", errors));
        return new Catalogue(queries);
    }

    /** Refuses a catalogue whose queries call a SERVICE endpoint the server would refuse at every request. */
    public Catalogue checkServices(List<java.net.URI> allowed) {
        List<String> allowedIris = allowed.stream().map(java.net.URI::toString).toList();
        for (CannedQuery q : all())
            for (String iri : q.serviceIris())
                if (!allowedIris.contains(iri))
                    throw new UserException(q.name() + ".rq: SERVICE <" + iri + "> is not allowed (allowed: " + allowedIris + "); add it with --allow-service");
        return this;
    }

    /** Reads and checks one file: its name, its SPARQL, then its header against that SPARQL. */
    public static CannedQuery read(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.rq$", "");
        if (!NAME.matcher(stem).matches())
            throw new UserException(file + ": name '" + stem + "' must be lower-case words joined by hyphens (it becomes a URL)");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")");
        }
        Query query = parse(file.toString(), text);
        if (CannedQuery.callsServiceSilently(query)) {
            var at = SILENT.matcher(text);
            String line = at.find() ? ":" + text.substring(0, at.start()).split("\n", -1).length : "";
            throw new UserException(file + line + ": SERVICE SILENT would answer an unreachable endpoint with an empty result; "
                    + "canned queries report the failure (502) instead");
        }
        try {
            return CannedQuery.of(stem, Header.of(HeaderParser.parse(text), query), query, text);
        } catch (HeaderException e) {
            throw new UserException(file + ":" + e.line + ": " + e.getMessage());
        }
    }

    /** Parses SPARQL; a syntax error is a {@link UserException} naming {@code source}, line and column. */
    public static Query parse(String source, String text) {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            String m = e.getMessage();
            throw new UserException(source + ":" + position(e) + ": " + m.lines().findFirst().orElse(m));
        }
    }

    /** Where the parser stopped: the offending token that its message names, else the last token it read. */
    private static String position(QueryParseException e) {
        var m = AT.matcher(e.getMessage());
        return m.find() ? m.group(1) + ":" + m.group(2) : e.getLine() + ":" + e.getColumn();
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue for a terminal: each name and question, then its parameters as {@code --param} options. */
    public String listing() {
        StringBuilder out = new StringBuilder();
        for (CannedQuery q : queries.values()) {
            out.append(q.name()).append("\n    ").append(q.header().summary()).append('\n');
            for (Param p : q.header().params())
                out.append("    --param ").append(p.name()).append('=').append(p.type().headerName().toUpperCase())
                        .append(p.required() ? " (required)" : p.defaultText() != null ? " (default " + p.defaultText() + ")" : " (optional)")
                        .append(p.description().isEmpty() ? "" : "  " + p.description()).append('\n');
        }
        return out.toString();
    }

    /** All queries, by name. */
    public Collection<CannedQuery> all() {
        return queries.values();
    }

    public Optional<CannedQuery> find(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    /** The query called {@code name}, or a 404 naming what exists. */
    public CannedQuery get(String name) {
        return find(name).orElseThrow(() -> new RequestException(404, "no canned query " + Responses.echo(name) + "; see /queries for the list"));
    }
}
