package org.sanctionskg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.sanctionskg.UserException;

/**
 * What went wrong while a build was being written, in one line that says what to do: a full disk, memory, or
 * another failure to write. Worked out before the partial build is deleted, so that the free space it shows is the
 * space the load ran out of.
 */
final class LoadFailure {
    /** Less free space than this where the build was being written, after a write failed: the disk is full. */
    static final long FULL_BELOW = 4L << 20;

    private LoadFailure() {}

    /** The one-line report for {@code failure}; empty when it is none of ours (a user error of a build step, say). */
    static Optional<UserException> describe(Throwable failure, Build build, Path storeRoot) {
        String where = "build " + build.id() + " in " + storeRoot;
        if (find(failure, OutOfMemoryError.class) != null) return Optional.of(outOfMemory("writing " + where, failure));
        IOException io = find(failure, IOException.class);
        boolean written = io != null || find(failure, InternalError.class) != null || find(failure, LoadGuard.Stalled.class) != null
                || find(failure, IncompleteIndex.class) != null;
        if (!written) return Optional.empty();
        if (mentions(failure, "No space left on device") || diskFull(build.dir()))
            return Optional.of(new UserException("disk full while writing " + where + ": free space and load again", failure));
        String cause = io != null ? message(io)
                : find(failure, InternalError.class) != null ? "a write to a memory-mapped TDB2 file failed"
                : find(failure, IncompleteIndex.class) != null ? find(failure, IncompleteIndex.class).getMessage()
                : find(failure, LoadGuard.Stalled.class).getMessage();
        return Optional.of(new UserException("could not write " + where + " (" + cause + "): load again", failure));
    }

    /** Out of memory: the heap the JVM was given, and how to give it more. */
    static UserException outOfMemory(String doing, Throwable failure) {
        long mib = Runtime.getRuntime().maxMemory() >> 20;
        return new UserException("out of memory while " + doing + " (heap limit " + mib + " MiB): run java with a larger -Xmx and load again", failure);
    }

    /** A TDB2 index left empty by the bulk load: one of the loader's threads gave up. */
    static final class IncompleteIndex extends RuntimeException {
        IncompleteIndex(String index, long sent) {
            super("TDB2 index " + index + " is empty though " + sent + " quads were sent", null, false, false);
        }
    }

    private static boolean diskFull(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace() < FULL_BELOW;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean mentions(Throwable t, String text) {
        for (Throwable c : chain(t)) if (c.getMessage() != null && c.getMessage().contains(text)) return true;
        return false;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c : chain(t)) if (type.isInstance(c)) return type.cast(c);
        return null;
    }

    /** {@code t}, its causes and what they suppressed, each once. */
    private static Iterable<Throwable> chain(Throwable t) {
        Set<Throwable> seen = new LinkedHashSet<>();
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        todo.add(t);
        while (!todo.isEmpty()) {
            Throwable c = todo.poll();
            if (c == null || !seen.add(c)) continue;
            if (c.getCause() != null) todo.add(c.getCause());
            for (Throwable s : c.getSuppressed()) todo.add(s);
        }
        return seen;
    }
}
