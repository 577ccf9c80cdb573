package org.sanctionskg.release;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * What changed since the previous release: triples added and removed per named graph, and the entities (IRI
 * subjects) added, removed or changed, each with a count and the first {@link #SAMPLE} IRIs in sorted order.
 * Triples about blank nodes count in their graph, but belong to no entity.
 */
record Changelog(String previous, long added, long removed, Map<String, long[]> graphs, Map<Kind, Entities> entities) {
    static final int SAMPLE = 100;

    /** How an entity changed. */
    enum Kind {
        ADDED, REMOVED, CHANGED;

        /** Its name in the JSON record and on the page. */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How many entities changed one way, and the first of them. */
    record Entities(long count, List<String> sample) {}

    /** Compares the sorted lines of two releases as the new ones stream past: memory holds one subject's flags only. */
    static final class Diff {
        private final String previous;
        private final Iterator<byte[]> old;
        private byte[] oldHead;
        private long added;
        private long removed;
        private final Map<String, long[]> graphs = new TreeMap<>();
        private final Map<Kind, long[]> counts = new LinkedHashMap<>();
        private final Map<Kind, List<String>> samples = new LinkedHashMap<>();
        private String subject;
        private boolean inOld;
        private boolean inNew;
        private boolean changed;
        private boolean unreadable;

        Diff(String previous, Iterator<byte[]> old) {
            this.previous = previous;
            this.old = old;
            advanceOld();
            for (Kind k : Kind.values()) {
                counts.put(k, new long[1]);
                samples.put(k, new ArrayList<>());
            }
        }

        /** The next line of the new release, in sorted order. */
        void accept(byte[] line) {
            while (oldHead != null && Arrays.compareUnsigned(oldHead, line) < 0) removedOld();
            if (oldHead != null && Arrays.equals(oldHead, line)) {
                visit(line, true, true, false);
                advanceOld();
            } else {
                visit(line, false, true, true);
                added++;
                graphs.computeIfAbsent(QuadLines.graph(line), g -> new long[2])[0]++;
            }
        }

        /** The changelog; empty when the previous index could not be read to its end (damaged, truncated). */
        Optional<Changelog> finish() {
            while (oldHead != null) removedOld();
            if (unreadable) return Optional.empty();
            visit(null, false, false, false);
            Map<Kind, Entities> entities = new LinkedHashMap<>();
            counts.forEach((k, n) -> entities.put(k, new Entities(n[0], List.copyOf(samples.get(k)))));
            return Optional.of(new Changelog(previous, added, removed, graphs, entities));
        }

        /** A previous index that fails to read ends the comparison, not the load: the new index is written all the same. */
        private void advanceOld() {
            try {
                oldHead = old.hasNext() ? old.next() : null;
            } catch (UncheckedIOException e) {
                oldHead = null;
                unreadable = true;
            }
        }

        private void removedOld() {
            visit(oldHead, true, false, true);
            removed++;
            graphs.computeIfAbsent(QuadLines.graph(oldHead), g -> new long[2])[1]++;
            advanceOld();
        }

        /** Lines come in sorted order, so all lines of one subject come together: its status is known at the next. */
        private void visit(byte[] line, boolean fromOld, boolean fromNew, boolean differs) {
            String s = line == null ? null : QuadLines.subject(line);
            if (subject != null && !subject.equals(s)) {
                if (QuadLines.isEntity(subject)) {
                    if (!inOld) count(Kind.ADDED);
                    else if (!inNew) count(Kind.REMOVED);
                    else if (changed) count(Kind.CHANGED);
                }
                subject = null;
            }
            if (s == null) return;
            if (subject == null) {
                subject = s;
                inOld = inNew = changed = false;
            }
            inOld |= fromOld;
            inNew |= fromNew;
            changed |= differs;
        }

        private void count(Kind kind) {
            counts.get(kind)[0]++;
            if (samples.get(kind).size() < SAMPLE) samples.get(kind).add(QuadLines.iri(subject));
        }
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.put("previous", previous);
        o.put("triplesAdded", added);
        o.put("triplesRemoved", removed);
        JsonArray byGraph = new JsonArray();
        graphs.forEach((g, n) -> {
            JsonObject j = new JsonObject();
            j.put("graph", g);
            j.put("added", n[0]);
            j.put("removed", n[1]);
            byGraph.add(j);
        });
        o.put("graphs", byGraph);
        JsonObject es = new JsonObject();
        entities.forEach((k, e) -> {
            JsonObject j = new JsonObject();
            j.put("count", e.count());
            JsonArray sample = new JsonArray();
            e.sample().forEach(sample::add);
            j.put("sample", sample);
            es.put(k.key(), j);
        });
        o.put("entities", es);
        return o;
    }

    static Changelog fromJson(JsonObject o) {
        Map<String, long[]> graphs = new TreeMap<>();
        for (JsonValue v : o.get("graphs").getAsArray()) {
            JsonObject g = v.getAsObject();
            graphs.put(g.getString("graph"), new long[] {number(g, "added"), number(g, "removed")});
        }
        Map<Kind, Entities> entities = new LinkedHashMap<>();
        JsonObject es = o.getObj("entities");
        for (Kind k : Kind.values()) {
            JsonObject e = es.getObj(k.key());
            entities.put(k, new Entities(number(e, "count"), e.get("sample").getAsArray().stream().map(x -> x.getAsString().value()).toList()));
        }
        return new Changelog(o.getString("previous"), number(o, "triplesAdded"), number(o, "triplesRemoved"), graphs, entities);
    }

    static long number(JsonObject o, String key) {
        return o.get(key).getAsNumber().value().longValue();
    }
}
