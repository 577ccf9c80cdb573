package org.sanctionskg.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages replaced by the site's one error line ({@link Responses#errorLine}): for requests Jetty refuses
 * before any servlet runs (bad {@code %} escapes, bad chunks, huge headers) and for {@code sendError} alike.
 */
public final class PlainErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int code, String message) {
        return Responses.errorLine(code, describe(code, message)).getBytes(StandardCharsets.UTF_8);
    }

    /** Jetty's own words where they are about the request's form, never the request's text. */
    private static String describe(int code, String message) {
        if (code == 400) return "malformed request" + (message == null ? "" : " (" + Responses.oneLine(message).replaceAll("[^A-Za-z0-9 ,.:;()/_-]", "") + ")");
        if (code == 404) return "no such page";
        if (code == 405) return "method not allowed here";
        if (code == 413) return "request too large";
        if (code == 414) return "URI too long";
        if (code == 431) return "request headers too large";
        return message == null ? "error" : Responses.oneLine(message);
    }
}
