package org.sanctionskg.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.sanctionskg.UserException;

/**
 * The report texts excerpts select from: every {@code articles/<stem>.txt} (UTF-8, read as is), found by the last
 * path segment of the excerpt's {@code oa:hasSource} IRI ({@code …/id/report-<stem>}). Offsets count Unicode code
 * points, as the Web Annotation data model says, so a character outside the BMP counts one, not two UTF-16 units.
 */
public final class ReportTexts {
    /** The folder under a source folder (in practice {@code data/}) that holds the texts. */
    public static final String FOLDER = "articles";

    /** One text: the file it was read from and its content. */
    public record Text(Path file, String content) {
        /** Its length in code points. */
        public int length() {
            return content.codePointCount(0, content.length());
        }

        /** The {@code char} indexes of code points {@code [start, end)}; empty when they fall outside the text. */
        public Optional<Span> span(long start, long end) {
            if (start < 0 || end < start || end > Integer.MAX_VALUE) return Optional.empty();
            try { // walks only as far as end, not the whole text
                int from = content.offsetByCodePoints(0, (int) start);
                return Optional.of(new Span(from, content.offsetByCodePoints(from, (int) (end - start))));
            } catch (IndexOutOfBoundsException beyondTheText) {
                return Optional.empty();
            }
        }

        /** The text at code points {@code [start, end)}; empty when they fall outside the text. */
        public Optional<String> slice(long start, long end) {
            return span(start, end).map(s -> content.substring(s.from(), s.to()));
        }

        /** The code-point offset of every occurrence of {@code quote}, overlapping ones included, in order. */
        public List<Integer> occurrences(String quote) {
            List<Integer> starts = new ArrayList<>();
            if (quote.isEmpty()) return starts;
            for (int at = content.indexOf(quote); at >= 0; at = content.indexOf(quote, at + 1))
                starts.add(content.codePointCount(0, at));
            return starts;
        }
    }

    /** A range of {@code char} indexes, {@code from} inclusive, {@code to} exclusive. */
    public record Span(int from, int to) {}

    private final Map<String, Text> byStem;

    private ReportTexts(Map<String, Text> byStem) {
        this.byStem = Map.copyOf(byStem);
    }

    /** The texts in the {@value #FOLDER} folder of each source folder (a folder without one has none). */
    public static ReportTexts under(List<Path> sourceFolders) {
        Map<String, Text> texts = new LinkedHashMap<>();
        for (Path folder : sourceFolders) texts.putAll(in(folder.resolve(FOLDER)).byStem);
        return new ReportTexts(texts);
    }

    /** The {@code *.txt} files directly in {@code dir}; none when it does not exist. */
    public static ReportTexts in(Path dir) {
        Map<String, Text> texts = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return new ReportTexts(texts);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = f.getFileName().toString();
                texts.put(name.substring(0, name.length() - 4), read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReportTexts(texts);
    }

    /** The text an excerpt's source names, by the last path segment of its IRI (fragment ignored). */
    public Optional<Text> of(Node source) {
        return source.isURI() ? Optional.ofNullable(byStem.get(stem(source.getURI()))) : Optional.empty();
    }

    /** The IRI of the report whose text is {@code articles/<stem>.txt}: a valid prefixed name {@code id:report-<stem>}. */
    public static final String REPORT_PREFIX = "report-";

    /** The file stem a source IRI names: {@code …/id/report-2021-03-22-xinjiang-sanctions} → {@code 2021-03-22-xinjiang-sanctions}. */
    public static String stem(String iri) {
        int hash = iri.indexOf('#');
        String document = hash < 0 ? iri : iri.substring(0, hash);
        String last = document.substring(document.lastIndexOf('/') + 1);
        return last.startsWith(REPORT_PREFIX) ? last.substring(REPORT_PREFIX.length()) : last;
    }

    /** One text file, UTF-8; a missing or undecodable file is a user error. */
    public static Text read(Path file) {
        try {
            return new Text(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new UserException(file + ": not UTF-8 text; report texts must be UTF-8");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException e) {
            throw new UserException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
