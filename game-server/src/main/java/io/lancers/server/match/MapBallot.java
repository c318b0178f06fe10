package io.lancers.server.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which map a room plays next (docs/PROTOCOL.md §18). The room has a rotation, its maps in order. When
 * a round ends the ballot opens with up to {@value #MAX_OPTIONS} maps, in rotation order from the
 * one after the current map (the current one last, if there is room); each human player may vote for
 * one, and vote again to change it; bots and spectators do not vote. When the next round starts:
 * the host's pick, if the host made one, wins; else the option with the most votes; a tie (no
 * votes at all included) goes to the tied option first in rotation order. A rotation of one map has no
 * ballot: the room stays on it unless the host picks another. Tick thread only; no clock, no I/O.
 */
final class MapBallot {
    static final int MAX_OPTIONS = 3;

    private final List<String> rotation;
    private String current;
    private final Map<Integer, String> votes = new HashMap<>();
    private List<String> options = List.of();
    private String hostPick;

    /** @param rotation the room's maps in order; {@code current} is the one it plays now (on it or not) */
    MapBallot(List<String> rotation, String current) {
        if (rotation.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one map");
        }
        this.rotation = List.copyOf(rotation);
        this.current = current;
    }

    /** Opens the vote for the next map (a round just ended); returns the options, none for a one-map rotation. */
    List<String> open() {
        votes.clear();
        if (rotation.size() < 2) {
            options = List.of();
            return options;
        }
        int at = rotation.indexOf(current); // -1 when the host picked a map outside the rotation: start at its head
        List<String> ballot = new ArrayList<>(MAX_OPTIONS);
        for (int i = 1; i <= rotation.size() && ballot.size() < MAX_OPTIONS; i++) {
            ballot.add(rotation.get(Math.floorMod(at + i, rotation.size())));
        }
        options = List.copyOf(ballot);
        return options;
    }

    boolean isOpen() {
        return !options.isEmpty();
    }

    List<String> options() {
        return options;
    }

    /** A human player's vote; false (and nothing counted) when no vote is open or the map is not an option. */
    boolean vote(int playerId, String mapId) {
        if (!options.contains(mapId)) {
            return false;
        }
        votes.put(playerId, mapId);
        return true;
    }

    /** A player left: its vote no longer counts. Returns whether it had voted. */
    boolean forget(int playerId) {
        return votes.remove(playerId) != null;
    }

    int votesFor(String mapId) {
        return (int) votes.values().stream().filter(mapId::equals).count();
    }

    /** The host's choice for the next round, whatever the vote says; any map the server has. */
    void hostPick(String mapId) {
        hostPick = mapId;
    }

    Optional<String> hostPick() {
        return Optional.ofNullable(hostPick);
    }

    /**
     * The next round starts: the map it plays (see the class comment), which becomes the current
     * one. The ballot closes and the host's pick is used up.
     */
    String decide() {
        String next;
        if (hostPick != null) {
            next = hostPick;
        } else if (isOpen()) {
            next = options.get(0);
            for (String option : options) {
                if (votesFor(option) > votesFor(next)) {
                    next = option;
                }
            }
        } else {
            int at = rotation.indexOf(current);
            next = rotation.get(Math.floorMod(at + 1, rotation.size()));
        }
        current = next;
        hostPick = null;
        options = List.of();
        votes.clear();
        return next;
    }
}
