package org.sanctionskg.linkeddata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.WebContent;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreBuilder.BuildStep;

/** The files a build publishes besides its database: where they live in the build folder and what they are. */
public final class Published {
    /** A dump of the dataset: its file name in the download folder, media type and what it holds. */
    public record Dump(String file, String mediaType, String title) {
        public String checksumFile() {
            return file + ".sha256";
        }
    }

    public static final Dump TURTLE = new Dump("sanctions-kg.ttl", WebContent.contentTypeTurtle,
            "Turtle: the published graph (the union of the named graphs, entailments included)");
    public static final Dump NQUADS = new Dump("sanctions-kg.nq.gz", WebContent.contentTypeNQuads,
            "N-Quads, gzip: every named graph, each source file and the entailments in their own graph");
    public static final Dump JSONLD = new Dump("sanctions-kg.jsonld", WebContent.contentTypeJSONLD,
            "JSON-LD: the published graph, compacted with the project's context");
    public static final List<Dump> DUMPS = List.of(TURTLE, NQUADS, JSONLD);
    /** The VoID/DCAT description, computed at load, in Turtle. */
    public static final String DESCRIPTION = "void.ttl";

    private Published() {}

    /** The report texts copied from {@code data/articles/} so excerpts can be shown in context. */
    public static Path articles(Build build) {
        return build.dir().resolve("articles");
    }

    public static Path description(Build build) {
        return build.downloads().resolve(DESCRIPTION);
    }

    /** Load step: copies {@code data/articles/*.txt} into the build, so pages show excerpts in their paragraph. */
    public static BuildStep copyArticles(Path dataDir) {
        return BuildStep.of("report texts", (build, dataset) -> {
            Path from = dataDir.resolve("articles");
            try {
                Files.createDirectories(articles(build));
                if (!Files.isDirectory(from)) return;
                try (Stream<Path> files = Files.list(from)) {
                    for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).toList())
                        Files.copy(f, articles(build).resolve(f.getFileName().toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads a file this build published; a missing one means the build predates this feature: reload. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new org.sanctionskg.UserException(file + " is missing: the store was built without it; run 'load' again");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
