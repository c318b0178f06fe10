package io.lancers.client.playback;

import io.lancers.broadcast.ControlState;
import io.lancers.sim.World;

/** A match at one tick as a viewer sees it: the world, and roster and chat as of then. */
public record Moment(World world, ControlState control) {
    public int tick() {
        return world.tick();
    }
}
