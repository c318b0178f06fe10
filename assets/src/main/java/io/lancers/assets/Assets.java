package io.lancers.assets;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Classpath paths of the game's sprites and sounds (all made by this project, see
 * {@code assets/README.md}). Load them with {@link #url(String)}, e.g.
 * {@code new Image(Assets.url(Assets.Sprites.SHIP_HULL).toExternalForm())}.
 */
public final class Assets {

    private static final String ROOT = "/io/lancers/assets/";

    private Assets() {
    }

    /** PNG sprites with transparent backgrounds, except the two tiles, which are opaque. */
    public static final class Sprites {

        private static final String DIR = ROOT + "sprites/";

        /** 48×48, pointing right (+x), white and greys: multiply by the player's colour. */
        public static final String SHIP_HULL = DIR + "ship-hull.png";
        /** 48×48, drawn over the hull: canopy, engine flames, wing-tip lights; white glow. */
        public static final String SHIP_ACCENT = DIR + "ship-accent.png";
        /** 16×16, a cyan bolt flying right, centred. */
        public static final String PROJECTILE = DIR + "projectile.png";
        /** 24×24, a larger magenta bolt flying right, centred: a shot of a powered-up ship. */
        public static final String PROJECTILE_POWERED = DIR + "projectile-powered.png";
        /** 32×32, a green cross in a hexagon. */
        public static final String PICKUP_HEALTH = DIR + "pickup-health.png";
        /** 32×32, an amber lightning bolt in a diamond. */
        public static final String PICKUP_POWER = DIR + "pickup-power.png";
        /** 64×64 each, in playing order: flash, fireball, smoke, gone. */
        public static final List<String> EXPLOSION_FRAMES = IntStream.range(0, 8)
                .mapToObj(i -> DIR + "explosion-" + i + ".png")
                .toList();
        /** How long each explosion frame is meant to show: the whole blast lasts about 0.4 s. */
        public static final int EXPLOSION_FRAME_MILLIS = 50;
        /** 24×24, a white star with a warm glow, where a projectile hits. */
        public static final String HIT_SPARK = DIR + "hit-spark.png";
        /** 64×64, opaque, tileable: dark floor whose edges form a faint grid. */
        public static final String FLOOR_TILE = DIR + "floor-tile.png";
        /** 64×64, opaque, tileable: a bevelled steel panel. */
        public static final String WALL_TILE = DIR + "wall-tile.png";
        /** 64×64 app icon. */
        public static final String ICON_64 = DIR + "icon-64.png";
        /** 256×256 app icon. */
        public static final String ICON_256 = DIR + "icon-256.png";
        /** The app icon in every size, smallest first (for {@code Stage.getIcons()}). */
        public static final List<String> ICONS = List.of(ICON_64, ICON_256);

        /** Every sprite. */
        public static final List<String> ALL;

        static {
            List<String> all = new ArrayList<>(List.of(SHIP_HULL, SHIP_ACCENT, PROJECTILE,
                    PROJECTILE_POWERED, PICKUP_HEALTH, PICKUP_POWER, HIT_SPARK, FLOOR_TILE, WALL_TILE));
            all.addAll(EXPLOSION_FRAMES);
            all.addAll(ICONS);
            ALL = List.copyOf(all);
        }

        private Sprites() {
        }
    }

    /** WAV sound effects: PCM 16-bit signed little-endian, mono, 44100 Hz, peaks at -1 dBFS. */
    public static final class Sounds {

        private static final String DIR = ROOT + "sounds/";

        /** 0.2 s laser shot. */
        public static final String FIRE = DIR + "fire.wav";
        /** 0.55 s heavy shot of a powered-up ship. */
        public static final String FIRE_POWERED = DIR + "fire-powered.wav";
        /** 0.7 s charged lance: a rising whine that snaps into a bright crack. */
        public static final String LANCE = DIR + "lance.wav";
        /** 0.3 s projectile striking a ship. */
        public static final String HIT = DIR + "hit.wav";
        /** 1.5 s ship explosion. */
        public static final String EXPLODE = DIR + "explode.wav";
        /** 0.6 s rising chime: health picked up. */
        public static final String PICKUP_HEALTH = DIR + "pickup-health.wav";
        /** 0.65 s charge-up: power picked up. */
        public static final String PICKUP_POWER = DIR + "pickup-power.wav";
        /** 0.6 s scrape and two rings: a lance pickup taken. */
        public static final String PICKUP_LANCE = DIR + "pickup-lance.wav";
        /** 0.95 s swell: a ship (re)spawns. */
        public static final String RESPAWN = DIR + "respawn.wav";
        /** 1.3 s two blips and a chord: the match begins. */
        public static final String MATCH_START = DIR + "match-start.wav";
        /** 1.9 s closing cadence: the match is over. */
        public static final String MATCH_END = DIR + "match-end.wav";
        /** 0.06 s button tick. */
        public static final String UI_CLICK = DIR + "ui-click.wav";
        /** 0.45 s two-note chime: a chat message arrived. */
        public static final String CHAT_MESSAGE = DIR + "chat-message.wav";

        /** Every sound. */
        public static final List<String> ALL = List.of(FIRE, FIRE_POWERED, LANCE, HIT, EXPLODE,
                PICKUP_HEALTH, PICKUP_POWER, PICKUP_LANCE, RESPAWN, MATCH_START, MATCH_END, UI_CLICK, CHAT_MESSAGE);

        private Sounds() {
        }
    }

    /**
     * The URL of an asset on the classpath.
     *
     * @throws IllegalArgumentException if there is no such resource
     */
    public static URL url(String path) {
        URL url = Assets.class.getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("asset not found on the classpath: " + path
                    + " (is the lancers assets jar on the classpath, and the path one of Assets'?)");
        }
        return url;
    }
}
