package io.lancers.client.ui;

import io.lancers.client.testing.Fx;
import io.lancers.server.net.SelfSignedTls;
import io.lancers.tls.Fingerprint;
import javafx.scene.control.CheckBox;
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
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hosting from the client with the Host screen's TLS box ticked ({@code --tls-self-signed}): the
 * hosting screen shows the certificate's fingerprint beside the {@code wss://} address, and the host
 * enters their own arena over {@code wss://127.0.0.1} without being asked to trust it.
 */
@ExtendWith(ApplicationExtension.class)
class HostTlsTest {
    private final Preferences prefs = TestWindows.prefs("host-tls");
    private Path dir;
    private ClientWindow window;

    @Start
    void start(Stage stage) {
        try {
            dir = Files.createTempDirectory("lancers-host-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        window = TestWindows.show(stage, prefs, Settings.defaults().withControlsSeen(true), null);
        window.hostNetwork(o -> o.onLoopback().with(x -> x.dataDir = dir));
    }

    @AfterEach
    void tearDown() throws BackingStoreException, IOException {
        Fx.run(window::shutdown);
        prefs.removeNode();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theHostSeesTheFingerprintAndEntersTheirOwnArenaWithoutBeingAsked(FxRobot robot) throws Exception {
        robot.clickOn("#menu-host");
        Fx.waitFor("the Host screen", () -> robot.lookup("#host-setup").tryQuery().isPresent());
        Fx.run(() -> robot.lookup("#host-tls").queryAs(CheckBox.class).setSelected(true));
        robot.clickOn("#host-start");
        Fx.waitFor("the fingerprint on the hosting screen", () -> robot.lookup("#host-fingerprint").tryQuery().isPresent());
        Fingerprint certificate = Fingerprint.of(SelfSignedTls.ensure(dir).certificate());
        assertEquals(certificate.toString(),
                Fx.get(() -> robot.lookup("#host-fingerprint").queryAs(Label.class).getText().replace("\n", ":")));
        String address = Fx.get(() -> robot.lookup("#host-address").queryAs(Label.class).getText());
        assertTrue(address.startsWith("wss://127.0.0.1:"), address);

        robot.clickOn("#host-enter");
        Fx.waitFor("the host in their match over wss://", () -> robot.lookup("#match-view").tryQuery()
                .map(n -> ((MatchView) n).lastFrameSummary().shipIds().size() >= 2).orElse(false));
        assertTrue(robot.lookup("#" + TrustPrompt.ID).tryQuery().isEmpty(), "never asked about their own server");
    }
}
