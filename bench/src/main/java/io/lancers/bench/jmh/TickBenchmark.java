package io.lancers.bench.jmh;

import io.lancers.bench.ReferenceMatch;
import io.lancers.bench.WorldJson;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tick's hot paths on consecutive states of the reference match: the simulation step, diff +
 * encode of a DELTA (one call), a full SNAPSHOT, a client applying a DELTA, and the same world as
 * Gson JSON for comparison. Each invocation takes the next tick of a 600-tick stretch, so branch
 * and allocation patterns are those of a real match, not of one frozen state.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TickBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TickBenchmark {
    private static final int TICKS = 600;

    @Param({"16", "64"})
    public int players;

    private Simulation simulation;
    private World[] worlds;
    private List<Map<Integer, Input>> inputs;
    private byte[][] deltas;
    private int tick;

    @Setup(Level.Trial)
    public void record() {
        ReferenceMatch.Run run = ReferenceMatch.standard().withPlayers(players).withTicks(TICKS).start();
        simulation = run.simulation();
        worlds = new World[TICKS + 1];
        inputs = new ArrayList<>(TICKS);
        deltas = new byte[TICKS][];
        worlds[0] = run.world();
        for (int t = 0; t < TICKS; t++) {
            Map<Integer, Input> in = run.decide();
            inputs.add(in);
            worlds[t + 1] = run.step(in);
            deltas[t] = StateCodec.encodeDelta(worlds[t], worlds[t + 1]);
        }
    }

    /** The next tick of the stretch, wrapping around. */
    private int next() {
        int t = tick;
        tick = t + 1 == TICKS ? 0 : t + 1;
        return t;
    }

    @Benchmark
    public World simulationStep() {
        int t = next();
        return simulation.step(worlds[t], inputs.get(t));
    }

    @Benchmark
    public byte[] encodeDelta() {
        int t = next();
        return StateCodec.encodeDelta(worlds[t], worlds[t + 1]);
    }

    @Benchmark
    public byte[] encodeSnapshot() {
        return StateCodec.encodeSnapshot(worlds[next() + 1]);
    }

    @Benchmark
    public World applyDelta() throws ProtocolException {
        int t = next();
        return StateCodec.apply(worlds[t], ByteBuffer.wrap(deltas[t]));
    }

    @Benchmark
    public String jsonSnapshot() {
        return WorldJson.toJson(worlds[next() + 1]);
    }
}
