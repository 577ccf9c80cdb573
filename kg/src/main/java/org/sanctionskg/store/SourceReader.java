package org.sanctionskg.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sanctionskg.UserException;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.rdf.Source;

/** Finds every RDF file under the source folders and parses each strictly into its own graph. */
public final class SourceReader {

    /** Triple syntaxes only: each file is exactly one named graph. */
    static final Set<String> EXTENSIONS = Set.of("ttl", "nt", "jsonld", "rdf", "owl");

    private SourceReader() {}

    /** Parses all RDF files under the folders; every unreadable file is reported at once, before anything is written. */
    public static List<Source> read(List<Path> folders) {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) problems.add(folder + ": no such directory");
            else files.addAll(rdfFiles(folder));
        }
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new Source(file, graphName(file, folders), parse(file)));
            } catch (ParseProblem e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty() && sources.isEmpty()) problems.add("no RDF files under " + folders);
        if (!problems.isEmpty()) throw new UserException(String.join(System.lineSeparator(), problems));
        return sources;
    }

    /** RDF files (syntax known by extension) under a folder, in a stable order. */
    public static List<Path> rdfFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(SourceReader::isRdf).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isRdf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        return EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    private static org.apache.jena.graph.Node graphName(Path file, List<Path> folders) {
        for (Path folder : folders) {
            if (file.startsWith(folder)) {
                Path name = folder.toAbsolutePath().normalize().getFileName();
                return GraphNames.forSource(name.resolve(folder.relativize(file)));
            }
        }
        return GraphNames.forSource(file.getFileName());
    }

    /** An external entity ({@code <!ENTITY x SYSTEM "file:///…">}) would read files or URLs into the data. */
    private static final Pattern EXTERNAL_ENTITY = Pattern.compile("<!ENTITY\\s+(%\\s*)?\\S+\\s+(SYSTEM|PUBLIC)\\b");

    private static Graph parse(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        String name = file.getFileName().toString();
        boolean gzip = name.endsWith(".gz");
        Lang lang = RDFLanguages.filenameToLang(gzip ? name.substring(0, name.length() - 3) : name);
        try (InputStream in = open(file, gzip)) {
            if (lang == Lang.RDFXML) refuseExternalEntities(file, open(file, gzip));
            RDFParser.source(in).lang(lang).base(file.toUri().toString()).context(NoRemoteContexts.parserContext())
                    .errorHandler(new Strict(file)).parse(graph);
        } catch (ParseProblem e) {
            throw e;
        } catch (RiotException e) {
            throw new ParseProblem(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ParseProblem(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return graph;
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The DOCTYPE comes first: its first 64 KiB are enough to find an external entity declaration. */
    private static void refuseExternalEntities(Path file, InputStream head) throws IOException {
        try (head) {
            String start = new String(head.readNBytes(64 << 10), StandardCharsets.UTF_8);
            if (EXTERNAL_ENTITY.matcher(start).find())
                throw new ParseProblem(file + ": declares an external XML entity (SYSTEM or PUBLIC); sources must not read other files or URLs");
        }
    }

    /** A parse error located as file:line:col. */
    private static final class ParseProblem extends RuntimeException {
        ParseProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** Warnings are errors too: a bad IRI or literal is not guessed at. */
    private record Strict(Path file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) { fail(message, line, col); }
        @Override public void error(String message, long line, long col) { fail(message, line, col); }
        @Override public void fatal(String message, long line, long col) { fail(message, line, col); }

        private void fail(String message, long line, long col) {
            String where = line > 0 ? ":" + line + ":" + Math.max(col, 1) : "";
            throw new ParseProblem(file + where + ": " + message);
        }
    }
}
