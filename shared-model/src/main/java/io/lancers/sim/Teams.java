package io.lancers.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Which ship plays for which {@link Team} in a team match. The server decides (balanced on join,
 * rebalanced between matches) and passes it to {@link Simulation#step(World, Map, ShipHistory, Teams)};
 * clients learn it from the roster. A ship it does not name has {@link Team#NONE}. Immutable.
 *
 * @param byShip ship id to its team (RED or BLUE)
 */
public record Teams(Map<Integer, Team> byShip) {
    /** Nobody on a team: free-for-all. */
    public static final Teams NONE = new Teams(Map.of());

    private static final List<Team> SIDES = List.of(Team.RED, Team.BLUE);

    public Teams {
        byShip = Map.copyOf(byShip);
        if (byShip.containsValue(Team.NONE)) {
            throw new IllegalArgumentException("a ship on a team is RED or BLUE");
        }
    }

    public Team of(int shipId) {
        return byShip.getOrDefault(shipId, Team.NONE);
    }

    public Teams with(int shipId, Team team) {
        Map<Integer, Team> next = new HashMap<>(byShip);
        if (team == Team.NONE) {
            next.remove(shipId);
        } else {
            next.put(shipId, team);
        }
        return new Teams(next);
    }

    public Teams without(int shipId) {
        return with(shipId, Team.NONE);
    }

    /** Members of {@code team}. */
    public int count(Team team) {
        int n = 0;
        for (Team t : byShip.values()) {
            n += t == team ? 1 : 0;
        }
        return n;
    }

    /** Where a newcomer goes: the smaller team; on a tie the one behind in {@code w}'s score; then RED. */
    public Team forNewcomer(World w) {
        int red = count(Team.RED);
        int blue = count(Team.BLUE);
        if (red != blue) {
            return red < blue ? Team.RED : Team.BLUE;
        }
        TeamScores scores = w.match().teamScores();
        return scores.blue() < scores.red() ? Team.BLUE : Team.RED;
    }

    /**
     * Evened out for the next match: while one team has two or more ships more than the other, its
     * newest bot (highest id) changes sides, or its newest human when it has no bot left.
     */
    public Teams balanced(IntPredicate isBot) {
        Teams teams = this;
        while (true) {
            int red = teams.count(Team.RED);
            int blue = teams.count(Team.BLUE);
            if (Math.abs(red - blue) < 2) {
                return teams;
            }
            Team bigger = red > blue ? Team.RED : Team.BLUE;
            Team smaller = bigger == Team.RED ? Team.BLUE : Team.RED;
            teams = teams.with(teams.newest(bigger, isBot), smaller);
        }
    }

    private int newest(Team team, IntPredicate isBot) {
        int newestBot = -1;
        int newestHuman = -1;
        for (Map.Entry<Integer, Team> e : byShip.entrySet()) {
            if (e.getValue() != team) {
                continue;
            }
            int id = e.getKey();
            if (isBot.test(id)) {
                newestBot = Math.max(newestBot, id);
            } else {
                newestHuman = Math.max(newestHuman, id);
            }
        }
        return newestBot >= 0 ? newestBot : newestHuman;
    }

    /** RED and BLUE, in that order. */
    public static List<Team> sides() {
        return SIDES;
    }
}
