package org.sanctionskg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code #+} header of a canned query: a small, strict subset of YAML. Top-level {@code key: value}
 * pairs; a key with no value takes the list indented below it, whose items are scalars ({@code - text}) or maps
 * ({@code - name: x} with further keys lined up under the first); values are scalars, optionally quoted, or flow
 * lists {@code [a, b]}. Anything else is an error naming its line: nothing is guessed or skipped.
 */
final class HeaderParser {
    /** A value and the line it was read from: a {@code String}, a {@code List<String>} or a {@code List<Map<String, Value>>}. */
    record Value(int line, Object value) {}

    /** An error at one line of the header; the caller adds the file name. */
    static final class HeaderException extends RuntimeException {
        final int line;

        HeaderException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private record Line(int number, int indent, String text) {}

    private static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):(?:\\s+(.*))?");

    private final List<Line> lines;
    private int pos;

    private HeaderParser(List<Line> lines) {
        this.lines = lines;
    }

    /** The header of {@code source} as top-level key to value, in file order; empty when there are no {@code #+} lines. */
    static Map<String, Value> parse(String source) {
        return new HeaderParser(headerLines(source)).top();
    }

    private static List<Line> headerLines(String source) {
        List<Line> out = new ArrayList<>();
        String[] all = source.split("\r?\n", -1);
        boolean queryStarted = false;
        for (int i = 0; i < all.length; i++) {
            String raw = all[i];
            if (!raw.startsWith("#+")) {
                String t = raw.strip();
                if (!t.isEmpty() && !t.startsWith("#")) queryStarted = true;
                continue;
            }
            if (queryStarted) throw new HeaderException(i + 1, "'#+' header line after the query text began; headers go at the top");
            String rest = raw.substring(2);
            if (rest.isBlank()) continue;
            if (!rest.startsWith(" ")) throw new HeaderException(i + 1, "write a space after '#+'");
            rest = rest.substring(1).stripTrailing();
            if (rest.indexOf('\t') >= 0) throw new HeaderException(i + 1, "tab in header; indent with spaces");
            int indent = 0;
            while (rest.charAt(indent) == ' ') indent++;
            out.add(new Line(i + 1, indent, rest.substring(indent)));
        }
        return out;
    }

    private Map<String, Value> top() {
        Map<String, Value> entries = new LinkedHashMap<>();
        while (pos < lines.size()) {
            Line l = lines.get(pos++);
            if (l.indent != 0) throw new HeaderException(l.number, "unexpected indentation (top-level keys start right after '#+ ')");
            var m = key(l, l.text);
            String text = m.group(2);
            Value value = text == null || text.isEmpty() ? block(l, m.group(1)) : new Value(l.number, scalarOrList(text, l.number));
            if (entries.put(m.group(1), value) != null) throw new HeaderException(l.number, "duplicate key '" + m.group(1) + "'");
        }
        return entries;
    }

    private Value block(Line owner, String key) {
        List<Object> items = new ArrayList<>();
        int itemIndent = -1;
        while (pos < lines.size() && lines.get(pos).indent > 0) {
            Line l = lines.get(pos++);
            if (!l.text.startsWith("- ")) throw new HeaderException(l.number, "expected a list item '- …' under '" + key + ":'");
            if (itemIndent < 0) itemIndent = l.indent;
            else if (l.indent != itemIndent) throw new HeaderException(l.number, "list item indented differently from the first item");
            String body = l.text.substring(2).strip();
            items.add(KEY.matcher(body).matches() ? map(l, body, itemIndent + 2) : scalar(body, l.number));
        }
        if (items.isEmpty()) throw new HeaderException(owner.number, "'" + key + ":' needs a value, or a list indented below it");
        boolean maps = items.get(0) instanceof Map;
        for (Object item : items)
            if (item instanceof Map != maps) throw new HeaderException(owner.number, "'" + key + ":' mixes plain items and key: value items");
        return new Value(owner.number, List.copyOf(items));
    }

    private Map<String, Value> map(Line first, String body, int keyIndent) {
        Map<String, Value> map = new LinkedHashMap<>();
        put(map, first, body);
        while (pos < lines.size() && lines.get(pos).indent > keyIndent - 2) {
            Line l = lines.get(pos++);
            if (l.indent != keyIndent) throw new HeaderException(l.number, "line up this key under '" + map.keySet().iterator().next() + "' above it");
            put(map, l, l.text);
        }
        return map;
    }

    private static void put(Map<String, Value> map, Line l, String text) {
        var m = key(l, text);
        if (m.group(2) == null || m.group(2).isEmpty())
            throw new HeaderException(l.number, "'" + m.group(1) + ":' needs a value (lists inside an item are written [a, b])");
        if (map.put(m.group(1), new Value(l.number, scalarOrList(m.group(2), l.number))) != null)
            throw new HeaderException(l.number, "duplicate key '" + m.group(1) + "'");
    }

    private static java.util.regex.Matcher key(Line l, String text) {
        var m = KEY.matcher(text);
        if (!m.matches()) throw new HeaderException(l.number, "expected 'key: value', got '" + text + "'");
        return m;
    }

    private static Object scalarOrList(String text, int line) {
        if (!text.startsWith("[")) return scalar(text, line);
        if (!text.endsWith("]")) throw new HeaderException(line, "a list starting with '[' must end with ']'");
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        char quote = 0;
        for (char c : text.substring(1, text.length() - 1).toCharArray()) {
            if (quote == 0 && c == ',') {
                items.add(scalar(item.toString().strip(), line));
                item.setLength(0);
                continue;
            }
            if (c == '"' || c == '\'') quote = quote == 0 ? c : quote == c ? 0 : quote;
            item.append(c);
        }
        if (quote != 0) throw new HeaderException(line, "unclosed quote in list");
        if (!item.toString().isBlank() || !items.isEmpty()) items.add(scalar(item.toString().strip(), line));
        return List.copyOf(items);
    }

    private static String scalar(String text, int line) {
        if (text.isEmpty()) throw new HeaderException(line, "empty value");
        char first = text.charAt(0);
        if (first != '"' && first != '\'') return text;
        if (text.length() < 2 || text.charAt(text.length() - 1) != first)
            throw new HeaderException(line, "unclosed quote in " + text);
        String inner = text.substring(1, text.length() - 1);
        return first == '\'' ? inner.replace("''", "'") : inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
