package org.sanctionskg.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** One complete load: its TDB2 database, its manifest and its published files. */
public record Build(Path dir) {
    /** Manifest key of the sources' fingerprint. */
    static final String SOURCES = "sources.sha256";
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

    boolean isComplete() {
        return Files.isRegularFile(manifestFile()) && Files.isDirectory(database());
    }

    /** True while a live process holds this build's database lock. */
    boolean inUse() {
        Path lock = database().resolve("tdb.lock");
        try {
            if (!Files.isRegularFile(lock)) return false;
            String pid = Files.readString(lock).strip();
            return !pid.isEmpty() && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
