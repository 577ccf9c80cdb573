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

    /** Deletes builds that are neither in {@code keep} nor open in a live process (failed or superseded loads). */
    public void prune(List<Build> keep) {
        for (Path dir : list()) {
            if (keep.stream().anyMatch(b -> b.dir().equals(dir)) || new Build(dir).inUse()) continue;
            deleteTree(dir);
        }
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
