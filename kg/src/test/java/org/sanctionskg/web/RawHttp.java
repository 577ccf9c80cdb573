package org.sanctionskg.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A minimal HTTP/1.1 client that reads chunked bodies and their trailers, which java.net.http hides. */
final class RawHttp {
    record Response(int status, Map<String, String> headers, long bodyBytes, Map<String, String> trailers) {}

    static Response get(URI base, String pathAndQuery, String accept) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: " + accept
                    + "\r\nTE: trailers\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(s.getInputStream());
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, String> headers = fields(in);
            long body = 0;
            Map<String, String> trailers = Map.of();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; line(in)) {
                    body += in.readNBytes(size).length;
                }
                trailers = fields(in);
            } else {
                body = in.readAllBytes().length;
            }
            return new Response(status, headers, body, trailers);
        }
    }

    private static Map<String, String> fields(InputStream in) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (String l; !(l = line(in)).isEmpty(); ) {
            int colon = l.indexOf(':');
            map.merge(l.substring(0, colon).trim().toLowerCase(), l.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        return map;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) if (c != '\r') b.write(c);
        return b.toString(StandardCharsets.US_ASCII);
    }
}
