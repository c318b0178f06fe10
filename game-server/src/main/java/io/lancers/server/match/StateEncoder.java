package io.lancers.server.match;

import io.lancers.protocol.StateCodec;
import io.lancers.sim.World;

/** Turns worlds into state frames; {@link #CODEC} is the wire codec, tests wrap it to watch the bytes. */
interface StateEncoder {
    byte[] snapshot(World world);

    byte[] delta(World base, World next);

    StateEncoder CODEC = new StateEncoder() {
        @Override
        public byte[] snapshot(World world) {
            return StateCodec.encodeSnapshot(world);
        }

        @Override
        public byte[] delta(World base, World next) {
            return StateCodec.encodeDelta(base, next);
        }
    };
}
