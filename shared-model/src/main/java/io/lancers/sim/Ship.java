package io.lancers.sim;

/**
 * A player's (or bot's) ship. Times are absolute ticks rather than countdowns so that a ship at
 * rest does not change from tick to tick, which keeps diffs small.
 *
 * @param id                player id, 1..65535, stable for the player's life in the match (kept on resume)
 * @param x                 position, snapped to {@link Quantum#POSITION}
 * @param y                 position
 * @param vx                velocity in units/s, snapped to {@link Quantum#VELOCITY}
 * @param vy                velocity
 * @param aim               aim angle in radians, snapped to {@link Quantum#ANGLE}, in [0, 2π)
 * @param health            0..{@code Rules.MAX_HEALTH}; 0 means dead
 * @param respawnTick       when dead: the tick it respawns at; 0 when alive
 * @param invulnerableUntil alive and {@code tick < invulnerableUntil}: takes no damage (after respawn)
 * @param powerUntil        {@code tick < powerUntil}: the damage power-up is active
 * @param lastFireTick      tick of the last shot (cooldown is derived from it), 0 if never
 * @param kills             kills this match
 * @param deaths            deaths this match
 * @param lastInputSeq      sequence number of the last input the server applied (client prediction ack)
 * @param lanceCharges      charged lances it may still fire, 0..{@link Rules#LANCE_MAX_CHARGES}: from lance
 *                          pickups, one per lance, all lost on death
 */
public record Ship(int id, float x, float y, float vx, float vy, float aim, int health, int respawnTick,
                   int invulnerableUntil, int powerUntil, int lastFireTick, int kills, int deaths,
                   int lastInputSeq, int lanceCharges) {

    /** A ship holding no lance charges. */
    public Ship(int id, float x, float y, float vx, float vy, float aim, int health, int respawnTick,
                int invulnerableUntil, int powerUntil, int lastFireTick, int kills, int deaths, int lastInputSeq) {
        this(id, x, y, vx, vy, aim, health, respawnTick, invulnerableUntil, powerUntil, lastFireTick, kills, deaths,
                lastInputSeq, 0);
    }

    public boolean alive() {
        return health > 0;
    }

    /**
     * 1 for a ship that is not {@link #alive()}, else 0, worked out without a branch: the sign bit of
     * {@code health - 1}. For code compiled while every ship lives, where a branch on life, first taken at a match's
     * first death, made C2 compile it again (the client's HUD, BENCHMARKS.md §7, issue 14 step 7).
     */
    public int deadBit() {
        return (health - 1) >>> 31;
    }
}
