package io.lancers.sim;

/**
 * The tunable constants of the game rules. Distances are world units, times seconds (converted to
 * ticks with {@link MatchConfig#ticks(double)}), speeds units per second.
 */
public final class Rules {
    public static final int MAX_HEALTH = 100;
    public static final float SHIP_RADIUS = 18f;
    /** Thrust while a direction is held. */
    public static final float ACCELERATION = 1400f;
    /** Velocity-proportional drag (1/s): full speed in about half a second, a stop in about 0.6 s. */
    public static final float DRAG = 3f;
    /** Constant deceleration (u/s²): brings a coasting ship to an exact stop on the velocity grid. */
    public static final float FRICTION = 200f;
    /** Hard cap, below the terminal speed of thrust against drag and friction, so it is reached. */
    public static final float MAX_SPEED = 320f;

    public static final double FIRE_COOLDOWN_SECONDS = 0.25;
    public static final float PROJECTILE_SPEED = 900f;
    public static final double PROJECTILE_LIFETIME_SECONDS = 1.1;
    /** Projectiles are small circles: this widens the ship a projectile can hit. */
    public static final float PROJECTILE_RADIUS = 3f;
    public static final int PROJECTILE_DAMAGE = 20;
    /** Projectiles leave from the nose: this far from the ship's centre along its aim. */
    public static final float NOSE_DISTANCE = SHIP_RADIUS + 4f;

    /**
     * The charged lance: a ship holding {@link Ship#lanceCharges() lance charges} (from a lance
     * pickup) whose gun has rested this long since its last shot (or never fired) fires, while it
     * holds LANCE, one shot this fast and hard instead of FIRE's, and spends a charge; after it the
     * ordinary cooldown applies. The charge time is the time since {@link Ship#lastFireTick()}.
     * Without charges LANCE is as if not held (FIRE still shoots): nothing to charge.
     */
    public static final double LANCE_CHARGE_SECONDS = 1.0;
    public static final float LANCE_SPEED = 1800f;
    public static final int LANCE_DAMAGE = 45;
    /** Charges a lance pickup gives. */
    public static final int LANCE_PICKUP_CHARGES = 3;
    /** Most charges a ship holds; a ship that holds this many leaves a lance pickup lying. */
    public static final int LANCE_MAX_CHARGES = 5;
    /** A lance pickup is back this long after it was taken: rarer than health, the lance kills in three. */
    public static final double LANCE_RESPAWN_SECONDS = 20.0;

    public static final double INVULNERABLE_SECONDS = 2.0;

    public static final float PICKUP_RADIUS = 14f;
    public static final int HEALTH_PICKUP_AMOUNT = 50;
    public static final double HEALTH_RESPAWN_SECONDS = 15.0;
    public static final double POWER_RESPAWN_SECONDS = 25.0;
    public static final double POWER_SECONDS = 10.0;
    public static final int POWER_DAMAGE_FACTOR = 2;

    /** Largest coordinate the wire can carry (int16 at 1/8 unit). */
    public static final float MAX_COORDINATE = 4095f;

    private Rules() {
    }

    /**
     * The rules' only source of "randomness": a well-mixed hash of (seed, tick, id), identical on
     * every machine.
     */
    public static long hash(long seed, int tick, int id) {
        return mix(mix(seed ^ (tick * 0x9E3779B97F4A7C15L)) + id);
    }

    /** The seed of the match that follows a match with {@code seed}. */
    public static long nextSeed(long seed) {
        return mix(seed + 0x632BE59BD9B4E019L);
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Seconds until a taken pickup of this kind is back. */
    public static double respawnSeconds(PickupKind kind) {
        return switch (kind) {
            case HEALTH -> HEALTH_RESPAWN_SECONDS;
            case POWER -> POWER_RESPAWN_SECONDS;
            case LANCE -> LANCE_RESPAWN_SECONDS;
        };
    }
}
