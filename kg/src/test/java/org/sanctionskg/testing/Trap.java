package org.sanctionskg.testing;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** Listens on a loopback port and counts the connections that reach it: proof that nothing was called. */
public final class Trap implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;

    public Trap() throws Exception {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(200);
        thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (var s = socket.accept()) {
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // poll again until closed
                } catch (Exception e) {
                    return;
                }
            }
        }, "trap");
        thread.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Connections so far, after giving in-flight ones a moment to land. */
    public int connections() throws InterruptedException {
        Thread.sleep(300);
        return connections.get();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.join();
    }
}
