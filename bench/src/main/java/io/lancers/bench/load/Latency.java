package io.lancers.bench.load;

import io.lancers.bench.ReferenceMatch;
import io.lancers.bench.Stats;
import io.lancers.load.LoadClient;
import io.lancers.sim.Input;
import io.lancers.sim.Ship;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Input to acknowledgement on loopback: a player sends about one input per tick period and notes when
 * the first state frame arrives whose own ship has {@code lastInputSeq} at or past it. The server
 * (its own JVM) runs the room with bots as usual.
 */
public final class Latency {
    private Latency() {
    }

    /**
     * @param samples inputs acknowledged
     * @param lost    inputs sent but never acknowledged before the end (superseded ones are acknowledged too)
     * @param nanos   send to acknowledgement
     */
    public record Result(int samples, int lost, Stats nanos) {
    }

    public static Result run(int inputs, int bots) throws IOException, InterruptedException {
        long period = 1_000_000_000L / 60;
        long[] sentAt = new long[inputs + 1];
        long[] ackedAt = new long[inputs + 1];
        int[] acked = {0};
        ExecutorService executor = Executors.newFixedThreadPool(2, Fanout.daemon());
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(Fanout.daemon());
        HttpClient http = HttpClient.newBuilder().executor(executor).build();
        LoadClient player = null;
        try (ServerProcess server = ServerProcess.start(bots)) {
            player = LoadClient.open(http, server.gameUri(), "latency", LoadClient.Entry.join(ServerProcess.MATCH_ID), true, null)
                    .connected().get(30, TimeUnit.SECONDS);
            int id = player.joined().get(30, TimeUnit.SECONDS).playerId();
            player.onWorld((world, arrived) -> {
                for (Ship ship : world.ships()) {
                    if (ship.id() == id) {
                        synchronized (acked) {
                            for (int seq = acked[0] + 1; seq <= Math.min(ship.lastInputSeq(), inputs); seq++) {
                                ackedAt[seq] = arrived;
                            }
                            acked[0] = Math.max(acked[0], Math.min(ship.lastInputSeq(), inputs));
                        }
                    }
                }
            });
            TimeUnit.SECONDS.sleep(1); // past the join snapshot and the ship's spawn
            LoadClient client = player;
            int[] seq = {0};
            Random random = new Random(ReferenceMatch.SEED);
            Runnable[] sendOne = new Runnable[1];
            sendOne[0] = () -> {
                if (seq[0] < inputs) {
                    int s = ++seq[0];
                    // Turn slowly and strafe: a plausible stream of distinct inputs.
                    Input input = new Input(s, (s / 30) % 2 == 0 ? Input.LEFT : Input.RIGHT, (s % 360) * 0.0174533f);
                    sentAt[s] = System.nanoTime();
                    client.sendInput(input);
                    // 0.5 to 1.5 periods apart: inputs land at every phase of the server's tick, not one fixed phase.
                    sender.schedule(sendOne[0], period / 2 + (long) (random.nextDouble() * period), TimeUnit.NANOSECONDS);
                }
            };
            sender.execute(sendOne[0]);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10) + inputs * period;
            while (System.nanoTime() < deadline) {
                synchronized (acked) {
                    if (acked[0] >= inputs) {
                        break;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the player could not join: " + e, e);
        } finally {
            sender.shutdownNow();
            sender.awaitTermination(5, TimeUnit.SECONDS);
            if (player != null) {
                player.abort();
            }
            executor.shutdownNow();
        }
        long[] latencies = new long[inputs];
        int n = 0;
        synchronized (acked) {
            for (int s = 1; s <= inputs; s++) {
                if (ackedAt[s] != 0 && sentAt[s] != 0) {
                    latencies[n++] = ackedAt[s] - sentAt[s];
                }
            }
        }
        if (n == 0) {
            throw new IOException("no input was acknowledged");
        }
        return new Result(n, inputs - n, Stats.of(Arrays.copyOf(latencies, n)));
    }
}
