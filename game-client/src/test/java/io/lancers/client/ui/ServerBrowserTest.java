package io.lancers.client.ui;

import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage.MatchInfo;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerBrowserTest {

    @Test
    void addressesMayBeShort() {
        assertEquals(URI.create("ws://10.0.0.7:8025/game"), ServerBrowser.parseAddress("10.0.0.7"));
        assertEquals(URI.create("ws://host:9000/game"), ServerBrowser.parseAddress(" host:9000 "));
        assertEquals(URI.create("ws://host:9000/game"), ServerBrowser.parseAddress("ws://host:9000/game"));
        assertEquals(URI.create("ws://[::1]:9000/game"), ServerBrowser.parseAddress("ws://[::1]:9000"));
    }

    @Test
    void nonsenseIsRefused() {
        assertNull(ServerBrowser.parseAddress(""));
        assertNull(ServerBrowser.parseAddress("http://host:80/"));
        assertNull(ServerBrowser.parseAddress("ws://"));
        assertNull(ServerBrowser.parseAddress("a b c"));
    }

    @Test
    void onlyAServerThatNamesAnotherProtocolIsMarked() {
        MatchInfo match = new MatchInfo("m1", "foundry", "Foundry", "playing", 2, 16, 1, 0, 60, null);
        URI server = URI.create("ws://127.0.0.1:8025/game");
        ServerBrowser.Entry ours = new ServerBrowser.Entry("den", server, match, false, ProtocolVersion.SUBPROTOCOL);
        ServerBrowser.Entry unsaid = new ServerBrowser.Entry("den", server, match, false, null);
        ServerBrowser.Entry older = new ServerBrowser.Entry("den", server, match, false, "lancers.v4");
        assertTrue(ours.speaksOurs());
        assertTrue(unsaid.speaksOurs(), "a reply that does not say is offered; the server itself says at the upgrade");
        assertFalse(older.speaksOurs());
        assertFalse(ours.label().contains("another Lancers version"), ours.label());
        assertTrue(older.label().endsWith("[needs another Lancers version]"), older.label());
    }
}
