package org.sanctionskg.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies test resource folders into a temp dir, so tests may change them freely. */
public final class Fixtures {
    private Fixtures() {}

    /** Copies the resource folder {@code name} (e.g. "engine") to {@code target} and returns it. */
    public static Path copy(String name, Path target) {
        try {
            return copyTree(Path.of(Fixtures.class.getClassLoader().getResource(name).toURI()), target);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the folder {@code source} with everything under it to {@code target} (merged into what is there). */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else try (InputStream in = Files.newInputStream(p)) { Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING); }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
