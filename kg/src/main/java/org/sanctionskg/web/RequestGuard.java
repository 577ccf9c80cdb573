package org.sanctionskg.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What every request must be before any route sees it: a method the site answers (else 405 with {@code Allow}), a
 * body no larger than the limit (else 413, before it is read), parameters that decode (else 400).
 */
public final class RequestGuard extends HttpFilter {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");
    private final long maxBodyBytes;

    public RequestGuard(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        boolean sparql = Paths.SPARQL.equals(req.getServletPath());
        if (!METHODS.contains(req.getMethod())) {
            res.setHeader("Allow", sparql ? "GET, HEAD, POST, OPTIONS" : ReadOnlyServlet.ALLOW);
            Responses.error(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "this resource answers "
                    + (sparql ? "GET, HEAD, POST and OPTIONS" : ReadOnlyServlet.ALLOW));
            return;
        }
        if (req.getContentLengthLong() > maxBodyBytes) {
            tooLarge(res);
            return;
        }
        HttpServletRequest bounded = new Bounded(req);
        try {
            bounded.getParameterMap(); // decodes the query string (and a form body) once, here, where a failure is the client's
        } catch (TooLarge e) {
            tooLarge(res);
            return;
        } catch (RuntimeException e) {
            Responses.error(res, HttpServletResponse.SC_BAD_REQUEST, "malformed parameters: a bad % escape or an invalid UTF-8 sequence");
            return;
        }
        chain.doFilter(bounded, res);
    }

    private void tooLarge(HttpServletResponse res) throws IOException {
        res.setHeader("Connection", "close");
        Responses.error(res, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the request body is over the limit of " + maxBodyBytes + " bytes");
    }

    /** Thrown when a body without a (truthful) Content-Length grows past the limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    /** The request with a body that stops at the limit, whatever Content-Length said (chunked bodies have none). */
    private final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream in;

        Bounded(HttpServletRequest req) {
            super(req);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) in = new Limited(super.getInputStream());
            return in;
        }
    }

    private final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Limited(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBodyBytes) throw new TooLarge();
        }

        @Override public boolean isFinished() { return in.isFinished(); }
        @Override public boolean isReady() { return in.isReady(); }
        @Override public void setReadListener(ReadListener l) { in.setReadListener(l); }
    }
}
