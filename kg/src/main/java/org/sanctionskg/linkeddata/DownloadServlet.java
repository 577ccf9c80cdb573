package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.WebContent;
import org.sanctionskg.store.Build;
import org.sanctionskg.web.Citation;
import org.sanctionskg.web.ConditionalGet;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;

/**
 * {@code /download/}: the dumps written at load, streamed from the build's files (never rebuilt per request), each
 * with its {@code .sha256}. Only the files named in {@link Published} are served: a request names a file from that
 * list or gets a 404, so no path reaches the file system and no folder is ever listed. The N-Quads dump is also
 * {@code sanctions-kg.nq}, plain {@code application/n-quads} a client can read as a source: the stored gzip sent
 * with {@code Content-Encoding: gzip} when the client accepts it, else decompressed as it is sent.
 */
public final class DownloadServlet extends ReadOnlyServlet {
    private static final Map<String, String> TYPES = types();
    private final Build build;
    /** The N-Quads dump under its uncompressed name. */
    public static final String NQUADS = Published.NQUADS.file().substring(0, Published.NQUADS.file().length() - ".gz".length());
    private final Representation index;

    private final String base;

    public DownloadServlet(Build build, String base) {
        this.build = build;
        this.base = base;
        this.index = Representation.html(index(), build.id());
    }

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        for (Published.Dump d : Published.DUMPS) {
            types.put(d.file(), d.file().endsWith(".gz") ? "application/gzip" : d.mediaType() + "; charset=utf-8");
            types.put(d.checksumFile(), "text/plain; charset=utf-8");
        }
        types.put(Published.DESCRIPTION, "text/turtle; charset=utf-8");
        return Map.copyOf(types);
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            res.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            res.setHeader("Location", "/download/");
            return;
        }
        if (path.equals("/")) {
            send(req, res, index);
            return;
        }
        stream(req, res, build, path.substring(1));
    }

    /** Streams the published file {@code name} of {@code build} (a 404 for any other name); /releases serves kept releases' files so too. */
    public static void stream(HttpServletRequest req, HttpServletResponse res, Build build, String name) throws IOException {
        if (name.equals(NQUADS)) {
            nquads(req, res, build);
            return;
        }
        Path file = build.downloads().resolve(name);
        if (!TYPES.containsKey(name) || !Files.isRegularFile(file)) throw new RequestException(404, "no such download");
        String etag = "\"" + build.id() + "-" + name + "\"";
        if (ConditionalGet.notModified(req, res, etag)) return;
        res.setContentType(TYPES.get(name));
        res.setContentLengthLong(Files.size(file));
        Files.copy(file, res.getOutputStream());
    }

    private static void nquads(HttpServletRequest req, HttpServletResponse res, Build build) throws IOException {
        Path gzip = build.downloads().resolve(Published.NQUADS.file());
        if (!Files.isRegularFile(gzip)) throw new RequestException(404, "no such download");
        res.setHeader("Vary", "Accept-Encoding");
        boolean encoded = acceptsGzip(req.getHeader("Accept-Encoding"));
        String etag = "\"" + build.id() + "-" + NQUADS + (encoded ? "-gzip" : "") + "\"";
        if (ConditionalGet.notModified(req, res, etag)) return;
        res.setContentType(WebContent.contentTypeNQuads);
        if (encoded) {
            res.setHeader("Content-Encoding", "gzip");
            res.setContentLengthLong(Files.size(gzip));
            Files.copy(gzip, res.getOutputStream());
        } else try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip), 1 << 16)) {
            in.transferTo(res.getOutputStream());
        }
    }

    /** True when {@code Accept-Encoding} accepts gzip: named, or {@code *}, with a non-zero q (RFC 9110 §12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        Boolean star = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.trim().split(";");
            String coding = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean zero = java.util.Arrays.stream(parts).skip(1).map(String::trim)
                    .anyMatch(p -> p.matches("(?i)q\\s*=\\s*0(\\.0{0,3})?"));
            if (coding.equals("gzip") || coding.equals("x-gzip")) return !zero;
            if (coding.equals("*")) star = !zero;
        }
        return Boolean.TRUE.equals(star);
    }

    private String index() {
        StringBuilder html = new StringBuilder("<p>The published dataset, written when this store was loaded (build <code>")
                .append(Html.escape(build.id())).append("</code>). Check a download with <code>sha256sum -c FILE.sha256</code>.</p>\n<table>\n")
                .append("<tr><th>file</th><th>bytes</th><th>SHA-256</th><th>what</th></tr>\n");
        for (Published.Dump d : Published.DUMPS) {
            String sha = new String(Published.read(build.downloads().resolve(d.checksumFile())), java.nio.charset.StandardCharsets.UTF_8);
            html.append("<tr><td><a href=\"/download/").append(Html.escape(d.file())).append("\">").append(Html.escape(d.file()))
                    .append("</a></td><td>").append(String.format("%,d", size(build.downloads().resolve(d.file()))))
                    .append("</td><td><a href=\"/download/").append(Html.escape(d.checksumFile())).append("\"><code>")
                    .append(Html.escape(sha.substring(0, sha.indexOf(' ')))).append("</code></a></td><td>")
                    .append(Html.escape(d.title())).append("</td></tr>\n");
        }
        html.append("<tr><td><a href=\"/download/").append(NQUADS).append("\">").append(NQUADS).append("</a></td><td></td><td></td><td>")
                .append("N-Quads: the same dump, as application/n-quads (sent with Content-Encoding: gzip to clients that accept it)</td></tr>\n");
        return Html.page("Downloads", html.append("</table>\n<p>The dataset description: <a href=\"/.well-known/void\">/.well-known/void</a> (also <a href=\"/download/")
                .append(Published.DESCRIPTION).append("\">as a file</a>).</p>\n")
                + Citation.block("Downloads", build.id(), new Paths(base).iri(Paths.DOWNLOAD + "/")));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
