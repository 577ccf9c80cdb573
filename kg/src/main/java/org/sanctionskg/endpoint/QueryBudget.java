package org.sanctionskg.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.sanctionskg.Config.Limits;
import org.sanctionskg.web.Responses;

/**
 * The budget a query must fit before it is parsed: its size, its nesting depth and its number of UNIONs, counted by
 * a linear scan of the text (the parser and planner are the costly, stack-hungry part that a hostile query aims at).
 */
public final class QueryBudget extends HttpFilter {
    private final Limits limits;

    public QueryBudget(Limits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = req;
        String query = req.getParameter("query");
        if (query == null && "POST".equals(req.getMethod()) && isSparqlQuery(req.getContentType())) {
            byte[] body;
            try {
                body = req.getInputStream().readAllBytes(); // bounded by RequestGuard
            } catch (IOException | RuntimeException e) {
                Responses.error(res, HttpServletResponse.SC_BAD_REQUEST, "malformed request body (" + e.getClass().getSimpleName() + ")");
                return;
            }
            query = new String(body, StandardCharsets.UTF_8);
            request = new Replayed(req, body);
        }
        if (query != null) {
            String refusal = refusal(query);
            if (refusal != null) {
                int status = refusal.startsWith("the query is") ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST;
                Responses.error(res, status, refusal);
                return;
            }
        }
        chain.doFilter(request, res);
    }

    private static boolean isSparqlQuery(String type) {
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/sparql-query");
    }

    /** Why {@code query} is over budget, or null when it fits. */
    String refusal(String query) {
        int bytes = query.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.queryBytes()) return "the query is " + bytes + " bytes, over the limit of " + limits.queryBytes();
        Shape shape = Shape.of(query);
        if (shape.depth > limits.queryDepth())
            return "the query nests " + shape.depth + " levels deep, over the limit of " + limits.queryDepth();
        if (shape.unions > limits.queryUnions())
            return "the query has " + shape.unions + " UNIONs, over the limit of " + limits.queryUnions();
        return null;
    }

    /** Nesting of {@code { ( [} and the UNION count, outside strings, IRIs and comments. */
    record Shape(int depth, int unions) {
        static Shape of(String q) {
            int depth = 0, max = 0, unions = 0;
            for (int i = 0, n = q.length(); i < n; i++) {
                char c = q.charAt(i);
                switch (c) {
                    case '#' -> { while (i < n && q.charAt(i) != '\n') i++; }
                    case '"', '\'' -> i = skipString(q, i);
                    case '<' -> i = skipIri(q, i);
                    case '{', '(', '[' -> max = Math.max(max, ++depth);
                    case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                    case 'U', 'u' -> { if (q.regionMatches(true, i, "UNION", 0, 5) && boundary(q, i - 1) && boundary(q, i + 5)) unions++; }
                    default -> { }
                }
            }
            return new Shape(max, unions);
        }

        private static boolean boundary(String q, int i) {
            return i < 0 || i >= q.length() || !Character.isLetterOrDigit(q.charAt(i));
        }

        private static int skipString(String q, int start) {
            char quote = q.charAt(start);
            boolean longForm = q.startsWith(String.valueOf(quote).repeat(3), start);
            int i = start + (longForm ? 3 : 1);
            while (i < q.length()) {
                char c = q.charAt(i);
                if (c == '\\') i += 2;
                else if (longForm ? q.startsWith(String.valueOf(quote).repeat(3), i) : c == quote) return i + (longForm ? 2 : 0);
                else if (!longForm && c == '\n') return i;
                else i++;
            }
            return i;
        }

        /** {@code <iri>} has no spaces; a {@code <} followed by one is the less-than operator. */
        private static int skipIri(String q, int start) {
            int i = start + 1;
            while (i < q.length() && q.charAt(i) != '>' && !Character.isWhitespace(q.charAt(i))) i++;
            return i < q.length() && q.charAt(i) == '>' ? i : start;
        }
    }

    /** The request with its already-read body readable again, for Fuseki. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
