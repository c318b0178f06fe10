package io.lancers.client.ui;

import io.lancers.client.testing.Fx;
import io.lancers.protocol.Discovery;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LAN server of an older version (its discovery reply names {@code lancers.v4}, as a pre-v5 server's
 * does) is listed, marked, and not joined: choosing it says it needs another Lancers version. The
 * older server is a UDP responder on loopback answering probes with that reply, as in LanDiscoveryTest.
 */
@ExtendWith(ApplicationExtension.class)
class OtherVersionServerTest {
    private static final String OLD_REPLY = "{\"type\":\"lancers.server\",\"name\":\"old den\",\"version\":\"0.0.9\","
            + "\"url\":\"ws://127.0.0.1:9/game\",\"protocol\":\"lancers.v4\",\"matches\":[{\"id\":\"m1\","
            + "\"mapId\":\"foundry\",\"mapName\":\"Foundry\",\"phase\":\"playing\",\"players\":2,\"maxPlayers\":16,"
            + "\"bots\":1,\"spectators\":0,\"tickRate\":60}]}";

    private final Preferences prefs = TestWindows.prefs("other-version");
    private DatagramSocket responder;
    private Thread answering;
    private ClientWindow window;

    @Start
    void start(Stage stage) throws IOException {
        responder = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        answering = new Thread(this::answerProbes, "old-server-discovery");
        answering.setDaemon(true);
        answering.start();
        window = TestWindows.show(stage, prefs, Settings.defaults().withControlsSeen(true), null,
                "127.0.0.1:" + responder.getLocalPort());
    }

    /** Answers every probe with the older server's reply until the socket is closed. */
    private void answerProbes() {
        byte[] buffer = new byte[64];
        byte[] reply = OLD_REPLY.getBytes(StandardCharsets.UTF_8);
        while (!responder.isClosed()) {
            try {
                DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
                responder.receive(probe);
                if (Arrays.equals(Discovery.PROBE, Arrays.copyOf(buffer, probe.getLength()))) {
                    responder.send(new DatagramPacket(reply, reply.length, probe.getSocketAddress()));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @AfterEach
    void tearDown() throws BackingStoreException, InterruptedException {
        Fx.run(window::shutdown);
        responder.close();
        answering.join();
        prefs.removeNode();
    }

    @Test
    void aServerOfAnotherVersionIsMarkedAndNotJoined(FxRobot robot) {
        robot.clickOn("#menu-join");
        Fx.waitFor("the old server's match listed, marked", () -> robot.lookup("#server-list").queryAs(ListView.class)
                .getItems().stream().anyMatch(e -> ((ServerBrowser.Entry) e).label()
                        .contains("old den   [needs another Lancers version]")));
        Fx.run(() -> robot.lookup("#server-list").queryAs(ListView.class).getSelectionModel().select(0));
        robot.clickOn("#server-choose");

        String status = Fx.get(() -> robot.lookup("#browser-status").queryAs(Label.class).getText());
        assertTrue(status.contains("old den speaks lancers.v4") && status.contains("needs another Lancers version"),
                status);
        assertTrue(Fx.get(() -> robot.lookup("#connecting").tryQuery().isEmpty()), "no connection is tried");
        assertTrue(Fx.get(() -> robot.lookup("#join-view").tryQuery().isPresent()), "still in the list");
    }
}
