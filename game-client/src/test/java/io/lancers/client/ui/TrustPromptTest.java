package io.lancers.client.ui;

import io.lancers.client.testing.Fx;
import io.lancers.client.testing.Screenshots;
import io.lancers.client.tls.KnownHosts;
import io.lancers.client.tls.ServerTrust;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.tls.Fingerprint;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trust-on-first-use prompt in a real window (headless Monocle) against a real {@code wss://}
 * server with a {@code --tls-self-signed} certificate: asked once, trusted, playing; then the server
 * comes back with another certificate and the reconnect ends in the warning, with no way to trust it.
 */
@ExtendWith(ApplicationExtension.class)
class TrustPromptTest {
    private final Preferences prefs = TestWindows.prefs("trust");
    private Path dir;
    private KnownHosts knownHosts;
    private GameServer server;
    private ClientWindow window;

    /** A {@code --tls-self-signed} server on 127.0.0.1 keeping its certificate in {@code certificates}. */
    private static ServerOptions config(Path certificates, int port) {
        return ServerOptions.defaults().onLoopback().with(o -> {
            o.port = port;
            o.matches = 1;
            o.bots = 2;
            o.tlsSelfSigned = true;
            o.dataDir = certificates;
        });
    }

    @Start
    void start(Stage stage) {
        try {
            dir = Files.createTempDirectory("lancers-trust");
            knownHosts = new KnownHosts(dir.resolve("known_hosts"));
            server = GameServer.start(config(dir.resolve("first"), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Settings.defaults().withPlayerName("Tester").withSound(false).save(prefs);
        window = new ClientWindow(stage, new LaunchOptions(server.uri(), server.matches().list().get(0).id(), null,
                "127.0.0.1:1", false, 1, LaunchOptions.DEFAULT_BOT_SKILL), prefs,
                ServerTrust.of(knownHosts, List.of()));
        window.show();
    }

    @AfterEach
    void tearDown() throws BackingStoreException, IOException {
        Fx.run(window::shutdown);
        server.close();
        prefs.removeNode();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void askedOnceThenTrustedAndRememberedAndAChangedCertificateOnlyWarns(FxRobot robot) throws Exception {
        Fingerprint first = server.certificateFingerprint().orElseThrow();
        int port = server.port();

        Fx.waitFor("the prompt", () -> robot.lookup("#trust-accept").tryQuery().isPresent());
        assertEquals(first.toString(), fingerprintShown(robot, "#trust-fingerprint"));
        assertTrue(robot.lookup("#trust-cancel").tryQuery().isPresent());
        Screenshots.save(Fx.get(() -> robot.lookup("#" + TrustPrompt.ID).query().getScene().snapshot(null)), "trust-prompt-unknown");
        robot.clickOn("#trust-accept");

        Fx.waitFor("watching the match over wss://", () -> robot.lookup("#match-view").tryQuery()
                .map(n -> ((MatchView) n).lastFrameSummary().shipIds().size() >= 2).orElse(false));
        assertEquals(first, knownHosts.lookup("127.0.0.1", port).orElseThrow(), "remembered for 127.0.0.1:" + port);
        assertTrue(robot.lookup("#" + TrustPrompt.ID).tryQuery().isEmpty());

        // The server comes back on the same port with a new certificate: the reconnect is refused.
        server.close();
        server = GameServer.start(config(dir.resolve("second"), port));
        Fingerprint second = server.certificateFingerprint().orElseThrow();
        Fx.waitFor("the warning", () -> robot.lookup("#trust-close").tryQuery().isPresent());
        assertTrue(robot.lookup("#trust-accept").tryQuery().isEmpty(), "no one-click trust for a changed certificate");
        assertEquals(first.toString(), fingerprintShown(robot, "#trust-known"));
        assertEquals(second.toString(), fingerprintShown(robot, "#trust-fingerprint"));
        String shown = Fx.get(() -> robot.lookup("#" + TrustPrompt.ID).queryAs(Node.class)
                .lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList().toString());
        assertTrue(shown.contains("CHANGED") && shown.contains(knownHosts.file().toString()), shown);
        Screenshots.save(Fx.get(() -> robot.lookup("#" + TrustPrompt.ID).query().getScene().snapshot(null)), "trust-prompt-changed");

        robot.clickOn("#trust-close");
        Fx.waitFor("the menu", () -> robot.lookup("#main-menu").tryQuery().isPresent()
                && robot.lookup("#" + TrustPrompt.ID).tryQuery().isEmpty());
        assertEquals(first, knownHosts.lookup("127.0.0.1", port).orElseThrow(), "the old trust stays");
    }

    private static String fingerprintShown(FxRobot robot, String id) {
        return Fx.get(() -> robot.lookup(id).queryAs(Label.class).getText().replace("\n", ":"));
    }
}
