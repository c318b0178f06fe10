package io.lancers.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An upgrade request written by hand on a plain socket, so a test sees exactly what the server
 * answers (a WebSocket client library would hide a refusal behind an exception).
 */
record RawHandshake(int status, String head) {

    /** Sends the upgrade with these optional headers and reads the response head. */
    static RawHandshake send(int port, String subprotocols, String origin) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return upgrade(socket, subprotocols, origin);
        }
    }

    /**
     * Connects this socket (configured beforehand, say its buffers) to the server's port, sends
     * the upgrade and reads only the response head: whatever follows is left unread in the socket.
     */
    static RawHandshake connect(Socket socket, int port, String subprotocols) throws IOException {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TestClient.PATIENCE.toMillis());
        return upgrade(socket, subprotocols, null);
    }

    private static RawHandshake upgrade(Socket socket, String subprotocols, String origin) throws IOException {
        socket.setSoTimeout((int) TestClient.PATIENCE.toMillis());
        String request = "GET /game HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + socket.getPort() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + (subprotocols == null ? "" : "Sec-WebSocket-Protocol: " + subprotocols + "\r\n")
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String head = readHead(socket.getInputStream());
        return new RawHandshake(Integer.parseInt(head.split(" ", 3)[1]), head);
    }

    /**
     * One final text frame as a client must send it (RFC 6455 §5.3: masked), for payloads under
     * 64 KiB. The mask is fixed: it only has to be there, not be secret, for a test.
     */
    static byte[] maskedTextFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {0x1f, 0x2e, 0x3d, 0x4c};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81); // FIN, text
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    boolean hasHeader(String name) {
        return headerValue(name).isPresent();
    }

    String header(String name) {
        return headerValue(name).orElse(null);
    }

    private Optional<String> headerValue(String name) {
        return Arrays.stream(head.split("\r\n"))
                .skip(1)
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII).trim();
    }
}
