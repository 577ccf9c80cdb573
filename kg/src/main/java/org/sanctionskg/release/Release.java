package org.sanctionskg.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.sanctionskg.linkeddata.Published;
import org.sanctionskg.store.Build;

/**
 * One kept release as its build folder records it: the build's manifest (when loaded, triples, sources'
 * fingerprint) and its release record (ontology version, content hash, previous release, changelog), with the
 * dumps it still offers. A build loaded before releases were recorded has an empty record.
 */
public record Release(String id, Instant issued, String ontologyVersion, String contentHash, String sources, long triples,
                      Optional<String> previous, Optional<Changelog> changelog, boolean queryable, List<Dump> dumps) {

    /** A file of the release's download folder, its size and SHA-256 (from its {@code .sha256} file). */
    public record Dump(Published.Dump dump, long bytes, String sha256) {}

    /** The release folder of a build. */
    static Path folder(Build build) {
        return build.dir().resolve("release");
    }

    static Path recordFile(Build build) {
        return folder(build).resolve("release.json");
    }

    /** The sorted index of the release's quads, from which the content hash and the next changelog are computed. */
    static Path index(Build build) {
        return folder(build).resolve("quads.sorted.gz");
    }

    /** Reads what {@code build}'s folder records. */
    static Release of(Build build) {
        Properties manifest = build.manifest();
        JsonObject record = Files.isRegularFile(recordFile(build)) ? read(recordFile(build)) : new JsonObject();
        String previous = record.hasKey("previous") ? record.getString("previous") : manifest.getProperty(Build.PREVIOUS, "");
        return new Release(build.id(), Instant.parse(manifest.getProperty("loaded", Instant.EPOCH.toString())),
                string(record, "ontologyVersion"), string(record, "contentHash"), manifest.getProperty(Build.SOURCES, ""),
                Long.parseLong(manifest.getProperty("triples", "0")),
                previous.isEmpty() ? Optional.empty() : Optional.of(previous),
                record.hasKey("changelog") ? Optional.of(Changelog.fromJson(record.getObj("changelog"))) : Optional.empty(),
                build.queryable(), dumps(build));
    }

    private static List<Dump> dumps(Build build) {
        List<Dump> dumps = new ArrayList<>();
        for (Published.Dump d : Published.DUMPS) {
            Path file = build.downloads().resolve(d.file());
            Path sum = build.downloads().resolve(d.checksumFile());
            if (!Files.isRegularFile(file) || !Files.isRegularFile(sum)) continue;
            try {
                String line = Files.readString(sum, StandardCharsets.UTF_8);
                dumps.add(new Dump(d, Files.size(file), line.substring(0, Math.max(line.indexOf(' '), 0))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(dumps);
    }

    private static String string(JsonObject o, String key) {
        return o.hasKey(key) ? o.getString(key) : "";
    }

    private static JsonObject read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
