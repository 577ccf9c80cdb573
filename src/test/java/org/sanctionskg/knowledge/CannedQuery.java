package org.sanctionskg.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A canned query file read the way the tests need it: name (file stem), the {@code #+} header (a small YAML
 * subset: top-level {@code key: value}, lists of scalars, lists of maps for params) and the query text.
 */
record CannedQuery(String name, Map<String, Object> header, String text) {

    static final Path DIR = Knowledge.ROOT.resolve("queries");

    static List<CannedQuery> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".rq")).sorted().map(CannedQuery::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CannedQuery named(String name) {
        return read(DIR.resolve(name + ".rq"));
    }

    static CannedQuery read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String stem = file.getFileName().toString().replaceFirst("\\.rq$", "");
            return new CannedQuery(stem, parseHeader(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, String>> params() {
        Object params = header.get("params");
        return params instanceof List<?> list ? (List<Map<String, String>>) list : List.of();
    }

    static Map<String, Object> parseHeader(String text) {
        Map<String, Object> header = new LinkedHashMap<>();
        String key = null;
        Map<String, String> currentMap = null;
        for (String line : text.split("\n")) {
            if (!line.startsWith("#+")) {
                continue;
            }
            String body = line.substring(2);
            String trimmed = body.strip();
            int indent = body.length() - body.stripLeading().length();
            if (indent <= 1 && trimmed.contains(":")) {
                key = trimmed.substring(0, trimmed.indexOf(':')).strip();
                String value = trimmed.substring(trimmed.indexOf(':') + 1).strip();
                header.put(key, value.isEmpty() ? new ArrayList<>() : value.equals("[]") ? new ArrayList<>() : unquote(value));
                currentMap = null;
            } else if (trimmed.startsWith("- ") && key != null && header.get(key) instanceof List<?>) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) header.get(key);
                String item = trimmed.substring(2).strip();
                if (item.contains(": ")) {
                    currentMap = new LinkedHashMap<>();
                    putPair(currentMap, item);
                    list.add(currentMap);
                } else {
                    list.add(unquote(item));
                    currentMap = null;
                }
            } else if (currentMap != null && trimmed.contains(":")) {
                putPair(currentMap, trimmed);
            } else {
                throw new IllegalArgumentException("unreadable header line: " + line);
            }
        }
        return header;
    }

    private static void putPair(Map<String, String> map, String pair) {
        map.put(pair.substring(0, pair.indexOf(':')).strip(), unquote(pair.substring(pair.indexOf(':') + 1).strip()));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
