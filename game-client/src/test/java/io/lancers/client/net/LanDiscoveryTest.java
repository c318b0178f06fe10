package io.lancers.client.net;

import io.lancers.protocol.Discovery;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of replies; finding the real server is in {@link GameConnectionServerTest}. */
class LanDiscoveryTest {
    private static final String REPLY = "{\"type\":\"lancers.server\",\"name\":\"den\",\"version\":\"1\","
            + "\"url\":\"ws://127.0.0.1:9/game\",\"protocol\":\"lancers.v2\",\"matches\":[{\"id\":\"m1\","
            + "\"mapId\":\"foundry\",\"mapName\":\"Foundry\",\"phase\":\"playing\",\"players\":2,\"maxPlayers\":16,"
            + "\"bots\":1,\"spectators\":0,\"tickRate\":60}]}";

    @Test
    void aCompleteReplyIsRead() {
        Discovery.Reply reply = LanDiscovery.parse(REPLY);
        assertEquals("den", reply.name());
        assertEquals("ws://127.0.0.1:9/game", reply.url());
        assertEquals("foundry", reply.matches().get(0).mapId());
        assertFalse(reply.passwordRequired(), "a reply without the field (an older server's) needs no password");
        assertFalse(reply.tls());
    }

    @Test
    void aReplySaysWhetherAPasswordIsNeededAndItsSchemeWhetherTls() {
        Discovery.Reply reply = LanDiscovery.parse(REPLY.replace("\"matches\"", "\"passwordRequired\":true,\"matches\"")
                .replace("ws://", "wss://"));
        assertTrue(reply.passwordRequired());
        assertTrue(reply.tls());
    }

    @Test
    void anythingElseIsIgnored() {
        assertNull(LanDiscovery.parse("not json"));
        assertNull(LanDiscovery.parse(REPLY.replace("lancers.server", "someone.else")));
        assertNull(LanDiscovery.parse(REPLY.replace("\"url\"", "\"where\"")));
        assertNull(LanDiscovery.parse(REPLY.replace("\"matches\"", "\"rooms\"")));
        assertNull(LanDiscovery.parse(""));
    }

    @Test
    void collectsOneReplyPerServerAndSkipsGarbage() throws Exception {
        try (DatagramSocket responder = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread answering = new Thread(() -> {
                try {
                    byte[] buffer = new byte[64];
                    DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
                    responder.receive(probe);
                    if (!Arrays.equals(Discovery.PROBE, Arrays.copyOf(buffer, probe.getLength()))) {
                        return;
                    }
                    for (String answer : List.of("garbage", REPLY, REPLY)) {
                        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                        responder.send(new DatagramPacket(bytes, bytes.length, probe.getSocketAddress()));
                    }
                } catch (Exception ignored) {
                    // the test's assertion reports what is missing
                }
            });
            answering.start();
            List<Discovery.Reply> replies = LanDiscovery.probe(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), responder.getLocalPort()),
                    Duration.ofMillis(1500));
            answering.join();
            assertEquals(1, replies.size());
            assertEquals("den", replies.get(0).name());
        }
    }
}
