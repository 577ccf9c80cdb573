package org.sanctionskg.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.sanctionskg.web.Responses;

/**
 * Makes a query cut short by the timeout unmistakable, and every /sparql error one line in the site's format.
 * {@link GuardedQuery} computes every answer whole (a SELECT up to the row cap) before the first byte is written,
 * so a timeout is always a 503 naming the limit, never a 200 with Fuseki's two marker lines at its end. Writing is
 * held back up to a configured size to check that; {@code X-Result-Complete} says so in a header, before the body.
 */
public final class TimeoutGuard extends HttpFilter {
    /** What Fuseki appends to a streamed result the timeout cancelled. */
    static final String MARKER = "Query cancelled due to timeout";
    public static final String COMPLETE = "X-Result-Complete";

    private final Duration limit;
    private final int held;

    /** Results up to {@code held} bytes are checked before a byte is sent. */
    public TimeoutGuard(Duration limit, int held) {
        this.limit = limit;
        this.held = held;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req.getParameter("query") == null && !"POST".equals(req.getMethod())) { // the service description, or an OPTIONS
            chain.doFilter(req, res);
            return;
        }
        Held held = new Held(res);
        chain.doFilter(req, held);
        held.finish();
    }

    private String message() {
        return Responses.errorLine(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "the query exceeded the time limit of " + limit.toSeconds() + " s and was stopped; no partial result is returned");
    }

    /** A response whose body is held until it is complete or too large to hold. */
    private final class Held extends HttpServletResponseWrapper {
        private final HttpServletResponse res;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        private final Tail tail = new Tail();
        private OutputStream streaming;
        private ServletOutputStream out;
        private PrintWriter writer;

        Held(HttpServletResponse res) {
            super(res);
            this.res = res;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (out == null) out = new ServletOutputStream() {
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
                @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
                @Override public void write(byte[] b, int off, int len) throws IOException { accept(b, off, len); }
                @Override public void flush() throws IOException { if (streaming != null) streaming.flush(); }
            };
            return out;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) writer.flush();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            res.setStatus(sc);
            res.setContentType("text/plain; charset=utf-8");
            byte[] text = ((msg == null ? "" : msg) + "\n").getBytes(StandardCharsets.UTF_8);
            accept(text, 0, text.length);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        private void accept(byte[] b, int off, int len) throws IOException {
            tail.add(b, off, len);
            if (streaming != null) {
                streaming.write(b, off, len);
                return;
            }
            buffer.write(b, off, len);
            if (buffer.size() > held) startStreaming();
        }

        /** Past the held size the answer is already computed whole (see the class comment): complete, said before the body. */
        private void startStreaming() throws IOException {
            if (!tail.endsWithMarker()) res.setHeader(COMPLETE, "true");
            streaming = res.getOutputStream();
            buffer.writeTo(streaming);
            buffer.reset();
        }

        void finish() throws IOException {
            if (writer != null) writer.flush();
            if (streaming != null) return;
            int status = res.getStatus();
            if (tail.endsWithMarker() || status == HttpServletResponse.SC_SERVICE_UNAVAILABLE && tail.mentionsTimeout()) {
                res.resetBuffer(); // keeps CORS headers, so browsers can read the error
                res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                res.setContentType("text/plain; charset=utf-8");
                res.setHeader(COMPLETE, "false");
                res.getOutputStream().write(message().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (status >= 400) {
                res.resetBuffer();
                res.setHeader("Cache-Control", "no-store");
                res.setContentType("text/plain; charset=utf-8");
                res.getOutputStream().write(Responses.errorLine(status, fusekiMessage(buffer.toString(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (status < 300) res.setHeader(COMPLETE, "true");
            res.setContentLength(buffer.size());
            buffer.writeTo(res.getOutputStream());
        }
    }

    /** Fuseki's error text in one line: a parse error's last line says where, the lines before it echo the query. */
    static String fusekiMessage(String body) {
        List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return "error";
        String first = lines.get(0).replaceFirst("^Error \\d+: ", "");
        return first.startsWith("Parse error") && lines.size() > 1 ? "Parse error: " + lines.get(lines.size() - 1) : first;
    }

    /** The last bytes written, enough to recognise Fuseki's marker. */
    private static final class Tail {
        private final byte[] last = new byte[256];
        private int filled;

        void add(byte[] b, int off, int len) {
            int n = Math.min(len, last.length);
            int keep = Math.min(filled, last.length - n);
            System.arraycopy(last, filled - keep, last, 0, keep);
            System.arraycopy(b, off + len - n, last, keep, n);
            filled = keep + n;
        }

        private String text() {
            return new String(last, 0, filled, StandardCharsets.UTF_8);
        }

        boolean endsWithMarker() {
            return text().contains(MARKER);
        }

        boolean mentionsTimeout() {
            return text().toLowerCase().contains("timed out") || text().toLowerCase().contains("timeout");
        }
    }
}
