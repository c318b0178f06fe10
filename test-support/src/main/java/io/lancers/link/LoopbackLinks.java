package io.lancers.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

/** What the relays share: accepting a client and opening its link to the target on loopback. */
final class LoopbackLinks {
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private LoopbackLinks() {
    }

    /**
     * Until the listener closes: accepts each client, connects it to the target's current port on
     * loopback (both without Nagle) and hands both ends on. If the target refuses, the client is
     * closed at once (it sees its handshake refused).
     */
    static void acceptEach(ServerSocket listener, IntSupplier targetPort, BiConsumer<Socket, Socket> onLink) {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                continue; // closed: the loop ends
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort.getAsInt()),
                        CONNECT_TIMEOUT_MS);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(server, false);
                closeQuietly(client, false);
                continue;
            }
            onLink.accept(client, server);
        }
    }

    static void closeQuietly(Socket socket, boolean reset) {
        try {
            if (reset) {
                socket.setSoLinger(true, 0); // RST: as abrupt as it gets
            }
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
