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
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;
import java.util.function.Function;

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

    /** After {@code frame}, the HUD part read shows {@code shown}. */
    private record Step(RenderFrame frame, String shown, String why) {
    }

    private static void assertSteps(Function<MatchHud, Node> part, Function<Node, String> read, Step... steps) {
        Fx.run(() -> {
            MatchHud hud = new MatchHud(JOINED, new Pane(), f -> "");
            for (Step step : steps) {
                hud.update(step.frame(), 0, List.of(), id -> null, null, false, false);
                assertEquals(step.shown(), read.apply(part.apply(hud)), step.why());
            }
        });
    }

    @Test
    void theScoreLineFollowsTheOwnShip() {
        assertSteps(hud -> status(hud, 2), line -> ((Label) line).getText(),
                new Step(frame(49.5, 100, 50, 2, 1, 0), "Kills 2   Deaths 1   POWER", "half a tick before its end"),
                new Step(frame(50, 100, 50, 2, 1, 0), "Kills 2   Deaths 1", "at its end"),
                new Step(frame(50, 100, 50, 2, 1, 2), "Kills 2   Deaths 1   LANCE ×2", "lance charges"),
                new Step(frame(50, 100, 50, 3, 1, 2), "Kills 3   Deaths 1   LANCE ×2", "a kill"),
                new Step(frame(50, 100, 50, 3, 2, 2), "Kills 3   Deaths 2   LANCE ×2", "a death"));
    }

    private static Node status(MatchHud hud, int line) {
        return ((VBox) hud.layer().lookup("#hud-status")).getChildren().get(line);
    }

    @Test
    void theHealthBarIsRedAtAQuarterOrLess() {
        assertSteps(hud -> status(hud, 1), bar -> String.valueOf(bar.getStyleClass().contains("low")),
                new Step(frame(10, 100, 0, 0, 0, 0), "false", "full"),
                new Step(frame(10, 26, 0, 0, 0, 0), "false", "26 of 100"),
                new Step(frame(10, 25, 0, 0, 0, 0), "true", "25 of 100"),
                new Step(frame(10, 100, 0, 0, 0, 0), "false", "healed"));
    }

    private static RenderFrame frame(double tick, int health, int respawnTick, int powerUntil, int kills, int deaths,
                                     int lances) {
        Ship own = new Ship(1, 0, 0, 0, 0, 0, health, respawnTick, 0, powerUntil, 0, kills, deaths, 0, lances);
        return new RenderFrame(tick, (int) tick, new MatchState(MatchPhase.PLAYING, 10_000, 0, 1, 8, 1),
                List.of(new RenderShip(own, 0, 0, 0)), 1, List.of(), List.of(), List.of(), false);
    }

    @Test
    void whileTheOwnShipIsDeadTheBannerCountsDownToItsRespawn() {
        // The match's delay is three seconds at 60 Hz; an empty banner is hidden.
        assertSteps(hud -> hud.layer().lookup("#center-banner"),
                banner -> banner.isVisible() + " " + ((Label) banner).getText(),
                new Step(frame(10, 100, 0, 0, 0, 0, 0), "false ", "alive"),
                new Step(frame(130.5, 0, 190, 0, 0, 1, 0), "true Respawning in 1…", "dead"),
                new Step(frame(190, 0, 190, 0, 0, 1, 0), "true Respawning in 0…", "at the respawn tick"),
                new Step(frame(190, 100, 190, 0, 0, 1, 0), "false ", "respawned"),
                new Step(frame(190, 0, 190 + 60 * 100, 0, 0, 2, 0), "true Respawning in 100…", "longer than the delay"));
    }
}
