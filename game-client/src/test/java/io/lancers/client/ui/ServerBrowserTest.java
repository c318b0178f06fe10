package io.lancers.client.ui;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
