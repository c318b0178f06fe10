package io.lancers.client.render;

import io.lancers.client.state.RenderFrame;
import io.lancers.map.ArenaMap;

import java.util.Map;

/**
 * Everything one frame draws, gathered by the match view before it calls the renderer.
 *
 * @param frame       the sampled state (interpolated positions for others, predicted own ship)
 * @param map         the arena
 * @param players     name and colour of each player, by id (from the roster)
 * @param ownId       the ship drawn as "you": the own ship, or the followed one when spectating
 * @param camera      where the view looks
 */
public record SceneView(RenderFrame frame, ArenaMap map,
                        Map<Integer, PlayerLook> players, int ownId, Camera camera) {

    public SceneView {
        players = Map.copyOf(players);
    }

    /** How a player looks: name and colour. */
    public record PlayerLook(String name, javafx.scene.paint.Color color) {
    }

    public PlayerLook look(int id) {
        PlayerLook look = players.get(id);
        return look != null ? look : new PlayerLook("#" + id, Palette.shipColor(id, null));
    }
}
