package org.sanctionskg.rdf;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

/**
 * A published JSON-LD context, and the writer of JSON-LD compacted with it: prefixes, and one short term per
 * class and property (object properties coerce their values to IRIs). Every document carries the context inline,
 * so a client reads it with no network (the context is also published at its URL, for people and tools).
 *
 * <p>Compaction is done here, node object by node object, rather than by a general JSON-LD processor: it streams
 * (a dump of any size is written subject by subject) and stays linear (the processor's RDF-to-JSON-LD step copies
 * a property's value array for every value it adds, which made a load with a subject of 120,000 values hang).
 * Nothing is ever fetched. The rules: a property's key is its term, else its prefixed name, else its IRI (a
 * literal never goes under a term that coerces to IRIs); IRIs in values are prefixed names or absolute, never
 * terms; types use class terms; literals keep their lexical form with their language, text direction or datatype.
 * An IRI that would read as a compact IRI (its scheme is a prefix, {@code <wd:Q5>}) is written absolute in a node
 * object whose own {@code @context} unsets that prefix.
 */
public final class JsonLdContext {
    /** One term of the context: a short name for {@code iri}; {@code id} when its values are coerced to IRIs. */
    public record Term(String name, String iri, boolean id) {}

    /** Looked up once: {@code Json.create…} looks the provider up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Map<String, Boolean> PRETTY = Map.of(JsonGenerator.PRETTY_PRINTING, true);
    private final String url;
    private final Map<String, String> prefixes;
    private final Map<String, Term> terms = new HashMap<>();
    private final JsonObject document;

    /** {@code prefixes}: name → namespace (each ending in {@code /} or {@code #}); {@code terms} must not reuse a prefix name. */
    public JsonLdContext(String url, Map<String, String> prefixes, List<Term> terms) {
        this.url = url;
        this.prefixes = Map.copyOf(prefixes);
        JsonObjectBuilder ctx = JSON.createObjectBuilder();
        prefixes.forEach(ctx::add);
        for (Term t : terms) {
            if (prefixes.containsKey(t.name())) throw new IllegalArgumentException("term " + t.name() + " is also a prefix");
            this.terms.put(t.iri(), t);
            String id = shortIri(t.iri());
            if (t.id()) ctx.add(t.name(), JSON.createObjectBuilder().add("@id", id).add("@type", "@id"));
            else ctx.add(t.name(), id);
        }
        this.document = JSON.createObjectBuilder().add("@context", ctx).build();
    }

    public String url() {
        return url;
    }

    /** The published context document as UTF-8 JSON. */
    public byte[] documentBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON.createWriterFactory(PRETTY).createWriter(out).writeObject(document);
        return out.toByteArray();
    }

    /** {@code graph} as compacted JSON-LD (context inline), {@code first}'s node object first (when it is a subject), the rest by IRI. */
    public byte[] compact(Graph graph, Node first) {
        Comparator<Node> order = (a, b) -> a.equals(first) ? (b.equals(first) ? 0 : -1) : b.equals(first) ? 1 : a.toString().compareTo(b.toString());
        List<Triple> triples = graph.find().toList();
        triples.sort(Comparator.comparing(Triple::getSubject, order));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(triples.iterator(), out, true);
        return out.toByteArray();
    }

    /**
     * Writes {@code triples} as one node object per run of triples with the same subject: one pass, nothing held but
     * the current subject's values. Triples grouped by subject give one node object per subject; if a subject comes
     * back later, it gets a second node object, which JSON-LD merges with the first.
     */
    public void write(Iterator<Triple> triples, OutputStream out, boolean pretty) {
        Map<Node, String> blanks = new HashMap<>();
        try (JsonGenerator json = JSON.createGeneratorFactory(pretty ? PRETTY : Map.of()).createGenerator(out)) {
            json.writeStartObject();
            json.write("@context", document.get("@context"));
            json.writeStartArray("@graph");
            List<Triple> run = new ArrayList<>();
            while (triples.hasNext()) {
                Triple t = triples.next();
                if (!run.isEmpty() && !run.get(0).getSubject().equals(t.getSubject())) {
                    json.write(node(run, blanks));
                    run.clear();
                }
                run.add(t);
            }
            if (!run.isEmpty()) json.write(node(run, blanks));
            json.writeEnd().writeEnd();
        }
    }

    /** As {@link #write}, unindented: the dumps. */
    public void writeStandalone(Iterator<Triple> triples, OutputStream out) {
        write(triples, out, false);
    }

    private JsonObject node(List<Triple> triples, Map<Node, String> blanks) {
        Set<String> unset = unsetPrefixes(triples);
        Node subject = triples.get(0).getSubject();
        Map<String, JsonArrayBuilder> values = new LinkedHashMap<>();
        JsonArrayBuilder types = null;
        for (Triple t : triples) {
            Node p = t.getPredicate(), o = t.getObject();
            if (p.equals(RDF.type.asNode()) && !o.isLiteral()) {
                if (types == null) types = JSON.createArrayBuilder();
                types.add(o.isBlank() ? blank(o, blanks) : vocabIri(o.getURI(), unset));
                continue;
            }
            Term term = terms.get(p.getURI());
            boolean coerced = term != null && term.id() && !o.isLiteral();
            String key = term != null && (!term.id() || coerced) ? term.name() : shortIri(p.getURI(), unset);
            JsonValue value = coerced ? JSON.createValue(o.isBlank() ? blank(o, blanks) : shortIri(o.getURI(), unset)) : value(o, blanks, unset);
            values.computeIfAbsent(key, k -> JSON.createArrayBuilder()).add(value);
        }
        JsonObjectBuilder node = JSON.createObjectBuilder();
        if (!unset.isEmpty()) {
            JsonObjectBuilder local = JSON.createObjectBuilder();
            unset.stream().sorted().forEach(local::addNull);
            node.add("@context", local);
        }
        node.add("@id", subject.isBlank() ? blank(subject, blanks) : shortIri(subject.getURI(), unset));
        if (types != null) node.add("@type", single(types.build()));
        values.forEach((k, v) -> node.add(k, single(v.build())));
        return node.build();
    }

    /**
     * The prefixes this node object must unset so that none of its absolute IRIs reads as a compact IRI: the scheme
     * of every IRI written absolute that names a prefix. Unsetting one can make more IRIs absolute, so to a fixpoint.
     */
    private Set<String> unsetPrefixes(List<Triple> triples) {
        Set<String> unset = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Triple t : triples)
                for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject(), datatypeOf(t.getObject()))) {
                    if (!n.isURI()) continue;
                    String iri = n.getURI();
                    int colon = iri.indexOf(':');
                    if (colon > 0 && prefixes.containsKey(iri.substring(0, colon)) && shortIri(iri, unset).equals(iri))
                        grew |= unset.add(iri.substring(0, colon));
                }
        }
        return unset;
    }

    private static Node datatypeOf(Node o) {
        return o.isLiteral() && o.getLiteralDatatypeURI() != null ? NodeFactory.createURI(o.getLiteralDatatypeURI()) : o;
    }

    private JsonValue value(Node o, Map<Node, String> blanks, Set<String> unset) {
        if (o.isBlank()) return JSON.createObjectBuilder().add("@id", blank(o, blanks)).build();
        if (o.isURI()) return JSON.createObjectBuilder().add("@id", shortIri(o.getURI(), unset)).build();
        String lang = o.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            JsonObjectBuilder v = JSON.createObjectBuilder().add("@value", o.getLiteralLexicalForm()).add("@language", lang);
            if (o.getLiteralBaseDirection() != null) v.add("@direction", o.getLiteralBaseDirection().direction());
            return v.build();
        }
        String type = o.getLiteralDatatypeURI();
        if (type == null || type.equals(XSD.xstring.getURI())) return JSON.createValue(o.getLiteralLexicalForm());
        return JSON.createObjectBuilder().add("@value", o.getLiteralLexicalForm()).add("@type", vocabIri(type, unset)).build();
    }

    private static JsonValue single(jakarta.json.JsonArray values) {
        return values.size() == 1 ? values.get(0) : values;
    }

    private static String blank(Node b, Map<Node, String> blanks) {
        return blanks.computeIfAbsent(b, k -> "_:b" + blanks.size());
    }

    /** An IRI where a type is expected: a class term if there is one, else a prefixed name or the IRI. */
    private String vocabIri(String iri, Set<String> unset) {
        Term term = terms.get(iri);
        return term != null ? term.name() : shortIri(iri, unset);
    }

    /** {@code prefix:rest} when a prefix fits and the result cannot be read as anything else; else the IRI itself. */
    String shortIri(String iri) {
        return shortIri(iri, Set.of());
    }

    /** As {@link #shortIri(String)}, with none of the {@code unset} prefixes. */
    private String shortIri(String iri, Set<String> unset) {
        String best = null;
        for (var e : prefixes.entrySet()) {
            String ns = e.getValue();
            if (unset.contains(e.getKey()) || !iri.startsWith(ns) || iri.length() == ns.length()) continue;
            String rest = iri.substring(ns.length());
            if (rest.startsWith("//") || rest.startsWith("_:")) continue;
            String candidate = e.getKey() + ":" + rest;
            if (best == null || candidate.length() < best.length()) best = candidate;
        }
        return best != null ? best : iri;
    }
}
