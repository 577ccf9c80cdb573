package org.sanctionskg.linkeddata;

import java.util.Optional;
import org.apache.jena.graph.Node;
import org.sanctionskg.store.Build;
import org.sanctionskg.validation.ReportTexts;

/**
 * The report texts a build carries ({@code <build>/articles/<stem>.txt}), read once. An excerpt's source
 * {@code …/<stem>} names its text by the last segment of its IRI; offsets are Unicode code points, as in the
 * Web Annotation data model (the load checked them: {@link org.sanctionskg.validation.ExcerptGate}).
 */
public final class ArticleTexts {
    /** The paragraph around an excerpt, split where the excerpt starts and ends. */
    public record InContext(String before, String excerpt, String after) {}

    private final ReportTexts texts;

    private ArticleTexts(ReportTexts texts) {
        this.texts = texts;
    }

    public static ArticleTexts load(Build build) {
        return new ArticleTexts(ReportTexts.in(Published.articles(build)));
    }

    /**
     * The paragraph (text between blank lines) holding code points {@code [start, end)} of {@code source}'s text;
     * empty when the text is missing, the offsets fall outside it, or the text there is not {@code exact}.
     */
    public Optional<InContext> inContext(Node source, long start, long end, String exact) {
        Optional<ReportTexts.Text> found = texts.of(source);
        Optional<ReportTexts.Span> span = found.flatMap(t -> t.span(start, end));
        if (span.isEmpty()) return Optional.empty();
        String text = found.get().content();
        int from = span.get().from(), to = span.get().to();
        if (exact != null && !text.substring(from, to).equals(exact)) return Optional.empty();
        int paragraphStart = text.lastIndexOf("\n\n", from);
        paragraphStart = paragraphStart < 0 ? 0 : paragraphStart + 2;
        int paragraphEnd = text.indexOf("\n\n", to);
        if (paragraphEnd < 0) paragraphEnd = text.length();
        return Optional.of(new InContext(text.substring(paragraphStart, from), text.substring(from, to), text.substring(to, paragraphEnd)));
    }
}
