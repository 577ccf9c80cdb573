package org.sanctionskg.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sanctionskg.rdf.Format;

/**
 * The base of every servlet of the site but {@code /sparql}: GET, HEAD and OPTIONS (anything else is a 405 with
 * {@code Allow}), HEAD answered by running GET without its body, a {@link RequestException} turned into the one error
 * format, fixed representations sent with an {@code ETag} and answered with 304 when the client has them.
 */
public abstract class ReadOnlyServlet extends HttpServlet {
    public static final String ALLOW = "GET, HEAD, OPTIONS";
    /** Safe path segments: no empty, {@code .} or {@code ..} segment, nothing but IRI path characters. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%\\-\\u00A0-\\uFFFF]+");

    /** A complete response body of a fixed type, with a strong validator. */
    public record Representation(byte[] body, String contentType, String etag) {
        public static Representation of(byte[] body, String contentType, String version) {
            return new Representation(body, contentType, "\"" + version + "\"");
        }

        public static Representation html(String page, String version) {
            return of(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", version + "-html");
        }
    }

    @Override
    protected final void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        switch (req.getMethod()) {
            case "GET" -> answer(req, res);
            case "HEAD" -> {
                HeadResponse head = new HeadResponse(res);
                answer(req, head);
                head.finish();
            }
            case "OPTIONS" -> {
                res.setHeader("Allow", ALLOW);
                res.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            default -> {
                res.setHeader("Allow", ALLOW);
                Responses.error(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "this resource answers " + ALLOW);
            }
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            respond(req, res);
        } catch (RequestException e) {
            if (e.status() == HttpServletResponse.SC_NOT_FOUND) notFound(req, res, e.getMessage());
            else Responses.error(res, e.status(), e.getMessage());
        }
    }

    /** Answers a GET (HEAD runs it too, without sending the body); a {@link RequestException} becomes its status. */
    protected abstract void respond(HttpServletRequest req, HttpServletResponse res) throws IOException;

    /** True when every segment of {@code path} (as the servlet container decoded it) is a plain, safe one. */
    public static boolean safePath(String path) {
        if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) return false;
        return Arrays.stream(path.substring(1).split("/", -1))
                .allMatch(s -> SEGMENT.matcher(s).matches() && !s.equals(".") && !s.equals(".."));
    }

    /** Sends {@code r}, or 304 when the request's {@code If-None-Match} names its ETag. */
    public static void send(HttpServletRequest req, HttpServletResponse res, Representation r) throws IOException {
        if (ConditionalGet.notModified(req, res, r.etag())) return;
        Responses.send(res, HttpServletResponse.SC_OK, r.contentType(), r.body());
    }

    /** The 404 page: HTML for browsers, the one-line error for everyone else. */
    public static void notFound(HttpServletRequest req, HttpServletResponse res, String what) throws IOException {
        boolean html = Negotiation.byAccept(req.getHeader("Accept"), List.of(Format.HTML, Format.TURTLE))
                .filter(Format.HTML::equals).isPresent();
        if (!html) {
            Responses.error(res, HttpServletResponse.SC_NOT_FOUND, what);
            return;
        }
        String body = "<p>" + Html.escape(what) + "</p><p><code>" + Html.escape(req.getRequestURI()) + "</code></p>"
                + "<p>Try the <a href=\"/\">home page</a>, the <a href=\"/ui\">query editor</a> or the <a href=\"/ontology\">ontology</a>.</p>";
        res.resetBuffer();
        res.setHeader("Cache-Control", "no-store");
        Responses.send(res, HttpServletResponse.SC_NOT_FOUND, "text/html; charset=utf-8", Html.page("Not found", body));
    }

    /**
     * Sends the representation of an existing resource that content negotiation picks among {@code offers}:
     * {@code Vary: Accept} always, a 406 listing the offers when none fits, and a {@code Content-Location} naming
     * the variant sent (its {@code ?format=} URL).
     */
    public static void negotiate(HttpServletRequest req, HttpServletResponse res, List<Format> offers,
                                 Function<Format, Representation> render) throws IOException {
        res.setHeader("Vary", "Accept");
        Format type = Negotiation.choose(req, offers).orElseThrow(() -> Negotiation.notAcceptable(offers));
        res.setHeader("Content-Location", req.getRequestURI() + "?format=" + type.shortName());
        send(req, res, render.apply(type));
    }

    /** A request without its {@code ?format=}: for pages whose own type must not turn into a 406. */
    public static HttpServletRequest withoutFormat(HttpServletRequest req) {
        return new HttpServletRequestWrapper(req) {
            @Override
            public String getParameter(String name) {
                return "format".equals(name) ? null : super.getParameter(name);
            }
        };
    }

    /** GET's response without its body: the headers (Content-Length included) are those GET would send. */
    private static final class HeadResponse extends HttpServletResponseWrapper {
        private long written;
        private boolean lengthSet;
        private PrintWriter writer;
        private final ServletOutputStream discard = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
            @Override public void write(int b) { written++; }
            @Override public void write(byte[] b, int off, int len) { written += len; }
        };

        HeadResponse(HttpServletResponse res) {
            super(res);
        }

        @Override public ServletOutputStream getOutputStream() { return discard; }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(discard, StandardCharsets.UTF_8));
            return writer;
        }

        @Override public void setContentLength(int len) { lengthSet = true; super.setContentLength(len); }
        @Override public void setContentLengthLong(long len) { lengthSet = true; super.setContentLengthLong(len); }
        @Override public void resetBuffer() { written = 0; lengthSet = false; }

        void finish() {
            if (writer != null) writer.flush();
            if (!lengthSet && written > 0) super.setContentLengthLong(written);
        }
    }
}
