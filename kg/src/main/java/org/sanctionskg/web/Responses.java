package org.sanctionskg.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpStatus;

/** How every servlet of the site sends a body and an error: one error format, {@code <status> <reason>: <message>}. */
public final class Responses {
    private Responses() {}

    /** Sends a complete body (HEAD gets the headers only: see {@link ReadOnlyServlet}). */
    public static void send(HttpServletResponse res, int status, String contentType, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType(contentType);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    public static void send(HttpServletResponse res, int status, String contentType, String body) throws IOException {
        send(res, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The one-line error body; what was set for a success (ETag, Content-Location) is dropped, CORS and Vary stay. */
    public static void error(HttpServletResponse res, int status, String message) throws IOException {
        if (res.isCommitted()) return;
        res.resetBuffer();
        res.setHeader("ETag", null);
        res.setHeader("Content-Location", null);
        res.setHeader("Cache-Control", "no-store");
        send(res, status, "text/plain; charset=utf-8", errorLine(status, message));
    }

    /** {@code 404 Not Found: no such page}. */
    public static String errorLine(int status, String message) {
        return status + " " + HttpStatus.getMessage(status) + ": " + oneLine(message) + "\n";
    }

    /** {@code 'value'} when it is a plain name, else a neutral phrase: error messages never echo arbitrary request text. */
    public static String echo(String value) {
        return value != null && value.matches("[A-Za-z0-9._~+-]{1,80}") ? "'" + value + "'" : "the one given";
    }

    /** A message on one line, short, and free of control characters, whatever the request put in it. */
    static String oneLine(String message) {
        String m = message == null ? "" : message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
