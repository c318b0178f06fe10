package io.lancers.sim;

/**
 * A projectile flies in a straight line at constant velocity from its spawn until it hits
 * something; its position is derived, never stored, so it appears on the wire only when it is
 * spawned and when it is removed.
 *
 * @param id        unique within the match
 * @param ownerId   id of the ship that fired it
 * @param x0        spawn position (snapped to {@link Quantum#POSITION})
 * @param y0        spawn position
 * @param vx        velocity in units/s (snapped to {@link Quantum#VELOCITY})
 * @param vy        velocity
 * @param spawnTick tick it was fired at
 * @param damage    damage on hit
 */
public record Projectile(int id, int ownerId, float x0, float y0, float vx, float vy, int spawnTick, int damage) {

    /** Whether this is a charged lance (it flies far faster than the gun's shots; damage may be doubled). */
    public boolean lance() {
        return lances() != 0;
    }

    /**
     * 1 for a charged lance ({@link #lance()}), else 0, worked out without a branch: the sign bit of
     * {@code fast² - speed²}, negative exactly when {@code speed² > fast²} (a difference of equal floats is +0).
     * For code that must not branch on it: a branch first taken by a match's first lance made C2 throw away
     * the client's compiled shot drawing, late in the match.
     */
    public int lances() {
        float fast = (Rules.PROJECTILE_SPEED + Rules.LANCE_SPEED) / 2;
        return Float.floatToRawIntBits(fast * fast - (vx * vx + vy * vy)) >>> 31;
    }

    /** Position at {@code tick}, for a simulation running at {@code dt} seconds per tick. */
    public float xAt(int tick, float dt) {
        return x0 + vx * ((tick - spawnTick) * dt);
    }

    public float yAt(int tick, float dt) {
        return y0 + vy * ((tick - spawnTick) * dt);
    }
}
