package org.sanctionskg.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/** One complete load: its TDB2 database, its manifest and its published files. */
public record Build(Path dir) {
    /** Manifest key of the sources' fingerprint. */
    public static final String SOURCES = "sources.sha256";
    /** Manifest key naming the release that was live when this build was loaded (empty for the first). */
    public static final String PREVIOUS = "previous";
    /** Manifest key naming the build's checksum list: a build whose manifest has it must have the list. */
    static final String CHECKSUMS = "checksums";

    public Path database() {
        return dir.resolve("tdb2");
    }

    public Path manifestFile() {
        return dir.resolve("manifest.properties");
    }

    /** Files published with this build (dumps, dataset description). */
    public Path downloads() {
        return dir.resolve("download");
    }

    public String id() {
        return dir.getFileName().toString();
    }

    public Properties manifest() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(manifestFile(), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Forced to disk: a build with a manifest is complete; only its checksum list is written after it. */
    void writeManifest(Properties p) {
        try (Writer w = Files.newBufferedWriter(manifestFile(), StandardCharsets.UTF_8)) {
            p.store(w, "sanctions-kg build");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoreLayout.force(manifestFile());
    }

    /** True while its TDB2 database is kept: a release whose database was pruned keeps only its files. */
    public boolean queryable() {
        return Files.isDirectory(database());
    }

    /** True when its load finished: it has a manifest (its database may since have been pruned). */
    boolean isRecorded() {
        return Files.isRegularFile(manifestFile());
    }

    boolean isComplete() {
        return Files.isRegularFile(manifestFile()) && Files.isDirectory(database());
    }

    /** True while a live process holds this build's database lock. */
    boolean inUse() {
        Path lock = database().resolve("tdb.lock");
        try {
            if (!Files.isRegularFile(lock)) return false;
            String pid = Files.readString(lock).strip();
            if (pid.isEmpty()) return false;
            long holder = Long.parseLong(pid);
            if (holder == ProcessHandle.current().pid()) return heldHere(lock); // TDB2 leaves its pid behind on close
            return ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** True when a database of this process holds {@code lock}: a second lock from the same JVM overlaps it. */
    private static boolean heldHere(Path lock) {
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock();
            if (probe != null) probe.release();
            return probe == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: keep it
        }
    }
}
