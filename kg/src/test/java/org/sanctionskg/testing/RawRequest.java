package org.sanctionskg.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Sends bytes exactly as given (no client tidies them up) and reads the status line and a bounded body. */
public final class RawRequest {
    /** What came back: the status (0 when the server closed the connection without answering), head and body start. */
    public record Answer(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return null;
        }
    }

    private RawRequest() {}

    /** A request line and headers (CRLF added), then {@code body}; {@code Host} and {@code Connection: close} are added. */
    public static Answer send(URI base, String requestLine, String headers, byte[] body) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes((requestLine + "\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nConnection: close\r\n"
                + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        req.writeBytes(body);
        return send(base, req.toByteArray());
    }

    /** {@code bytes} as the whole request. */
    public static Answer send(URI base, byte[] bytes) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                s.shutdownOutput();
            } catch (SocketException e) {
                // The server may answer and close before it has read a huge request: read what it said.
            }
            byte[] got = readBounded(s.getInputStream(), 64 << 10);
            String text = new String(got, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/")) return new Answer(0, text, "");
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, end < 0 ? "" : new String(got, end + 4, got.length - end - 4, StandardCharsets.UTF_8));
        }
    }

    private static byte[] readBounded(InputStream in, int max) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; b.size() < max && (n = in.read(buf)) != -1; ) b.write(buf, 0, n);
        } catch (SocketException e) {
            // A reset after the answer was sent: keep what arrived.
        }
        return b.toByteArray();
    }

    /** A GET of {@code pathAndQuery}, sent byte for byte, with extra header lines. */
    public static Answer get(URI base, String pathAndQuery, String accept, String... headers) throws IOException {
        StringBuilder h = new StringBuilder(accept == null ? "" : "Accept: " + accept + "\r\n");
        for (String header : headers) h.append(header).append("\r\n");
        return send(base, "GET " + pathAndQuery + " HTTP/1.1", h.toString(), new byte[0]);
    }
}
