package io.lancers.client.ui;

import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.client.testing.Fx;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The status box and the banner follow the own ship: the score line (kills, deaths, the power-up while it lasts,
 * lance charges), the health bar (red at a quarter or less) and the respawn countdown while it is dead. The frame
 * loop tells each apart from what is shown without a record's equals or a branch per value, so every change of a
 * value must still show.
 */
@ExtendWith(ApplicationExtension.class)
class MatchHudStatusTest {
    private static final MatchConfig CONFIG = MatchConfig.defaults();
    private static final ServerMessage.Joined JOINED = new ServerMessage.Joined("m1", "player", 1, "", false,
            CONFIG.tickRate(), ServerMessage.Rules.of(CONFIG), MapLoader.load("foundry"));

    private static RenderFrame frame(double tick, int health, int powerUntil, int kills, int deaths, int lances) {
        return frame(tick, health, 0, powerUntil, kills, deaths, lances);
    }

    private static RenderFrame frame(double tick, int health, int respawnTick, int powerUntil, int kills, int deaths,
                                     int lances) {
        Ship own = new Ship(1, 0, 0, 0, 0, 0, health, respawnTick, 0, powerUntil, 0, kills, deaths, 0, lances);
        return new RenderFrame(tick, (int) tick, new MatchState(MatchPhase.PLAYING, 10_000, 0, 1, 8, 1),
                List.of(new RenderShip(own, 0, 0, 0)), 1, List.of(), List.of(), List.of(), false);
    }

    @Test
    void theScoreLineAndTheHealthBarFollowTheOwnShip() {
        Fx.run(() -> {
            MatchHud hud = new MatchHud(JOINED, new Pane(), f -> "");
            VBox status = (VBox) hud.layer().lookup("#hud-status");
            ProgressBar bar = (ProgressBar) status.getChildren().get(1);
            Label score = (Label) status.getChildren().get(2);
            hud.update(frame(10, 100, 0, 2, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Kills 2   Deaths 1", score.getText());
            assertEquals(false, bar.getStyleClass().contains("low"));

            hud.update(frame(10, 100, 50, 2, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Kills 2   Deaths 1   POWER", score.getText(), "a power-up");
            hud.update(frame(49.5, 100, 50, 2, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Kills 2   Deaths 1   POWER", score.getText(), "half a tick before its end");
            hud.update(frame(50, 100, 50, 2, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Kills 2   Deaths 1", score.getText(), "at its end");
            hud.update(frame(50, 100, 50, 2, 1, 2), 0, List.of(), id -> null, null, false, false);
            assertEquals("Kills 2   Deaths 1   LANCE ×2", score.getText(), "lance charges");
            hud.update(frame(50, 100, 50, 3, 1, 2), 0, List.of(), id -> null, null, false, false);
            assertEquals("Kills 3   Deaths 1   LANCE ×2", score.getText(), "a kill");
            hud.update(frame(50, 100, 50, 3, 2, 2), 0, List.of(), id -> null, null, false, false);
            assertEquals("Kills 3   Deaths 2   LANCE ×2", score.getText(), "a death");

            hud.update(frame(50, 26, 50, 3, 2, 2), 0, List.of(), id -> null, null, false, false);
            assertEquals(false, bar.getStyleClass().contains("low"), "26 of 100");
            hud.update(frame(50, 25, 50, 3, 2, 2), 0, List.of(), id -> null, null, false, false);
            assertEquals(true, bar.getStyleClass().contains("low"), "25 of 100");
            hud.update(frame(50, 100, 50, 3, 2, 2), 0, List.of(), id -> null, null, false, false);
            assertEquals(false, bar.getStyleClass().contains("low"), "healed");
        });
    }

    @Test
    void whileTheOwnShipIsDeadTheBannerCountsDownToItsRespawn() {
        Fx.run(() -> {
            MatchHud hud = new MatchHud(JOINED, new Pane(), f -> "");
            Label banner = (Label) hud.layer().lookup("#center-banner");
            hud.update(frame(10, 100, 0, 0, 0, 0, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("", banner.getText());
            // Three seconds at 60 Hz.
            hud.update(frame(10, 0, 190, 0, 0, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Respawning in 3…", banner.getText());
            assertEquals(true, banner.isVisible());
            hud.update(frame(130.5, 0, 190, 0, 0, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Respawning in 1…", banner.getText());
            hud.update(frame(190, 0, 190, 0, 0, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Respawning in 0…", banner.getText());
            hud.update(frame(190, 100, 190, 0, 0, 1, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("", banner.getText(), "respawned");
            assertEquals(false, banner.isVisible(), "an empty banner is hidden");
            hud.update(frame(190, 0, 190 + 60 * 100, 0, 0, 2, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("Respawning in 100…", banner.getText(), "longer than the match's delay");
            hud.update(frame(190, 100, 190 + 60 * 100, 0, 0, 2, 0), 0, List.of(), id -> null, null, false, false);
            assertEquals("", banner.getText());
        });
    }
}
