package org.sanctionskg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folders of a store: {@code builds/<id>/} each hold a complete load (TDB2 database, manifest, dumps) and
 * {@code CURRENT} names the live one. Switching is an atomic rename of {@code CURRENT}, so a load that fails or is
 * killed never touches what is served.
 */
public record StoreLayout(Path root) {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    public Path builds() {
        return root.resolve("builds");
    }

    public Path pointer() {
        return root.resolve("CURRENT");
    }

    /** The live build, if a load ever completed. */
    public Optional<Build> current() {
        Path pointer = pointer();
        if (!Files.isRegularFile(pointer)) return Optional.empty();
        try {
            String id = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Path dir = builds().resolve(id);
            return Files.isDirectory(dir) ? Optional.of(new Build(dir)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, empty build folder beside the live one. */
    public Build newBuild() {
        try {
            Files.createDirectories(builds());
            Path dir = builds().resolve(ID.format(Instant.now()));
            while (Files.exists(dir)) dir = builds().resolve(ID.format(Instant.now()) + "-" + System.nanoTime());
            return new Build(Files.createDirectory(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code build} the live store in one atomic step. */
    public void publish(Build build) {
        try {
            Path tmp = root.resolve("CURRENT.tmp");
            Files.writeString(tmp, build.dir().getFileName().toString() + "\n", StandardCharsets.UTF_8);
            force(tmp);
            force(builds());
            Files.move(tmp, pointer(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            force(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every build folder in the store, newest first (ids sort by time), finished or not. */
    public List<Build> all() {
        return list().stream().sorted(Comparator.reverseOrder()).map(Build::new).toList();
    }

    /**
     * The releases, newest first: the live build, then the one that was live when it was loaded (its manifest's
     * {@link Build#PREVIOUS}), and so on while they are kept. A build from before releases were recorded counts the
     * next older complete build as its previous one.
     */
    public List<Build> releases() {
        List<Build> chain = new ArrayList<>();
        Optional<Build> next = current();
        while (next.isPresent() && next.get().isRecorded() && (chain.isEmpty() || older(next.get(), chain.get(chain.size() - 1)))) {
            chain.add(next.get());
            next = previous(next.get());
        }
        return List.copyOf(chain);
    }

    /** The kept release {@code id}, queryable or not ({@link Build#queryable}); empty when unknown or deleted. */
    public Optional<Build> release(String id) {
        return releases().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    private Optional<Build> previous(Build build) {
        String id;
        try {
            id = build.manifest().getProperty(Build.PREVIOUS);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        if (id == null) return all().stream().filter(b -> older(b, build) && b.isRecorded()).findFirst();
        Path dir = builds().resolve(id);
        return id.isEmpty() || !dir.getParent().equals(builds()) || !Files.isDirectory(dir) ? Optional.empty() : Optional.of(new Build(dir));
    }

    private static boolean older(Build a, Build b) {
        return a.id().compareTo(b.id()) < 0;
    }

    /**
     * After a load, keeps the newest {@code keepReleases} releases ({@link #releases}) downloadable and deletes every
     * other build folder (superseded releases, failed or unfinished loads). Of the kept releases, only the live one
     * and the previous one keep their TDB2 database; the others keep their dumps and release record. Whatever a
     * live process has open ({@link Build#inUse}) is left whole, and so is the previous release whatever
     * {@code keepReleases} says: a server may still be answering from it.
     */
    public void prune(int keepReleases) {
        List<Build> releases = releases();
        if (releases.isEmpty()) return; // no live build to measure against: delete nothing
        List<Path> kept = releases.stream().limit(Math.max(keepReleases, 1)).map(Build::dir).toList();
        List<Path> queryable = releases.stream().limit(2).map(Build::dir).toList();
        for (Path dir : list()) {
            Build build = new Build(dir);
            if (queryable.contains(dir) || build.inUse()) continue;
            if (kept.contains(dir)) pruneDatabase(build);
            else deleteTree(dir);
        }
    }

    /** The checksum list first, then the files: a crash between leaves files the next prune deletes. */
    private static void pruneDatabase(Build build) {
        if (!build.queryable()) return;
        try {
            Checksums.withoutDatabase(build);
        } catch (Checksums.Malformed | IOException e) {
            throw new UncheckedIOException(new IOException(build.id() + ": " + Checksums.FILE + " unreadable, database kept", e));
        }
        deleteTree(build.database());
    }

    private List<Path> list() {
        if (!Files.isDirectory(builds())) return List.of();
        try (Stream<Path> s = Files.list(builds())) {
            return s.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fsync a file or folder, so a rename that follows never names unwritten data after a power loss. */
    static void force(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
