package org.sanctionskg.release;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A file of byte lines sorted by unsigned byte order, gzipped, written by an external merge sort: lines are held
 * in memory up to {@link #CHUNK_BYTES}, each full chunk is sorted and spilled to a run file, and the runs are
 * merged. Memory stays flat whatever the number of lines; duplicates are kept.
 */
final class SortedLines implements Closeable {
    static final int CHUNK_BYTES = 48 << 20;
    private static final int BUFFER = 1 << 16;

    private final Path runs;
    private final long chunkLimit;
    private final List<Path> spilled = new ArrayList<>();
    private List<byte[]> chunk = new ArrayList<>();
    private long chunkBytes;
    private long count;

    /** A sorter whose run files go into {@code runs} (created, and deleted on close). */
    SortedLines(Path runs) {
        this(runs, CHUNK_BYTES);
    }

    /** A sorter that spills a run each {@code chunkLimit} bytes of lines. */
    SortedLines(Path runs, long chunkLimit) {
        this.runs = runs;
        this.chunkLimit = chunkLimit;
    }

    void add(byte[] line) {
        chunk.add(line);
        chunkBytes += line.length + 16L; // the array's header counts against the budget too
        count++;
        if (chunkBytes >= chunkLimit) spill();
    }

    long count() {
        return count;
    }

    /** How many sorted runs went to disk so far. */
    int spilledRuns() {
        return spilled.size();
    }

    /** Writes every line in order to {@code file}, each followed by {@code \n}, and hands each to {@code each}. */
    void writeTo(Path file, Consumer<byte[]> each) {
        try (OutputStream out = gzip(file); Lines sorted = sorted()) {
            while (sorted.hasNext()) {
                byte[] line = sorted.next();
                out.write(line);
                out.write('\n');
                each.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Lines sorted() {
        if (spilled.isEmpty()) {
            chunk.sort(Arrays::compareUnsigned);
            Iterator<byte[]> it = chunk.iterator();
            return Lines.of(it, () -> {});
        }
        if (!chunk.isEmpty()) spill();
        List<Lines> readers = new ArrayList<>();
        for (Path run : spilled) readers.add(read(run));
        return merge(readers);
    }

    private void spill() {
        chunk.sort(Arrays::compareUnsigned);
        try {
            Files.createDirectories(runs);
            Path run = runs.resolve("run-" + spilled.size() + ".gz");
            try (OutputStream out = gzip(run)) {
                for (byte[] line : chunk) {
                    out.write(line);
                    out.write('\n');
                }
            }
            spilled.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk = new ArrayList<>();
        chunkBytes = 0;
    }

    @Override
    public void close() {
        chunk = List.of();
        try {
            for (Path run : spilled) Files.deleteIfExists(run);
            Files.deleteIfExists(runs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream gzip(Path file) throws IOException {
        return new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER), BUFFER) {
            { def.setLevel(Deflater.BEST_SPEED); }
        };
    }

    /** The lines of a file this class wrote, in order; close it when done. */
    static Lines read(Path file) {
        try {
            return new LineReader(new GZIPInputStream(Files.newInputStream(file), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The k-way merge of sorted line sources. */
    private static Lines merge(List<Lines> sources) {
        record Head(byte[] line, Lines from) {}
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.line, b.line));
        for (Lines s : sources) if (s.hasNext()) heads.add(new Head(s.next(), s));
        return Lines.of(new Iterator<>() {
            @Override public boolean hasNext() { return !heads.isEmpty(); }

            @Override
            public byte[] next() {
                Head head = heads.poll();
                if (head == null) throw new NoSuchElementException();
                if (head.from.hasNext()) heads.add(new Head(head.from.next(), head.from));
                return head.line;
            }
        }, () -> {
            for (Lines s : sources) s.close();
        });
    }

    /** Lines in order from a source that must be closed. */
    interface Lines extends Iterator<byte[]>, Closeable {
        static Lines of(Iterator<byte[]> it, Closeable onClose) {
            return new Lines() {
                @Override public boolean hasNext() { return it.hasNext(); }
                @Override public byte[] next() { return it.next(); }
                @Override public void close() throws IOException { onClose.close(); }
            };
        }
    }
}
