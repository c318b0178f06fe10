package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.Discovery;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over real WebSockets: a server with a password admits the right one, asks for a missing one,
 * refuses a wrong one (error, then close 4005) and, after a few wrong ones from one address, does not
 * even look (the backoff's timing is AccessGateTest's, on a stepped clock). The password is never in
 * the log or in /status, which only says that one is needed.
 */
class PasswordServerTest {
    private static final String PASSWORD = "correct horse battery";
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.matches = 1;
        o.password = PASSWORD;
    });

    private static TestClient attempt(GameServer server, String password) {
        TestClient client = TestClient.connect(server);
        client.send(new ClientMessage.Hello("Ann", null, password, null));
        return client;
    }

    private static void assertRefused(TestClient client, ErrorCode code) {
        assertEquals(code.wire(), client.await(ServerMessage.Error.class).code());
        assertEquals(CloseCodes.ACCESS_DENIED, client.awaitClose().code());
        assertTrue(client.messages().stream().noneMatch(m -> m instanceof ServerMessage.Welcome));
    }

    @Test
    void theRightPasswordIsAdmittedAMissingOneAskedForAWrongOneRefusedAndGuessersSlowed()
            throws IOException, InterruptedException {
        try (LogCapture log = LogCapture.start(); GameServer server = GameServer.start(CONFIG)) {
            TestClient ann = attempt(server, PASSWORD);
            ann.await(ServerMessage.Welcome.class);
            ann.send(new ClientMessage.Join("m1"));
            ann.await(ServerMessage.Joined.class);

            assertRefused(attempt(server, null), ErrorCode.PASSWORD_REQUIRED);
            for (int i = 0; i < 3; i++) {
                assertRefused(attempt(server, "guess " + i), ErrorCode.WRONG_PASSWORD);
            }
            assertRefused(attempt(server, "one guess too many"), ErrorCode.WRONG_PASSWORD);
            // Locked now: even the right password is not looked at until the lock is over.
            assertRefused(attempt(server, PASSWORD), ErrorCode.TOO_MANY_ATTEMPTS);
            assertFalse(ann.isClosed(), "those already in are not disturbed");

            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(status.body().contains("\"passwordRequired\":true"), status.body());
            assertFalse(status.body().contains(PASSWORD));
            Discovery.Reply found = GameServerTest.discover(server);
            assertTrue(found.passwordRequired(), "LAN discovery says so too, so clients ask before they connect");
            assertFalse(found.toString().contains(PASSWORD));
            assertFalse(log.anyContains(PASSWORD), "the password never reaches the log");
            assertFalse(log.anyContains("guess"), "nor do the guesses");
            assertTrue(log.anyContains("refused: wrong_password"));
            assertTrue(log.anyContains("refused: too_many_attempts"));
        }
    }

    @Test
    void anOpenServerSaysNoPasswordIsNeeded() throws IOException, InterruptedException {
        try (GameServer server = GameServer.start(GameServerTest.CONFIG)) {
            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(status.body().contains("\"passwordRequired\":false"), status.body());
            TestClient.hello(server, "Ann"); // no password asked
        }
    }
}
