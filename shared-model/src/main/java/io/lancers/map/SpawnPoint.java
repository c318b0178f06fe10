package io.lancers.map;

import io.lancers.sim.Team;

/**
 * Where a ship may (re)spawn.
 *
 * @param team in a team match, the team whose ships spawn here; NONE (also for null): anybody's
 */
public record SpawnPoint(float x, float y, Team team) {

    public SpawnPoint {
        team = team == null ? Team.NONE : team;
    }

    /** A spawn point for anybody. */
    public SpawnPoint(float x, float y) {
        this(x, y, Team.NONE);
    }
}
