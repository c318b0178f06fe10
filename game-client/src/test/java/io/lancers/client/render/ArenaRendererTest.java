package io.lancers.client.render;

import io.lancers.client.state.ClientWorld;
import io.lancers.client.testing.Screenshots;
import io.lancers.client.state.RenderFrame;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.sim.Input;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Projectile;
import io.lancers.sim.Rules;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Draws a real simulated match (the real rules on a built-in map) and checks what was drawn. */
@ExtendWith(ApplicationExtension.class)
class ArenaRendererTest {
    private static final int W = 1280;
    private static final int H = 720;
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), W, H));
        stage.show();
    }

    /** Four ships fighting for three seconds of game time, sampled through the client's state buffer. */
    private static RenderFrame fight(ArenaMap map) {
        MatchConfig config = MatchConfig.defaults();
        Simulation sim = new Simulation(map, config);
        World w = sim.newMatch(42, 1, 1);
        for (int id = 1; id <= 4; id++) {
            w = sim.addShip(w, id);
        }
        ClientWorld client = new ClientWorld(config.tickRate(), sim::moveShip, 1);
        long tickNanos = 1_000_000_000L / config.tickRate();
        for (int t = 0; t < 180; t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id <= 4; id++) {
                // Everyone turns on the spot and fires; the odd ones also drift a little.
                int buttons = Input.FIRE | (id % 2 == 1 && t < 30 ? Input.RIGHT : 0);
                inputs.put(id, new Input(t + 1, buttons, (float) (id * Math.PI / 2 + t * 0.03)));
            }
            w = sim.step(w, inputs);
            client.onWorld(w, t * tickNanos);
        }
        return client.sample(180 * tickNanos).orElseThrow();
    }

    @Test
    void drawsEveryLivingShipProjectilesAndTheArena() {
        ArenaMap map = MapLoader.load("foundry");
        RenderFrame frame = fight(map);
        ArenaRenderer renderer = new ArenaRenderer(new Effects());
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Map<Integer, SceneView.PlayerLook> looks = new HashMap<>();
            for (int id = 1; id <= 4; id++) {
                looks.put(id, new SceneView.PlayerLook("Pilot " + id, Palette.shipColor(id, null)));
            }
            RenderFrame.RenderShip own = frame.own();
            Camera cam = Camera.follow(own.x(), own.y(), map.width(), map.height(), W, H);
            FrameBuffer frameBuffer = new FrameBuffer(W, H);
            SceneView view = new SceneView(frame, map, looks, 1, cam);
            renderer.prepare(view);
            renderer.render(frameBuffer, view, 1_000_000_000L, 0);
            image.set(PixelDiff.image(frameBuffer));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(image.get(), "renderer");

        ArenaRenderer.FrameSummary summary = renderer.lastFrame();
        List<Integer> living = frame.ships().stream().filter(s -> s.ship().alive()).map(s -> s.ship().id()).toList();
        assertEquals(living, summary.shipIds());
        assertEquals(frame.projectiles().size(), summary.projectiles());
        assertTrue(summary.projectiles() > 0, "ships that keep firing leave projectiles in flight");

        // The own ship is at the centre unless the camera is clamped at an edge; either way the
        // frame is not a blank fill: the floor, the walls and the ships all have their own colours.
        PixelReader px = image.get().getPixelReader();
        Color corner = px.getColor(2, 2);
        long distinct = java.util.stream.IntStream.range(0, 64)
                .mapToObj(i -> px.getColor(20 + i * 19, 40 + (i * 37) % (H - 80)))
                .distinct().count();
        assertTrue(distinct > 3, "a drawn arena has many colours, found " + distinct);
        assertNotEquals(Color.WHITE, corner);
    }

    /** A shot flying right: its trail, in its owner's colour, reaches back behind the white head. */
    @Test
    void aShotHasItsTrailBehindItsHead() {
        shotWithTrail(false);
    }

    /** Low effects drop the glows, not the shots. */
    @Test
    void inLowEffectsAShotStillHasItsHeadAndTrail() {
        shotWithTrail(true);
    }

    /** A charged lance has a white-hot core along its trail; a gun's shot beside it in the same frame has none. */
    @Test
    void aLanceHasAWhiteCoreAlongItsTrailAndAShotBesideItHasNone() {
        ArenaMap map = MapLoader.load("foundry");
        Camera cam = new Camera(800, 500, 1.25, W, H);
        Projectile lance = new Projectile(8, 3, 400, 470, Rules.LANCE_SPEED, 0, 0, 40);
        Projectile shot = new Projectile(7, 3, 500, 530, Rules.PROJECTILE_SPEED, 0, 0, 20);
        RenderFrame frame = new RenderFrame(30, 30, new MatchState(MatchPhase.PLAYING, 10_000, 0, 1, 8, 1), List.of(),
                0, List.of(new RenderFrame.RenderProjectile(shot, 950, 530), new RenderFrame.RenderProjectile(lance, 950, 470)),
                List.of(), List.of(), false);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ArenaRenderer renderer = new ArenaRenderer(new Effects());
            FrameBuffer frameBuffer = new FrameBuffer(W, H);
            SceneView view = new SceneView(frame, map, Map.of(3, new SceneView.PlayerLook("Red", Color.web("#ff2020"))),
                    0, cam);
            renderer.prepare(view);
            renderer.render(frameBuffer, view, 1_000_000_000L, 0);
            image.set(PixelDiff.image(frameBuffer));
        });
        WaitForAsyncUtils.waitForFxEvents();
        PixelReader px = image.get().getPixelReader();
        int behind = (int) (cam.toScreenX(950) - 40 * cam.scale());
        Color core = px.getColor(behind, (int) cam.toScreenY(470));
        Color trail = px.getColor(behind, (int) cam.toScreenY(530));
        assertTrue(core.getRed() > 0.9 && core.getGreen() > 0.9 && core.getBlue() > 0.9, "a white core: " + core);
        assertTrue(trail.getRed() > trail.getGreen() + 0.2, "a red trail without a core: " + trail);
    }

    private void shotWithTrail(boolean lowEffects) {
        ArenaMap map = MapLoader.load("foundry");
        Camera cam = new Camera(800, 500, 1.25, W, H);
        // Between the walls near the middle of Foundry; flown far enough for a whole trail.
        Projectile shot = new Projectile(7, 3, 500, 470, 900, 0, 0, 20);
        RenderFrame frame = new RenderFrame(30, 30, new MatchState(MatchPhase.PLAYING, 10_000, 0, 1, 8, 1), List.of(),
                0, List.of(new RenderFrame.RenderProjectile(shot, 950, 470)), List.of(), List.of(), false);
        Color red = Color.web("#ff2020");
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ArenaRenderer renderer = new ArenaRenderer(new Effects());
            renderer.setLowEffects(lowEffects);
            FrameBuffer frameBuffer = new FrameBuffer(W, H);
            SceneView view = new SceneView(frame, map, Map.of(3, new SceneView.PlayerLook("Red", red)), 0, cam);
            renderer.prepare(view);
            renderer.render(frameBuffer, view, 1_000_000_000L, 0);
            image.set(PixelDiff.image(frameBuffer));
        });
        WaitForAsyncUtils.waitForFxEvents();
        PixelReader px = image.get().getPixelReader();
        double headX = cam.toScreenX(950);
        double y = cam.toScreenY(470);
        Color head = px.getColor((int) headX, (int) y);
        Color tail = px.getColor((int) (headX - 40 * cam.scale()), (int) y);
        Color beyond = px.getColor((int) (headX - 80 * cam.scale()), (int) y);
        assertTrue(head.getRed() > 0.9 && head.getGreen() > 0.9 && head.getBlue() > 0.9, "white head: " + head);
        assertTrue(tail.getRed() > tail.getBlue() + 0.2, "a red trail 40 units behind the head: " + tail);
        assertTrue(beyond.getRed() < beyond.getBlue(), "no trail 80 units behind: " + beyond);
    }
}
