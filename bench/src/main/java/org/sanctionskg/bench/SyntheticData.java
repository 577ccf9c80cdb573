package org.sanctionskg.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded synthetic events graph laid out as sources ({@code ontology/} with a tiny ontology and shapes,
 * {@code data/events.nt}), so that a load does real SHACL and inference work: the shapes require
 * {@code bo:imposedBy} to point at a {@code bo:Party}, which only the subclass entailment makes true.
 */
final class SyntheticData {
    static final String ONT = "https://w3id.org/sanctions-kg/bench/ontology#";
    /** The public namespace of the synthetic entities: served with {@code --base BASE}, they dereference under {@code /id/}. */
    static final String BASE = "https://w3id.org/sanctions-kg/bench/";
    static final String ID = BASE + "id/";
    static final int PARTIES = 60;
    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    static final int DAYS = 3000;
    /**
     * Events written whatever the size asked for. Parties, people and the 1,110 places alone take about 3,500
     * triples, so a small {@code --triples} (the minimum is 1,000) would otherwise get no event at all, and the
     * lookup query, which draws an event number below the count, could not be drawn.
     */
    static final int MIN_EVENTS = 100;
    private static final String TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    private static final String LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>";
    private static final String DATE = "^^<http://www.w3.org/2001/XMLSchema#date>";

    /**
     * The generated sources and how many events and triples the data file holds: whole entities, so a few over the
     * request; below about 4,400 triples more, as the fixed part and {@link #MIN_EVENTS} take that much.
     */
    record Sources(Path root, long triples, long events) {
        Path ontology() { return root.resolve("ontology"); }
        Path data() { return root.resolve("data"); }
        Path eventsFile() { return data().resolve("events.nt"); }
    }

    private SyntheticData() {}

    /** Writes (or reuses, when the same size and seed were generated before) the sources under {@code root}. */
    static Sources generate(Path root, long triples, long seed) {
        Path done = root.resolve("GENERATED");
        String stamp = triples + " " + seed + " ";
        try {
            if (Files.isRegularFile(done) && Files.readString(done).startsWith(stamp)) {
                String[] counts = Files.readString(done).strip().split(" ");
                Sources cached = new Sources(root, Long.parseLong(counts[3]), Long.parseLong(counts[2]));
                if (cached.events() >= MIN_EVENTS) return cached; // else written before MIN_EVENTS: generate anew
            }
            Files.createDirectories(root.resolve("ontology"));
            Files.createDirectories(root.resolve("data"));
            Files.writeString(root.resolve("ontology/bench-ontology.ttl"), resource("bench-ontology.ttl"));
            Files.writeString(root.resolve("ontology/bench-shapes.ttl"), resource("bench-shapes.ttl"));
            Sources sources;
            try (Writer w = new Writer(Files.newBufferedWriter(root.resolve("data/events.nt"), StandardCharsets.US_ASCII))) {
                long events = w.write(triples, new SplittableRandom(seed));
                sources = new Sources(root, w.written, events);
            }
            Files.writeString(done, stamp + sources.events() + " " + sources.triples() + "\n");
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = SyntheticData.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A query family of the SPARQL comparison: each request draws its constants from the client's random source. */
    record Workload(String name, Function<SplittableRandom, String> query) {}

    private static final String PREFIXES = "PREFIX bo: <" + ONT + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";

    /** A selective lookup, a 2-hop join with a date filter, and a COUNT … GROUP BY over the whole graph. */
    static List<Workload> queries(Sources src) {
        return List.of(
                new Workload("lookup", rng -> "SELECT ?p ?o WHERE { " + event(rng.nextLong(src.events())) + " ?p ?o }"),
                new Workload("2-hop join + date filter", rng -> {
                    int from = rng.nextInt(DAYS - 180);
                    return PREFIXES + "SELECT ?m ?date ?target ?state WHERE {\n"
                            + "  ?m bo:imposedBy " + party(rng.nextInt(PARTIES)) + " ; bo:date ?date ; bo:targets ?target .\n"
                            + "  ?target bo:nationality ?n . ?n rdfs:label ?state .\n"
                            + "  FILTER(?date >= \"" + day(from) + "\"^^xsd:date && ?date < \"" + day(from + 180) + "\"^^xsd:date)\n}";
                }),
                new Workload("COUNT … GROUP BY", rng -> PREFIXES
                        + "SELECT ?party (COUNT(?m) AS ?n) WHERE { ?m a bo:Countermeasure ; bo:imposedBy ?party }\n"
                        + "GROUP BY ?party ORDER BY DESC(?n) ?party"));
    }

    static String party(int i) { return "<" + ID + "party/" + i + ">"; }
    static String event(long i) { return "<" + ID + "event/" + i + ">"; }
    static String day(int offset) { return FIRST_DAY.plusDays(offset).toString(); }

    /**
     * Writes N-Triples, whole entities only, until at least {@code limit} lines and {@link #MIN_EVENTS} events;
     * people and places first, then events.
     */
    private static final class Writer implements AutoCloseable {
        private final BufferedWriter out;
        private long written;

        Writer(BufferedWriter out) { this.out = out; }

        long write(long limit, SplittableRandom rng) throws IOException {
            int people = (int) Math.max(10, limit / 40);
            for (int i = 0; i < PARTIES; i++) agent(party(i), "State", "State " + i, null);
            for (int i = 0; i < people; i++) agent(person(i), "Person", "Person " + i, party(rng.nextInt(PARTIES)));
            places();
            long events = 0;
            while (written < limit || events < MIN_EVENTS) event(events++, people, rng);
            return events;
        }

        private void agent(String iri, String type, String label, String nationality) throws IOException {
            t(iri, TYPE, "<" + ONT + type + ">");
            t(iri, LABEL, literal(label));
            if (nationality != null) t(iri, "<" + ONT + "nationality>", nationality);
        }

        /** Ten regions of ten provinces of ten cities: a small transitive {@code bo:partOf} hierarchy. */
        private void places() throws IOException {
            for (int r = 0; r < 10; r++) {
                place("r" + r, null);
                for (int p = 0; p < 10; p++) {
                    place("r" + r + "p" + p, "r" + r);
                    for (int c = 0; c < 10; c++) place("r" + r + "p" + p + "c" + c, "r" + r + "p" + p);
                }
            }
        }

        private void place(String id, String parent) throws IOException {
            String iri = "<" + ID + "place/" + id + ">";
            t(iri, TYPE, "<" + ONT + "Place>");
            t(iri, LABEL, literal("Place " + id));
            if (parent != null) t(iri, "<" + ONT + "partOf>", "<" + ID + "place/" + parent + ">");
        }

        private void event(long i, int people, SplittableRandom rng) throws IOException {
            String e = SyntheticData.event(i);
            int kind = rng.nextInt(20);
            if (kind < 3) {
                t(e, TYPE, "<" + ONT + "Statement>");
                t(e, LABEL, literal("Statement " + i));
                t(e, "<" + ONT + "date>", "\"" + day(rng.nextInt(DAYS)) + "\"" + DATE);
                t(e, "<" + ONT + "speaker>", person(rng.nextInt(people)));
                t(e, "<" + ONT + "quote>", literal("Words spoken in statement " + i));
                return;
            }
            boolean counter = kind < 8 && i > 0;
            t(e, TYPE, "<" + ONT + (counter ? "Countermeasure>" : "Sanction>"));
            t(e, LABEL, literal((counter ? "Countermeasure " : "Sanction ") + i));
            t(e, "<" + ONT + "date>", "\"" + day(rng.nextInt(DAYS)) + "\"" + DATE);
            t(e, "<" + ONT + "imposedBy>", party(rng.nextInt(PARTIES)));
            int targets = 1 + rng.nextInt(counter ? 2 : 3);
            for (int k = 0; k < targets; k++) t(e, "<" + ONT + "targets>", person(rng.nextInt(people)));
            if (counter) t(e, "<" + ONT + "respondsTo>", SyntheticData.event(rng.nextLong(i)));
            else t(e, "<" + ONT + "place>", "<" + ID + "place/r" + rng.nextInt(10) + "p" + rng.nextInt(10) + "c" + rng.nextInt(10) + ">");
        }

        private static String person(int i) { return "<" + ID + "person/" + i + ">"; }

        private static String literal(String s) { return "\"" + s + "\""; }

        private void t(String s, String p, String o) throws IOException {
            out.write(s);
            out.write(' ');
            out.write(p);
            out.write(' ');
            out.write(o);
            out.write(" .\n");
            written++;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
