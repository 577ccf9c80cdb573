package org.sanctionskg.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packages form layers: each imports only packages below it, so there is no cycle (read from the sources). */
class PackageLayersTest {
    private static final Path MAIN = Path.of("kg/src/main/java/org/sanctionskg");
    /** Top to bottom; a package may use any package listed after it, never one before it. */
    private static final List<String> LAYERS = List.of("cli", "server", "release", "site", "linkeddata", "query", "endpoint", "web",
            "store", "validation", "(root)", "rdf");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.sanctionskg\\.(?:([a-z]+)\\.)?[A-Z]", Pattern.MULTILINE);

    @Test
    void everyPackageIsInTheLayerList() {
        Map<String, Set<String>> uses = uses();
        assertTrue(uses.size() >= 10, "expected the product's packages, found " + uses.keySet());
        assertEquals(new TreeSet<>(LAYERS), new TreeSet<>(uses.keySet()), "a new package gets its place in LAYERS");
    }

    @Test
    void importsOnlyRunDownTheLayersSoNoPackageCycleExists() {
        List<String> upward = new ArrayList<>();
        uses().forEach((from, targets) -> targets.stream()
                .filter(to -> LAYERS.indexOf(to) <= LAYERS.indexOf(from))
                .forEach(to -> upward.add(from + " -> " + to)));
        assertTrue(upward.isEmpty(), "imports that run up the layers (or sideways): " + upward);
    }

    /** Package → the other project packages its sources import. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Path dir = MAIN.relativize(f.getParent());
                String from = dir.toString().isEmpty() ? "(root)" : dir.toString().replace('/', '.');
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(read(f));
                while (m.find()) {
                    String to = m.group(1) == null ? "(root)" : m.group(1);
                    if (!to.equals(from)) targets.add(to);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
