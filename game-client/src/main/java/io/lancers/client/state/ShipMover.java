package io.lancers.client.state;

import io.lancers.sim.Input;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;

/**
 * Moves one ship by one input: the server's own movement rule, so prediction replays exactly what
 * the server will do. In the game this is {@code simulation::moveShip}; {@code tick} is the tick
 * the ship is at (the move takes it to {@code tick + 1}), {@code match} the match then (during an
 * intermission nobody moves).
 */
@FunctionalInterface
public interface ShipMover {
    Ship move(Ship ship, Input input, int tick, MatchState match);
}
