package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.sanctionskg.web.ConditionalGet;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.RdfNegotiation;

/**
 * The base of every linked-data and site page: GET and HEAD only (anything else is a 405 naming them), fixed
 * representations sent with an {@code ETag} and answered with 304 when the client has them, one 404 page.
 */
public abstract class ReadOnlyServlet extends HttpServlet {
    /** Safe path segments: no empty, {@code .} or {@code ..} segment, nothing but IRI path characters. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%\\-\\u00A0-\\uFFFF]+");
    /** Responses stay fresh for five minutes, then are revalidated by ETag (the data changes only with a load). */

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
        String method = req.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            res.setHeader("Allow", "GET, HEAD");
            text(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: " + req.getRequestURI() + " answers GET and HEAD only");
            return;
        }
        respond(req, res);
    }

    /** Answers a GET or HEAD; {@link #send} leaves the body out for HEAD. */
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
        res.setContentType(r.contentType());
        res.setContentLength(r.body().length);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(r.body());
    }

    /** The 404 page: HTML for browsers, one line of text for everyone else. */
    public static void notFound(HttpServletRequest req, HttpServletResponse res, String what) throws IOException {
        res.setStatus(HttpServletResponse.SC_NOT_FOUND);
        res.setHeader("Cache-Control", "no-store");
        boolean html = RdfNegotiation.choose(withoutFormat(req), List.of(RdfNegotiation.HTML)).filter(RdfNegotiation.HTML::equals).isPresent();
        if (!html) {
            text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: " + what);
            return;
        }
        String body = "<p>" + Html.escape(what) + "</p><p><code>" + Html.escape(req.getRequestURI()) + "</code></p>"
                + "<p>Try the <a href=\"/\">home page</a>, the <a href=\"/ui\">query editor</a> or the <a href=\"/ontology\">ontology</a>.</p>";
        byte[] page = Html.page("Not found", body).getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(page.length);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(page);
    }

    /**
     * Sends the representation of an existing resource that content negotiation picks among {@code extraOffers}
     * and the RDF offers: {@code Vary: Accept} always, a 406 listing the offers when none fits, and a
     * {@code Content-Location} naming the variant sent (its {@code ?format=} URL).
     */
    public static void negotiate(HttpServletRequest req, HttpServletResponse res, List<String> extraOffers,
                                 java.util.function.Function<String, Representation> render) throws IOException {
        res.setHeader("Vary", "Accept");
        var type = RdfNegotiation.choose(req, extraOffers);
        if (type.isEmpty()) {
            RdfNegotiation.notAcceptable(res, RdfNegotiation.allOffers(extraOffers));
            return;
        }
        res.setHeader("Content-Location", req.getRequestURI() + "?format=" + RdfNegotiation.formatName(type.get()));
        send(req, res, render.apply(type.get()));
    }

    static void text(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain; charset=utf-8");
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /** The 404 page's own type follows {@code Accept} only: a bad {@code ?format=} must not turn it into a 406. */
    private static HttpServletRequest withoutFormat(HttpServletRequest req) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(req) {
            @Override
            public String getParameter(String name) {
                return "format".equals(name) ? null : super.getParameter(name);
            }
        };
    }
}
