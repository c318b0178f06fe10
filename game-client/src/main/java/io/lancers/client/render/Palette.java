package io.lancers.client.render;

import io.lancers.sim.PickupKind;
import javafx.scene.paint.Color;

/** The game's colours in one place, so the HUD and the arena agree. */
public final class Palette {
    public static final Color SPACE = Color.web("#070b16");
    public static final Color FLOOR = Color.web("#121a2c");
    public static final Color FLOOR_GRID = Color.web("#1a2540");
    public static final Color FLOOR_GRID_MAJOR = Color.web("#22305a");
    public static final Color BORDER_GLOW = Color.web("#3fd0ff");
    public static final Color WALL = Color.web("#27324f");
    public static final Color WALL_TOP = Color.web("#3a4a78");
    public static final Color WALL_EDGE = Color.web("#5f7bc4");
    public static final Color HEALTH = Color.web("#3ef08a");
    public static final Color HEALTH_LOW = Color.web("#ff5a4e");
    public static final Color POWER = Color.web("#ff9f1c");
    /** Lance pickups: violet, apart from health's green and power's amber. */
    public static final Color LANCE = Color.web("#c77dff");
    public static final Color SHIELD = Color.web("#8fe8ff");
    public static final Color TEXT = Color.web("#e8eefc");
    public static final Color TEXT_DIM = Color.web("#8d9abb");

    /** Used when the roster has not named a colour yet: bright, distinct on the dark floor. */
    private static final Color[] FALLBACK = {
            Color.web("#4cc9f0"), Color.web("#f72585"), Color.web("#b5e48c"), Color.web("#ffd166"),
            Color.web("#9b5de5"), Color.web("#f15bb5"), Color.web("#00f5d4"), Color.web("#fb8500"),
    };

    private Palette() {
    }

    /** The colour of a pickup of this kind, its glow and the flash when it is taken. */
    public static Color pickup(PickupKind kind) {
        return switch (kind) {
            case HEALTH -> HEALTH;
            case POWER -> POWER;
            case LANCE -> LANCE;
        };
    }

    /** The ship colour: the roster's {@code 0xRRGGBB} if it has one, else a stable pick by id. */
    public static Color shipColor(int playerId, Integer rosterRgb) {
        if (rosterRgb != null && rosterRgb != 0) {
            return Color.rgb((rosterRgb >> 16) & 0xff, (rosterRgb >> 8) & 0xff, rosterRgb & 0xff);
        }
        return FALLBACK[Math.floorMod(playerId * 7 + 3, FALLBACK.length)];
    }

    /** CSS form of a colour, for labels that show a player's name in their colour. */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
