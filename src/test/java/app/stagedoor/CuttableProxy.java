package app.stagedoor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP pass-through to the test database that a test can cut and restore, to stand for a database
 * server that stops and starts: {@link #cut()} closes every open connection and refuses new ones
 * (as a stopped server does), {@link #restore()} accepts them again. The app under test connects
 * to {@link #port()} instead of the server.
 */
public final class CuttableProxy implements AutoCloseable {

    private final String host;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private volatile boolean closed;

    public CuttableProxy(String host, int targetPort) throws IOException {
        this.host = host;
        this.targetPort = targetPort;
        var first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    public int port() {
        return port;
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        var server = listening;
        listening = null;
        if (server != null) {
            server.close();
        }
        for (var socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (listening == null && !closed) {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listen(server);
        }
    }

    private void listen(ServerSocket server) {
        listening = server;
        var acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            var client = server.accept();
                            var upstream = new Socket(host, targetPort);
                            open.add(client);
                            open.add(upstream);
                            pump(client, upstream);
                            pump(upstream, client);
                        } catch (IOException stopped) {
                            // the server socket was closed by cut() or close()
                        }
                    }
                },
                "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        var pump = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException closed) {
                        // either side went away
                    } finally {
                        quietlyClose(from);
                        quietlyClose(to);
                    }
                },
                "proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private void quietlyClose(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
    }
}
