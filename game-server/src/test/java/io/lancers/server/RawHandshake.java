package io.lancers.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
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
            socket.setSoTimeout((int) Await.PATIENCE.toMillis());
            String request = "GET /game HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
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
