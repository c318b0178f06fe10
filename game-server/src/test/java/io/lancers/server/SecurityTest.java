package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser's and the eavesdropper's view: cross-site WebSocket hijacking is refused by origin,
 * resume tokens never reach the log in full, chat arrives without control characters, and with a
 * key store the server speaks only {@code wss://}.
 */
class SecurityTest {
    /** Stands for a binary state frame in the order of what a client read. */
    private static final String STATE_FRAME = "<state frame>";


    @Test
    void aForeignOriginIsRefusedUnlessAllowListed() throws IOException {
        try (GameServer server = GameServer.start(GameServerTest.CONFIG.with(o -> o.allowedOrigins = List.of("http://party.example:8080")))) {
            assertEquals(403, RawHandshake.send(server.port(), "lancers.v2", "http://evil.example").status());
            assertEquals(403, RawHandshake.send(server.port(), "lancers.v2", "null").status(), "sandboxed frames");
            assertEquals(403, RawHandshake.send(server.port(), "lancers.v2", "http://party.example:9999").status(),
                    "the allow-list is exact, port included");
            assertEquals(101, RawHandshake.send(server.port(), "lancers.v2", "http://party.example:8080").status());
            assertEquals(101, RawHandshake.send(server.port(), "lancers.v2", null).status(), "native clients");
        }
    }

    @Test
    void resumeTokensNeverAppearInTheLogInFull() throws IOException {
        List<String> tokens = new ArrayList<>();
        try (LogCapture log = LogCapture.start(); GameServer server = GameServer.start(GameServerTest.CONFIG)) {
            TestClient ada = TestClient.hello(server, "Ada");
            ada.send(new ClientMessage.Join("m1"));
            String token = ada.await(ServerMessage.Joined.class).resumeToken();
            tokens.add(token);
            // Every path a token takes: join, loss, resume, supersede, a near miss.
            ada.abort();
            TestClient back = TestClient.connect(server);
            back.send(new ClientMessage.Hello("Ada", token));
            back.await(ServerMessage.Joined.class);
            TestClient again = TestClient.connect(server);
            again.send(new ClientMessage.Hello("Ada", token));
            again.await(ServerMessage.Joined.class);
            String nearMiss = token.substring(0, 21) + (token.endsWith("A") ? "B" : "A");
            tokens.add(nearMiss);
            TestClient thief = TestClient.connect(server);
            thief.send(new ClientMessage.Hello("Eve", nearMiss));
            thief.await(ServerMessage.Error.class);
            List.of(back, again, thief).forEach(TestClient::close);

            assertTrue(log.anyContains(token.substring(0, 6)), "tokens are logged by their first characters");
            for (String secret : tokens) {
                assertFalse(log.anyContains(secret.substring(0, 7)), "more than 6 characters of a token logged: "
                        + log.lines().stream().filter(line -> line.contains(secret.substring(0, 7))).toList());
            }
        }
    }

    @Test
    void chatArrivesWithoutControlCharactersAndEmptyAfterStrippingIsRefused() throws IOException {
        try (GameServer server = GameServer.start(GameServerTest.CONFIG)) {
            TestClient ada = TestClient.hello(server, "Ada");
            TestClient bob = TestClient.hello(server, "Bob");
            for (TestClient client : List.of(ada, bob)) {
                client.send(new ClientMessage.Join("m1"));
                client.await(ServerMessage.Joined.class);
            }
            ada.send(new ClientMessage.Chat("gg\u0007 \u202Ewp\u0000\r\n<b>"));
            assertEquals("gg wp<b>", bob.await(ServerMessage.Chat.class).text(),
                    "controls gone; markup is just text (the client draws text on a canvas)");
            ada.send(new ClientMessage.Chat("\u0000\u200B\u0007"));
            assertEquals("invalid_chat", ada.await(ServerMessage.Error.class).code());
            List.of(ada, bob).forEach(TestClient::close);
        }
    }

    @Test
    void withAKeyStoreTheServerSpeaksWssAndHttpsOnly(@TempDir Path dir) throws Exception {
        Path keyStore = dir.resolve("server.p12");
        char[] password = "lancers-test".toCharArray();
        keytool("-genkeypair", "-alias", "lancers", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(password));
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, new String(password) + "\n");

        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--bind", "127.0.0.1", "--port", "0", "--no-discovery",
                "--tls-keystore", keyStore.toString(), "--tls-password-file", passwordFile.toString());
        ServerOptions config = main.options;
        assertFalse(config.tls().toString().contains("lancers-test"), "the password stays out of logs");

        try (GameServer server = GameServer.start(config)) {
            assertEquals("wss", server.uri().getScheme());
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keyStore, password)).build();

            HttpResponse<String> status = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/status")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            HttpResponse<String> page = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/watch")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "the spectator page over https, its socket then wss:// (same origin)");
            HttpResponse<String> broadcasts = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/broadcast")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, broadcasts.statusCode(), "the broadcast is served over TLS by the same handlers");

            // Every frame the server writes goes through the TLS filter: text, then state frames, in order.
            List<String> texts = new CopyOnWriteArrayList<>();
            CompletableFuture<StateCodec.Header> firstState = new CompletableFuture<>();
            CompletableFuture<StateCodec.Header> secondState = new CompletableFuture<>();
            WebSocket socket = trusting.newWebSocketBuilder().subprotocols(ProtocolVersion.SUBPROTOCOL)
                    .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + ProtocolVersion.ENDPOINT_PATH),
                            new WebSocket.Listener() {
                                private final StringBuilder text = new StringBuilder();
                                private ByteBuffer binary = ByteBuffer.allocate(0);

                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    text.append(data);
                                    if (last) {
                                        texts.add(text.toString());
                                        text.setLength(0);
                                    }
                                    ws.request(1);
                                    return null;
                                }

                                @Override
                                public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                                    binary = ByteBuffer.allocate(binary.remaining() + data.remaining()).put(binary).put(data).flip();
                                    if (last) {
                                        texts.add(STATE_FRAME);
                                        try {
                                            StateCodec.Header header = StateCodec.header(binary);
                                            (firstState.isDone() ? secondState : firstState).complete(header);
                                        } catch (ProtocolException e) {
                                            firstState.completeExceptionally(e);
                                        }
                                        binary = ByteBuffer.allocate(0);
                                    }
                                    ws.request(1);
                                    return null;
                                }
                            })
                    .get(15, TimeUnit.SECONDS);
            socket.sendText(ControlCodec.encode(new ClientMessage.Hello("Ada", null)), true);
            socket.sendText(ControlCodec.encode(new ClientMessage.Spectate("m1")), true);
            assertEquals(StateCodec.SNAPSHOT, firstState.get(15, TimeUnit.SECONDS).kind());
            StateCodec.Header delta = secondState.get(15, TimeUnit.SECONDS);
            assertEquals(StateCodec.DELTA, delta.kind());
            assertEquals(firstState.get().tick(), delta.baseTick());
            assertTrue(ControlCodec.decodeServer(texts.get(0)) instanceof ServerMessage.Welcome, texts::toString);
            int joined = -1;
            for (int i = 0; i < texts.size() && joined < 0; i++) {
                if (!texts.get(i).equals(STATE_FRAME) && ControlCodec.decodeServer(texts.get(i)) instanceof ServerMessage.Joined) {
                    joined = i;
                }
            }
            assertTrue(joined > 0 && joined < texts.indexOf(STATE_FRAME), "joined comes before the first state frame: " + texts);
            socket.abort();

            // Without TLS nothing gets through: plain HTTP to the TLS port gets no answer.
            HttpClient plain = HttpClient.newHttpClient();
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/status"))
                    .timeout(TestClient.PATIENCE).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Path wrongPasswordFile = Files.writeString(dir.resolve("wrong"), "wrong\n");
        IOException wrongPassword = assertThrows(IOException.class,
                () -> GameServer.start(config.with(o -> o.tlsPasswordFile = wrongPasswordFile)));
        assertTrue(wrongPassword.getMessage().contains(keyStore.toString()), wrongPassword.getMessage());

        ServerMain withoutStore = new ServerMain();
        new CommandLine(withoutStore).parseArgs("--tls-password-file", passwordFile.toString());
        assertThrows(IllegalArgumentException.class, withoutStore.options::validate);
    }

    private static SSLContext trusting(Path keyStore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance(keyStore.toFile(), password);
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("lancers", store.getCertificate("lancers"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The JDK's own keytool, so nothing secret is ever committed. */
    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), "keytool: " + output);
    }
}
