package io.lancers.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;


/** Greets each connection with its tag byte, then echoes; keeps the accepted sockets so a test can close them. */
final class EchoServer implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> all = new ArrayList<>();
    private final Thread acceptor;

    EchoServer(int tag) throws IOException {
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    synchronized (all) {
                        all.add(socket);
                    }
                    Thread echo = new Thread(() -> {
                        try (InputStream in = socket.getInputStream()) {
                            socket.getOutputStream().write(tag);
                            in.transferTo(socket.getOutputStream());
                        } catch (IOException e) {
                            // that connection is over
                        }
                    }, "echo");
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits until the server has closed its end of every link so far (its echo saw the link go). */
    void awaitAllClosed() {
        await("the server's ends closed").atMost(Duration.ofSeconds(15)).until(this::allClosed);
    }

    private boolean allClosed() {
        synchronized (all) {
            return all.stream().allMatch(Socket::isClosed);
        }
    }

    /** Closes the server's end of every link so far, in order (FIN). */
    void closeAccepted() throws IOException {
        synchronized (all) {
            for (Socket socket : all) {
                socket.close();
            }
        }
    }

    /**
     * Stops listening, then closes the server's ends. The listener is only gone once its accept
     * thread has left accept(): until then the kernel still completes connections to it (the JDK
     * closes a socket that a thread is blocked on only when that thread returns), and a
     * connection made in that window would be greeted as if the server were still up.
     */
    @Override
    public void close() throws IOException {
        listener.close();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAccepted();
    }
}
