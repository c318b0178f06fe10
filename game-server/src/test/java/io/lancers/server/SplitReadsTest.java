package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An upgraded connection's reads go straight to Tyrus's frame parser (net/UpgradedReads), past the
 * HTTP codec: frames must still arrive whole however the reads cut them, over ws and over wss, and the
 * port must go on serving plain HTTP beside the WebSockets.
 */
class SplitReadsTest {

    @Test
    void framesCutAnywhereBetweenReadsArriveWholeOverWs() throws Exception {
        try (GameServer server = GameServer.start(GameServerTest.CONFIG.with(o -> o.heartbeatMs = 5000))) {
            exchange(server, Socket::new, HttpClient.newHttpClient(), "http");
        }
    }

    @Test
    void framesCutAnywhereBetweenReadsArriveWholeOverWss(@TempDir Path dataDir) throws Exception {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--matches", "1",
                "--bots", "0", "--tls-self-signed", "--data-dir", dataDir.toString());
        try (GameServer server = main.start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            SSLContext tls = SelfSignedServerTest.trustingOnly(server.options().tls().certificate());
            exchange(server, () -> {
                try {
                    return tls.getSocketFactory().createSocket();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, HttpClient.newBuilder().sslContext(tls).build(), "https");
        }
    }

    /**
     * A hello dribbled one byte per write, then a heartbeat and the first half of another in one write
     * and its rest in the next: the server answers each, in order; then plain HTTP on the same port.
     */
    private static void exchange(GameServer server, Supplier<Socket> sockets, HttpClient http, String scheme)
            throws Exception {
        try (Socket socket = sockets.get()) {
            socket.setTcpNoDelay(true);
            assertEquals(101, RawHandshake.connect(socket, server.port(), ProtocolVersion.SUBPROTOCOL).status());
            OutputStream out = socket.getOutputStream();
            for (byte b : RawHandshake.maskedTextFrame(ControlCodec.encode(new ClientMessage.Hello("Dribble", null)))) {
                out.write(b);
                out.flush();
            }
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertEquals(ServerMessage.Welcome.class, nextAnswer(in).getClass());

            byte[] first = RawHandshake.maskedTextFrame(ControlCodec.encode(new ClientMessage.Heartbeat(1)));
            byte[] second = RawHandshake.maskedTextFrame(ControlCodec.encode(new ClientMessage.Heartbeat(2)));
            byte[] together = Arrays.copyOf(first, first.length + second.length / 2);
            System.arraycopy(second, 0, together, first.length, second.length / 2);
            out.write(together);
            out.flush();
            out.write(Arrays.copyOfRange(second, second.length / 2, second.length));
            out.flush();
            assertEquals(List.of(new ServerMessage.HeartbeatAck(1), new ServerMessage.HeartbeatAck(2)),
                    List.of(nextAnswer(in), nextAnswer(in)));

            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                    URI.create(scheme + "://127.0.0.1:" + server.port() + "/status")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
        }
    }

    /** The next control message from the server that is not its own heartbeat (a server frame is unmasked). */
    private static ServerMessage nextAnswer(DataInputStream in) throws IOException, ProtocolException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            if (opcode == 1) {
                ServerMessage message = ControlCodec.decodeServer(new String(payload, StandardCharsets.UTF_8));
                if (!(message instanceof ServerMessage.Heartbeat)) {
                    return message;
                }
            }
        }
    }
}
