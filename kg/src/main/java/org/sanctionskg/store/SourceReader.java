package org.sanctionskg.store;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sanctionskg.UserException;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.rdf.Source;

/** Finds every RDF file under the source folders and parses each strictly, as its own named graph. */
public final class SourceReader {

    /** Triple syntaxes only: each file is exactly one named graph. */
    static final Set<String> EXTENSIONS = Set.of("ttl", "nt", "jsonld", "rdf", "owl");

    private SourceReader() {}

    /** Parses all RDF files under the folders into memory; every unreadable file is reported at once. */
    public static List<Source> read(List<Path> folders) {
        List<String> problems = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Path file : files(folders)) {
            Graph graph = GraphFactory.createDefaultGraph();
            Node name = graphName(file, folders);
            problem(() -> parse(file, name, StreamRDFLib.graph(graph), null)).ifPresent(problems::add);
            sources.add(new Source(file, name, graph));
        }
        refuse(problems);
        return sources;
    }

    /** The RDF files under the folders, in a stable order; a missing folder or no file at all is refused. */
    public static List<Path> files(List<Path> folders) {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) problems.add(folder + ": no such directory");
            else files.addAll(rdfFiles(folder));
        }
        if (problems.isEmpty() && files.isEmpty()) problems.add("no RDF files under " + folders);
        refuse(problems);
        return files;
    }

    /** Every problem found, one per line, as one user error. */
    static void refuse(List<String> problems) {
        if (!problems.isEmpty()) throw new UserException(String.join(System.lineSeparator(), problems));
    }

    /** What went wrong reading a file ({@code file:line:col: message}), or empty when it parsed. */
    static Optional<String> problem(Runnable parse) {
        try {
            parse.run();
            return Optional.empty();
        } catch (ParseProblem e) {
            return Optional.of(e.getMessage());
        }
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

    /** The named graph a file is published as: its path from its source folder's name. */
    static Node graphName(Path file, List<Path> folders) {
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

    /**
     * Parses {@code file} strictly, streaming its triples to {@code sink}; a problem is thrown as a {@link ParseProblem}.
     * Blank-node labels are a hash of the file's label and its graph name, so two loads of the same file store the same
     * labels (reproducible dumps) while two files never share a blank node. {@code bytesRead}, when given, counts the
     * file's bytes as they are read (progress).
     */
    static void parse(Path file, Node graphName, StreamRDF sink, LongAdder bytesRead) {
        String name = file.getFileName().toString();
        boolean gzip = name.endsWith(".gz");
        Lang lang = RDFLanguages.filenameToLang(gzip ? name.substring(0, name.length() - 3) : name);
        UUID seed = UUID.nameUUIDFromBytes(graphName.getURI().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = open(file, gzip, bytesRead)) {
            if (lang == Lang.RDFXML) refuseExternalEntities(file, open(file, gzip, null));
            RDFParser.source(in).lang(lang).base(file.toUri().toString()).context(NoRemoteContexts.parserContext())
                    .labelToNode(LabelToNode.createScopeByDocumentHash(seed)).errorHandler(new Strict(file)).parse(sink);
        } catch (ParseProblem e) {
            throw e;
        } catch (RiotException e) {
            throw new ParseProblem(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ParseProblem(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static InputStream open(Path file, boolean gzip, LongAdder bytesRead) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (bytesRead != null) raw = new Counting(raw, bytesRead);
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Counts the bytes read from a file (before decompression, as its size on disk is what the total is). */
    private static final class Counting extends FilterInputStream {
        private final LongAdder count;

        Counting(InputStream in, LongAdder count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count.increment();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count.add(n);
            return n;
        }
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
    static final class ParseProblem extends RuntimeException {
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
