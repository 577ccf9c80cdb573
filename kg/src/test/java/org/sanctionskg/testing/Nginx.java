package org.sanctionskg.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx run as a child process with a temporary prefix, in front of given upstreams, configured by the
 * repository's {@code deploy/nginx-sanctions-kg.conf} (its ports, listen address and cache folder replaced).
 */
public final class Nginx {
    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Pattern UPSTREAM = Pattern.compile("(?m)^(\\s*server )127\\.0\\.0\\.1:\\d+( .*)$");

    private Nginx() {}

    /** The repository's nginx site configuration. */
    public static Path siteConfig() {
        return Path.of("deploy", "nginx-sanctions-kg.conf").toAbsolutePath(); // tests run in the repository root
    }

    /** Runs {@code body} against nginx (its base URI) proxying to {@code upstreams}; nginx is always stopped. */
    public static void with(Path prefix, List<URI> upstreams, Servers.Body body) throws Exception {
        int port = freePort();
        Files.createDirectories(prefix.resolve("tmp"));
        Files.writeString(prefix.resolve("site.conf"), site(Files.readString(siteConfig()), upstreams, port, prefix));
        Files.writeString(prefix.resolve("nginx.conf"), """
                user %2$s; # the workers write the cache into this test's folder: as its owner (ignored unless run as root)
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    keepalive_requests 100000; # the test clients reuse their connections; nginx closing one races their next request
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(prefix, System.getProperty("user.name")));
        Process nginx = new ProcessBuilder(BINARY.toString(), "-p", prefix + "/", "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        try {
            awaitListening(nginx, port, prefix);
            body.run(URI.create("http://127.0.0.1:" + port + "/"));
        } catch (Exception | AssertionError e) {
            Path log = prefix.resolve("error.log");
            if (Files.exists(log)) e.addSuppressed(new IllegalStateException("nginx's error.log: " + Files.readString(log)));
            throw e;
        } finally {
            nginx.destroy(); // SIGTERM: nginx's fast shutdown
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) nginx.destroyForcibly();
        }
    }

    /** The site configuration with our upstream ports, one loopback listen port and a cache under {@code prefix}. */
    static String site(String conf, List<URI> upstreams, int port, Path prefix) {
        Matcher m = UPSTREAM.matcher(conf);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= upstreams.size()) throw new IllegalStateException("more upstream servers in " + siteConfig() + " than replicas");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "127.0.0.1:" + upstreams.get(i++).getPort() + m.group(2)));
        }
        m.appendTail(out);
        if (i != upstreams.size()) throw new IllegalStateException(siteConfig() + " lists " + i + " upstream servers, not " + upstreams.size());
        String s = out.toString();
        String changed = s.replace("listen 80;", "listen 127.0.0.1:" + port + ";").replace("listen [::]:80;", "")
                .replace("/var/cache/nginx/sanctions-kg", prefix.resolve("cache").toString());
        if (changed.equals(s) || !changed.contains(prefix.resolve("cache").toString()) || !changed.contains(":" + port + ";"))
            throw new IllegalStateException(siteConfig() + " no longer has the listen and cache lines this fixture replaces");
        return changed;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(Process nginx, int port, Path prefix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) throw new IllegalStateException("nginx stopped: " + Files.readString(prefix.resolve("stdout.log"))
                    + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }
}
