package org.sanctionskg.release;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The external sort behind a release's index keeps memory to one chunk and loses or reorders nothing. */
class SortedLinesTest {
    @Test
    void linesSpilledInManyRunsComeBackSortedWithDuplicatesAndTheRunsAreDeleted(@TempDir Path tmp) throws Exception {
        Random random = new Random(11);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) lines.add(("<https://example.org/é" + random.nextInt(2000) + "> \"v\" .").getBytes(StandardCharsets.UTF_8));
        Path runs = tmp.resolve("runs");
        Path out = tmp.resolve("sorted.gz");
        List<byte[]> seen = new ArrayList<>();
        try (SortedLines sorter = new SortedLines(runs, 4096)) {
            lines.forEach(sorter::add);
            sorter.writeTo(out, seen::add);
            assertTrue(sorter.spilledRuns() > 10, "spilled: " + sorter.spilledRuns());
        }
        assertFalse(Files.exists(runs), "runs deleted");
        List<byte[]> expected = new ArrayList<>(lines);
        expected.sort(Arrays::compareUnsigned);
        assertEquals(expected.size(), seen.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), seen.get(i), "line " + i);
        List<byte[]> read = new ArrayList<>();
        try (SortedLines.Lines file = SortedLines.read(out)) {
            file.forEachRemaining(read::add);
        }
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), read.get(i), "file line " + i);
    }
}
