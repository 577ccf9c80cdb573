package org.sanctionskg.linkeddata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.sanctionskg.store.Build;

/**
 * The report texts a build carries ({@code <build>/articles/<stem>.txt}), read once. An excerpt's source
 * {@code …/<stem>} names its text by the last segment of its IRI; offsets are Unicode code points, as in the
 * Web Annotation data model.
 */
public final class ArticleTexts {
    /** The paragraph around an excerpt, split where the excerpt starts and ends. */
    public record InContext(String before, String excerpt, String after) {}

    private final Map<String, String> texts;

    private ArticleTexts(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static ArticleTexts load(Build build) {
        Map<String, String> texts = new HashMap<>();
        Path dir = Published.articles(build);
        if (!Files.isDirectory(dir)) return new ArticleTexts(texts);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
                String name = f.getFileName().toString();
                texts.put(name.substring(0, name.length() - 4), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArticleTexts(texts);
    }

    /**
     * The paragraph (text between blank lines) holding code points {@code [start, end)} of {@code source}'s text;
     * empty when the text is missing, the offsets fall outside it, or the text there is not {@code exact}.
     */
    public Optional<InContext> inContext(Node source, long start, long end, String exact) {
        if (!source.isURI()) return Optional.empty();
        String iri = Description.documentOf(source.getURI());
        String text = texts.get(iri.substring(iri.lastIndexOf('/') + 1));
        if (text == null || start < 0 || end < start || end > text.codePointCount(0, text.length())) return Optional.empty();
        int from = text.offsetByCodePoints(0, (int) start);
        int to = text.offsetByCodePoints(from, (int) (end - start));
        if (exact != null && !text.substring(from, to).equals(exact)) return Optional.empty();
        int paragraphStart = text.lastIndexOf("\n\n", from);
        paragraphStart = paragraphStart < 0 ? 0 : paragraphStart + 2;
        int paragraphEnd = text.indexOf("\n\n", to);
        if (paragraphEnd < 0) paragraphEnd = text.length();
        return Optional.of(new InContext(text.substring(paragraphStart, from), text.substring(from, to), text.substring(to, paragraphEnd)));
    }
}
