package org.sanctionskg.web;

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
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Adds {@code Repr-Digest: sha-256=:…:} (RFC 9530) to a 200 answer of up to {@code limit} bytes, held until complete;
 * a longer answer streams on without one, since a header cannot follow the body it hashes.
 */
public final class ResultDigest extends HttpFilter {
    public static final String HEADER = "Repr-Digest";
    private final long limit;

    public ResultDigest(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        Held held = new Held(res, limit);
        chain.doFilter(req, held);
        held.finish();
    }

    /** {@code sha-256=:<base64>:} of {@code body}. */
    public static String of(byte[] body) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** The response, its body held in memory until it is complete or passes the limit. */
    private static final class Held extends HttpServletResponseWrapper {
        private final long limit;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private ServletOutputStream out;
        private PrintWriter writer;

        Held(HttpServletResponse res, long limit) {
            super(res);
            this.limit = limit;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (out == null) out = new Stream();
            return out;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (buffer == null) super.flushBuffer(); // while held, nothing is committed
        }

        @Override
        public void resetBuffer() {
            if (buffer != null) buffer.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            if (buffer != null) buffer.reset();
            super.reset();
        }

        private void spill() throws IOException {
            ServletOutputStream real = super.getOutputStream();
            byte[] held = buffer.toByteArray();
            buffer = null;
            real.write(held);
        }

        void finish() throws IOException {
            if (writer != null) writer.flush();
            if (buffer == null) return;
            byte[] body = buffer.toByteArray();
            buffer = null;
            if (body.length == 0) return;
            if (getStatus() == SC_OK && !isCommitted()) {
                super.setHeader(HEADER, of(body));
                super.setContentLengthLong(body.length);
            }
            super.getOutputStream().write(body);
        }

        private final class Stream extends ServletOutputStream {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (buffer != null && buffer.size() + len > limit) spill();
                if (buffer != null) buffer.write(b, off, len);
                else Held.super.getOutputStream().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (buffer == null) Held.super.getOutputStream().flush();
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("blocking writes only");
            }
        }
    }
}
