package org.sanctionskg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;

/** The bench's findings, side by side: printed as a table and written as JSON. */
final class Report {

    /**
     * What "met" means for a row: ours / peer at least (or at most) {@code ratio}; or, {@code absolute}, ours itself
     * at most {@code ratio} (a count that must stay at 0, whatever the peer's).
     */
    record Target(boolean atLeast, double ratio, boolean absolute) {
        static Target atLeast(double r) { return new Target(true, r, false); }
        static Target atMost(double r) { return new Target(false, r, false); }
        static Target oursAtMost(double v) { return new Target(false, v, true); }
        boolean met(double actual) { return atLeast ? actual >= ratio : actual <= ratio; }
        String text() {
            if (absolute) return String.format(Locale.ROOT, "ours ≤ %s", num(ratio));
            return String.format(Locale.ROOT, "%s %.2f×", atLeast ? "≥" : "≤", ratio);
        }
    }

    /** One measured quantity, ours against a peer; {@code target} is null for figures given for context. */
    record Row(String part, String metric, String unit, double ours, String peerName, double peer, Target target) {
        double ratio() { return ours / peer; }
        boolean measured() { return !Double.isNaN(ours) && !Double.isNaN(peer) && peer != 0; }
        String met() {
            if (target == null) return "";
            if (target.absolute()) return Double.isNaN(ours) ? "n/a" : target.met(ours) ? "yes" : "NO";
            if (!measured()) return "n/a";
            return target.met(ratio()) ? "yes" : "NO";
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String command;

    Report(String command) {
        this.command = command;
    }

    void add(Row row) {
        rows.add(row);
    }

    void note(String text) {
        notes.add(text);
    }

    List<Row> rows() {
        return rows;
    }

    void print(PrintWriter out) {
        String format = "%-7s %-52s %10s  %-15s %10s  %6s  %-8s %s%n";
        out.printf(format, "part", "metric", "ours", "peer", "peer value", "ratio", "target", "met?");
        for (Row r : rows)
            out.printf(format, r.part(), r.metric() + " (" + r.unit() + ")", num(r.ours()), r.peerName(), num(r.peer()),
                    r.measured() ? String.format(Locale.ROOT, "%.2f", r.ratio()) : "n/a",
                    r.target() == null ? "" : r.target().text(), r.met());
        for (String n : notes) out.println("note: " + n);
        out.flush();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,.0f", v); // counts
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
    }

    void writeJson(Path file) {
        JsonObject root = new JsonObject();
        root.put("command", command);
        JsonArray list = new JsonArray();
        for (Row r : rows) {
            JsonObject o = new JsonObject();
            o.put("part", r.part());
            o.put("metric", r.metric());
            o.put("unit", r.unit());
            putNumber(o, "ours", r.ours());
            o.put("peer", r.peerName());
            putNumber(o, "peerValue", r.peer());
            putNumber(o, "ratio", r.measured() ? r.ratio() : Double.NaN);
            if (r.target() != null) {
                o.put("target", r.target().text());
                o.put("met", r.met());
            }
            list.add(o);
        }
        root.put("rows", list);
        JsonArray noteList = new JsonArray();
        notes.forEach(noteList::add);
        root.put("notes", noteList);
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                JSON.write(out, root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putNumber(JsonObject o, String key, double v) {
        o.put(key, Double.isNaN(v) ? JsonNull.instance : JsonNumber.value(v));
    }
}
