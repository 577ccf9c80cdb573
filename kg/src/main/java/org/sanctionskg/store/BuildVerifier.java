package org.sanctionskg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a build against the {@code checksums.sha256} its load wrote: every listed file is there with its size
 * (all sizes first: cheap, and catches a truncated or missing file at once), no file was added, then every file's
 * SHA-256. The first difference is the verdict.
 */
public final class BuildVerifier {
    private BuildVerifier() {}

    public enum Status {
        /** Every file as the load wrote it. */
        INTACT,
        /** Loaded before builds recorded checksums: nothing to check against. */
        UNCHECKED,
        /** No manifest: a load that never finished (never published, unless its folder was damaged). */
        INCOMPLETE,
        /** A file differs from what the load wrote, or is missing. */
        DAMAGED
    }

    /** What checking one build found; {@code detail} names the first damaged file. */
    public record Verdict(Build build, Status status, String detail) {
        public boolean intact() {
            return status == Status.INTACT;
        }

        /** A few words for a listing: {@code ok}, {@code damaged: F does not match its checksum}, … */
        public String summary() {
            return switch (status) {
                case INTACT -> "ok";
                case UNCHECKED -> "not verified: " + detail;
                case INCOMPLETE -> "incomplete: " + detail;
                case DAMAGED -> "damaged: " + detail;
            };
        }

        /** One sentence naming the build: {@code build X is damaged: F does not match its checksum}. */
        public String sentence() {
            return switch (status) {
                case INTACT -> "build " + build.id() + " is intact";
                case UNCHECKED -> "build " + build.id() + " is not verified: " + detail;
                case INCOMPLETE -> "build " + build.id() + " is incomplete: " + detail;
                case DAMAGED -> "build " + build.id() + " is damaged: " + detail;
            };
        }
    }

    /**
     * Builds this process has hashed and found intact, with the size and modification time of each file then: a build
     * opened again with every file unchanged is not hashed again (a server started per test would otherwise hash
     * ~200 MiB of pre-sized index files each time). A new process, and {@code verify}, always hash.
     */
    private static final Map<Path, String> HASHED = new ConcurrentHashMap<>();

    /** Checks one build, hashing it unless this process found it intact and unchanged since; never throws for what it finds on disk. */
    public static Verdict verify(Build build) {
        return verify(build, false);
    }

    /** Checks one build; {@code thorough} hashes every file whatever this process saw before. */
    public static Verdict verify(Build build, boolean thorough) {
        Optional<List<Checksums.Entry>> recorded;
        try {
            recorded = Checksums.read(build);
        } catch (Checksums.Malformed e) {
            return damaged(build, Checksums.FILE + " is not a checksum list (" + e.getMessage() + ")");
        } catch (IOException | UncheckedIOException e) {
            return damaged(build, Checksums.FILE + " cannot be read (" + e.getMessage() + ")");
        }
        if (recorded.isEmpty()) return withoutList(build);
        List<Checksums.Entry> entries = recorded.get();
        Path dir = build.dir().toAbsolutePath().normalize();
        Set<String> listed = new HashSet<>();
        String at = Checksums.FILE;
        try {
            for (Checksums.Entry e : entries) {
                at = e.path();
                listed.add(e.path());
                Path file = dir.resolve(e.path()).normalize();
                if (!file.startsWith(dir) || Checksums.unlisted(e.path())) return damaged(build, Checksums.FILE + " lists " + e.path());
                if (!Files.isRegularFile(file)) return damaged(build, e.path() + " is missing");
                long size = Files.size(file);
                if (size != e.size()) return damaged(build, e.path() + " has " + size + " bytes, not " + e.size());
            }
            at = ".";
            for (String path : Checksums.files(dir)) {
                if (!listed.contains(path)) return damaged(build, path + " is not part of the build");
            }
        } catch (IOException | UncheckedIOException e) {
            return damaged(build, at + " cannot be read (" + e.getMessage() + ")");
        }
        String stamp = stamp(dir, entries);
        if (!thorough && stamp != null && stamp.equals(HASHED.get(dir))) return new Verdict(build, Status.INTACT, "");
        // Files side by side (most of a build is a few dozen 8 MiB index files); the first in list order is reported.
        Verdict verdict = entries.parallelStream().map(e -> hashVerdict(build, dir, e)).filter(v -> !v.intact()).findFirst()
                .orElse(new Verdict(build, Status.INTACT, ""));
        if (verdict.intact() && stamp != null) HASHED.put(dir, stamp);
        else HASHED.remove(dir);
        return verdict;
    }

    /** Size and modification time (to the nanosecond the file system keeps) of every listed file; null if unreadable. */
    private static String stamp(Path dir, List<Checksums.Entry> entries) {
        StringBuilder s = new StringBuilder();
        try {
            for (Checksums.Entry e : entries) {
                Path file = dir.resolve(e.path());
                s.append(e.path()).append(' ').append(Files.size(file)).append(' ').append(Files.getLastModifiedTime(file).toInstant()).append('\n');
            }
        } catch (IOException e) {
            return null;
        }
        return s.toString();
    }

    private static Verdict hashVerdict(Build build, Path dir, Checksums.Entry e) {
        try {
            if (Checksums.sha256(dir.resolve(e.path())).equals(e.sha256())) return new Verdict(build, Status.INTACT, "");
            return damaged(build, e.path() + " does not match its checksum");
        } catch (IOException | UncheckedIOException x) {
            return damaged(build, e.path() + " cannot be read (" + x.getMessage() + ")");
        }
    }

    /** The live build only, or ({@code all}) every build kept in the store, newest first. */
    public static List<Verdict> verify(StoreLayout layout, boolean all) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Build b : all ? layout.all() : layout.current().map(List::of).orElse(List.of())) verdicts.add(verify(b, true));
        return verdicts;
    }

    /** A build with no checksum list: from before they were recorded, unless its manifest says it had one. */
    private static Verdict withoutList(Build build) {
        if (!Files.isRegularFile(build.manifestFile())) return new Verdict(build, Status.INCOMPLETE, "no manifest (a load that did not finish)");
        try {
            if (build.manifest().getProperty(Build.CHECKSUMS) != null) return damaged(build, Checksums.FILE + " is missing");
        } catch (UncheckedIOException e) {
            return damaged(build, build.dir().relativize(build.manifestFile()) + " cannot be read (" + e.getMessage() + ")");
        }
        return new Verdict(build, Status.UNCHECKED, "it has no checksums (loaded before builds recorded them; load again to add them)");
    }

    private static Verdict damaged(Build build, String detail) {
        return new Verdict(build, Status.DAMAGED, detail);
    }
}
