package agora.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port, to put between the application and its database: {@link #cut()} closes
 * every forwarded connection and refuses new ones (as an unreachable server does), {@link #restore()} listens again
 * on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int port;
    private ServerSocket listener;

    public TcpProxy(String host, int port) {
        this.target = new InetSocketAddress(host, port);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    public int port() {
        return port;
    }

    public synchronized void cut() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public synchronized void restore() {
        if (listener.isClosed()) {
            listener = listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private ServerSocket listen(int onPort) {
        try {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            Thread.ofVirtual().name("tcp-proxy-accept").start(() -> accept(server));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                if (keep(server, client)) {
                    Thread.ofVirtual().start(() -> forward(server, client));
                }
            } catch (IOException closed) {
                // cut: stop listening
            }
        }
    }

    /**
     * Registers a socket of the listener's, or closes it if that listener was cut meanwhile: a connection accepted just
     * before a cut would otherwise escape it and keep the database reachable.
     */
    private synchronized boolean keep(ServerSocket server, Socket socket) {
        if (server.isClosed()) {
            closeQuietly(socket);
            return false;
        }
        open.add(socket);
        return true;
    }

    private void forward(ServerSocket server, Socket client) {
        var upstream = new Socket();
        if (!keep(server, upstream)) {
            closeQuietly(client);
            return;
        }
        try {
            upstream.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Thread.ofVirtual().start(() -> pump(upstream, client));
        pump(client, upstream);
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
