package org.sanctionskg.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A build's {@code checksums.sha256}: the SHA-256 and size of every file of the build, written last at load.
 * <p>
 * The file is in {@code sha256sum} format, so {@code cd store/builds/ID && sha256sum -c checksums.sha256} checks a
 * build by hand too: each entry is a {@code # size N} comment (GNU {@code sha256sum -c} skips lines that start with
 * {@code #}, even with {@code --strict}) followed by the usual {@code HEX  PATH} line, paths relative to the build
 * folder with {@code /} between names, in sorted order.
 * <p>
 * Not listed: this file itself, and every {@code tdb.lock} (TDB2 writes the opening process's id into
 * {@code tdb2/tdb.lock} and {@code tdb2/Data-0001/tdb.lock} each time the database is opened). Nothing else in a
 * build changes while it is served: opening a build, querying it over HTTP and on the command line and closing it
 * leaves every other file, the journal {@code Data-0001/journal.jrnl} included, byte for byte as the load wrote it
 * (measured; {@code BuildIntegrityTest} keeps it so). A journal that is not empty would be replayed into the
 * indexes on the next open, so it is listed like any other file.
 */
final class Checksums {
    static final String FILE = "checksums.sha256";
    private static final String TDB_LOCK = "tdb.lock";
    private static final String SIZE = "# size ";
    private static final int BUFFER = 1 << 20;

    private Checksums() {}

    /** One listed file: its path relative to the build folder, its size in bytes and its SHA-256 in hex. */
    record Entry(String path, long size, String sha256) {}

    /** True for the files a build does not list: this list and TDB2's lock files. */
    static boolean unlisted(String relativePath) {
        return relativePath.equals(FILE) || relativePath.equals(TDB_LOCK) || relativePath.endsWith("/" + TDB_LOCK);
    }

    /** Hashes every file of {@code build} (streamed, files side by side) and writes the list, forced to disk. */
    static List<Entry> write(Build build) {
        List<Entry> entries = files(build.dir()).parallelStream().map(path -> {
            Path file = build.dir().resolve(path);
            try {
                return new Entry(path, Files.size(file), sha256(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        writeList(build, entries, "", build.dir().resolve(FILE));
        return entries;
    }

    /**
     * Rewrites the list without the database's files, before the database of a kept release is deleted (see
     * {@link StoreLayout#prune}); replaced by an atomic rename, so a crash leaves the old list or the new one.
     */
    static void withoutDatabase(Build build) throws Malformed, IOException {
        Optional<List<Entry>> recorded = read(build);
        if (recorded.isEmpty()) return;
        String database = build.dir().relativize(build.database()) + "/";
        List<Entry> kept = recorded.get().stream().filter(e -> !e.path().startsWith(database)).toList();
        Path tmp = build.dir().resolve(FILE + ".tmp");
        writeList(build, kept, "# " + database + " pruned (--keep-releases): this release keeps its dumps, not its database.\n", tmp);
        Files.move(tmp, build.dir().resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StoreLayout.force(build.dir());
    }

    private static void writeList(Build build, List<Entry> entries, String note, Path list) {
        try (BufferedWriter w = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
            w.write("# sanctions-kg build " + build.id() + ": the size and SHA-256 of each of its files, written at load.\n");
            w.write("# Check by hand: cd into this folder, then sha256sum -c " + FILE + "\n");
            w.write("# Not listed: this file, and tdb.lock (TDB2 rewrites it each time the database is opened).\n");
            w.write(note);
            for (Entry e : entries) {
                w.write(SIZE + e.size() + "\n");
                w.write(line(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoreLayout.force(list);
    }

    /** The recorded list, or empty when the build has none; a list that cannot be parsed names its line. */
    static Optional<List<Entry>> read(Build build) throws Malformed, IOException {
        Path list = build.dir().resolve(FILE);
        if (!Files.isRegularFile(list)) return Optional.empty();
        List<Entry> entries = new ArrayList<>();
        Long size = null;
        int n = 0;
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            n++;
            if (line.startsWith(SIZE)) {
                try {
                    size = Long.parseLong(line.substring(SIZE.length()).strip());
                } catch (NumberFormatException e) {
                    throw new Malformed(n);
                }
            } else if (line.startsWith("#") || line.isBlank()) {
                continue;
            } else {
                boolean escaped = line.startsWith("\\");
                String rest = escaped ? line.substring(1) : line;
                if (size == null || rest.length() < 66 || !rest.startsWith("  ", 64)) throw new Malformed(n);
                String path = rest.substring(66);
                if (escaped) path = path.replace("\\n", "\n").replace("\\\\", "\\");
                entries.add(new Entry(path, size, rest.substring(0, 64)));
                size = null;
            }
        }
        return Optional.of(entries);
    }

    /** A line of {@code checksums.sha256} that is not ours. */
    static final class Malformed extends Exception {
        final int line;

        Malformed(int line) {
            super("line " + line, null, false, false);
            this.line = line;
        }
    }

    /** {@code HEX  PATH}, escaped as {@code sha256sum} does for a name with a backslash or a newline. */
    private static String line(Entry e) {
        if (e.path().indexOf('\\') < 0 && e.path().indexOf('\n') < 0) return e.sha256() + "  " + e.path() + "\n";
        return "\\" + e.sha256() + "  " + e.path().replace("\\", "\\\\").replace("\n", "\\n") + "\n";
    }

    /** Every file under {@code dir} that a build lists, as sorted relative paths. */
    static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> relative(dir, p)).filter(p -> !unlisted(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** SHA-256 of a file in hex, read in 1 MiB blocks. */
    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
