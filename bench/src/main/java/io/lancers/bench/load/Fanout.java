package io.lancers.bench.load;

import com.google.gson.JsonObject;
import io.lancers.bench.Stats;
import io.lancers.load.LoadClient;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One room at 60 Hz with bots and N spectators over real WebSockets on loopback: the server in its
 * own JVM ({@link ServerProcess}), the spectators here. Measures, over a fixed window after every
 * spectator has joined: frames delivered per receiver against the frames expected (the headline: a
 * frame not delivered is a shortfall), gaps, resyncs and closes; the server's CPU per delivered frame; frame
 * inter-arrival jitter at one probe spectator; the server's tick durations and tick start
 * lateness from its {@code /status}; its CPU and heap from its process.
 */
public final class Fanout {
    /** Spectators connecting at once: enough to be quick, few enough not to look like a flood. */
    private static final int CONNECT_BATCH = 50;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);
    /** What the tick figures of {@code /status} cover: the last 256 ticks, at 60 Hz (docs/PROTOCOL.md §3). */
    public static final Duration STATUS_SPAN = Duration.ofNanos(256 * 1_000_000_000L / 60);
    /**
     * {@code /status} is read first once the window has lasted {@link #STATUS_SPAN}, then this often,
     * and at the window's end: samples closer than the span leave no tick of the window unseen.
     */
    public static final Duration STATUS_INTERVAL = Duration.ofSeconds(2);

    private Fanout() {
    }

    /** The rate of the bench's room (and of the Node peer): one state frame per tick to every receiver. */
    static final int TICK_RATE = 60;
    /** What a receiver must get of the frames expected for the goal: every receiver gets 99 % of the frames. */
    public static final double GOAL_SHARE = 0.99;

    /**
     * @param spectators      N
     * @param loadBefore      the machine's 1-minute load average when this N started (the bench JVM's view)
     * @param delivery        frames each spectator received against the frames expected
     * @param tickRate        ticks per second the probe saw: below 60 when the server skipped ticks to keep up
     * @param gappedReceivers spectators that saw at least one gap
     * @param gaps            gaps over all spectators
     * @param resyncs         resyncs sent over all spectators
     * @param jitterNanos     frame inter-arrival jitter at the probe
     * @param cost            the server's CPU over the window, per delivered frame
     * @param heapUsedMb      server heap in use after its last collections, at the end of the window
     * @param tickP50Ms       the server's own tick duration p50 (last 256 ticks at the end of the window), sending
     *                        not included
     * @param tickP99Ms       the same, p99
     * @param startLate       the server's tick start lateness, worst of the {@code /status} samples taken during
     *                        the window
     */
    public record Result(int spectators, double loadBefore, Delivery delivery, double tickRate, int gappedReceivers,
                         long gaps, long resyncs, Stats jitterNanos, ServerCost cost, double heapUsedMb,
                         double tickP50Ms, double tickP99Ms, StartLate startLate) {
    }

    /**
     * Frames delivered during the window against the frames expected. A receiver that keeps up gets one
     * frame per tick; a frame it did not get is a shortfall, whether the server skipped the tick for it
     * (sender behind, receiver lagging) or closed it.
     *
     * @param expected       ticks of the window at the nominal 60 Hz: what a receiver gets when the server keeps
     *                       time and the receiver keeps up (a server that falls below 60 ticks a second is short too)
     * @param frames         state frames per spectator during the window
     * @param receiversShort spectators that got less than {@link #GOAL_SHARE} of {@code expected}
     * @param framesShort    frames expected and not received, summed over the spectators
     * @param snapshots      SNAPSHOT frames among them (catch-ups; a receiver that keeps up gets none)
     * @param closed         spectators the server closed
     * @param closeCodes     how many were closed with each close code (1006: the link broke, or the client
     *                       failed the stream)
     * @param delivered      state frames the server delivered in the window, the probe's included
     */
    public record Delivery(int expected, Stats frames, int receiversShort, long framesShort, long snapshots, int closed,
                           Map<Integer, Long> closeCodes, long delivered) {

        public static Delivery of(int expected, long[] frames, long snapshots, Map<Integer, Long> closeCodes, long probeFrames) {
            int closed = (int) closeCodes.values().stream().mapToLong(Long::longValue).sum();
            int short99 = 0;
            long framesShort = 0;
            long delivered = probeFrames;
            for (long got : frames) {
                short99 += got < GOAL_SHARE * expected ? 1 : 0;
                framesShort += Math.max(0, expected - got);
                delivered += got;
            }
            return new Delivery(expected, Stats.of(frames), short99, framesShort, snapshots, closed, closeCodes, delivered);
        }

        /** One line: the goal met, or the shortfall in numbers. */
        public String verdict() {
            if (receiversShort == 0) {
                return String.format(Locale.ROOT, "every receiver got >= %.0f %% of the %d frames expected.",
                        GOAL_SHARE * 100, expected);
            }
            return String.format(Locale.ROOT, "SHORTFALL: %d of %d receivers got under %.0f %% of the %d frames "
                            + "expected (worst %d, %.1f %%); %d frames short in all, %d snapshots, %d closed%s.",
                    receiversShort, frames.count(), GOAL_SHARE * 100, expected, frames.min(), minShare() * 100,
                    framesShort, snapshots, closed, closed == 0 ? "" : " (close code=count " + closeCodes + ")");
        }

        /** The worst receiver's frames as a share of the frames expected. */
        public double minShare() {
            return expected == 0 ? 0 : frames.min() / (double) expected;
        }
    }

    /**
     * The server process's CPU over the window: in cores, and per state frame delivered, in all and split
     * into user space and kernel (where the platform says; NaN otherwise). Per frame is the cost of a send:
     * the whole process is counted (ticks, heartbeats, the network threads), so it is an upper bound.
     * {@code senderMicrosPerFrame} counts only the sender threads, which make the sends: the send path
     * itself, Tyrus, Grizzly and the write system call, without the tick or the reading side.
     */
    public record ServerCost(double cores, double microsPerFrame, double userMicrosPerFrame,
                             double systemMicrosPerFrame, double senderMicrosPerFrame,
                             Map<String, double[]> byThreadGroup) {

        /**
         * {@code byThreadGroup}: per {@link ServerProcess#threadGroup}, user and kernel µs per frame (threads that
         * ended during the window are missing; the Node peer has none).
         */
        static ServerCost of(ServerProcess.ProcessMetrics before, ServerProcess.ProcessMetrics after, long wallNanos,
                             long delivered) {
            double frames = Math.max(1, delivered);
            boolean split = before.userNanos() >= 0 && after.userNanos() >= 0;
            Map<String, double[]> groups = new TreeMap<>();
            Map<String, long[]> from = before.threadNanos() == null ? Map.of() : before.threadNanos();
            if (after.threadNanos() != null) {
                after.threadNanos().forEach((group, to) -> {
                    long[] was = from.getOrDefault(group, new long[2]);
                    groups.put(group, new double[] {(to[0] - was[0]) / 1e3 / frames, (to[1] - was[1]) / 1e3 / frames});
                });
            }
            return new ServerCost((after.cpuNanos() - before.cpuNanos()) / (double) wallNanos,
                    (after.cpuNanos() - before.cpuNanos()) / 1e3 / frames,
                    split ? (after.userNanos() - before.userNanos()) / 1e3 / frames : Double.NaN,
                    split ? (after.systemNanos() - before.systemNanos()) / 1e3 / frames : Double.NaN,
                    after.senderNanos() > 0 ? (after.senderNanos() - before.senderNanos()) / 1e3 / frames : Double.NaN,
                    groups);
        }

        /** "senders 1.8/4.4, tick 0.8/0.0, …": user/kernel µs per frame by thread group, dearest first. */
        public String byThreadGroupLine() {
            return byThreadGroup.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                    .map(e -> String.format(Locale.ROOT, "%s %.2f/%.2f", e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * Tick start lateness (start minus scheduled deadline) from {@code /status}, whose figures cover
     * the last 256 ticks: the highest p50, highest p99 and highest max among {@code samples} readings.
     * The max is the true maximum over every tick the samples covered; the percentiles are those of
     * the worst 256-tick stretch sampled, not of the window as a whole.
     */
    public record StartLate(double worstP50Ms, double worstP99Ms, double maxMs, int samples) {

        /** For a server without {@code /status} (the Node peer): nothing measured. */
        static final StartLate UNKNOWN = new StartLate(Double.NaN, Double.NaN, Double.NaN, 0);

        static StartLate worstOf(List<JsonObject> rooms) {
            if (rooms.isEmpty()) {
                return UNKNOWN;
            }
            List<JsonObject> late = rooms.stream().map(room -> room.getAsJsonObject("tickStartLateMs")).toList();
            return new StartLate(worst(late, "p50"), worst(late, "p99"), worst(late, "max"), late.size());
        }

        private static double worst(List<JsonObject> late, String field) {
            return late.stream().mapToDouble(l -> l.get(field).getAsDouble()).max().orElseThrow();
        }
    }

    /** The Lancers server in its own JVM, as the fan-out runs it. */
    public static Result run(int spectators, int bots, Duration window) throws IOException, InterruptedException {
        return run(ServerProcess::start, spectators, bots, window);
    }

    /** {@code servers} starts a fresh server for this run: the Lancers server or the Node comparison peer. */
    public static Result run(ServerProcess.Starter servers, int spectators, int bots, Duration window)
            throws IOException, InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ExecutorService executor = Executors.newFixedThreadPool(2, daemon());
        HttpClient http = HttpClient.newBuilder().executor(executor).build();
        List<LoadClient> clients = new ArrayList<>(spectators);
        LoadClient probe = null;
        try (ServerProcess server = servers.start(bots)) {
            // The meter's first reading loads JMX's platform beans and its own classes into the server's JVM;
            // taken now, before anyone joins, the instrument's start-up is not counted as the server's work
            // (its class loading and compiles) in the window. Nothing of the server's own runs for it.
            server.process();
            for (int from = 0; from < spectators; from += CONNECT_BATCH) {
                List<CompletableFuture<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(spectators, from + CONNECT_BATCH); i++) {
                    batch.add(LoadClient.open(http, server.gameUri(), "s" + i, LoadClient.Entry.spectate(ServerProcess.MATCH_ID))
                            .connected()
                            .thenCompose(c -> {
                                synchronized (clients) {
                                    clients.add(c);
                                }
                                return c.joined();
                            }));
                }
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new))
                        .get(JOIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            ArrivalLog arrivals = new ArrivalLog(60 * (int) (window.toSeconds() + 60));
            probe = LoadClient.open(http, server.gameUri(), "probe", LoadClient.Entry.spectate(ServerProcess.MATCH_ID), false,
                    arrivals).connected().get(30, TimeUnit.SECONDS);
            probe.joined().get(30, TimeUnit.SECONDS);
            TimeUnit.SECONDS.sleep(2); // every spectator past its join snapshot

            ServerProcess.ProcessMetrics processBefore = server.process();
            long cpuFrom = System.nanoTime();
            long from = System.nanoTime();
            int[] framesBefore = clients.stream().mapToInt(LoadClient::stateFrames).toArray();
            long snapshotsBefore = clients.stream().mapToLong(LoadClient::snapshots).sum();
            int probeFramesBefore = probe.stateFrames();
            long gapsBefore = clients.stream().mapToLong(LoadClient::gaps).sum();
            long resyncsBefore = clients.stream().mapToLong(LoadClient::resyncs).sum();
            int[] gapsPerClientBefore = clients.stream().mapToInt(LoadClient::gaps).toArray();
            int probeTickBefore = probe.lastTick();
            List<JsonObject> rooms = new ArrayList<>();
            long end = from + window.toNanos();
            for (long next = from + STATUS_SPAN.toNanos(); end - next > 0; next += STATUS_INTERVAL.toNanos()) {
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
                server.room().ifPresent(rooms::add);
            }
            TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
            int ticksSeen = probe.lastTick() - probeTickBefore;
            int probeFrames = probe.stateFrames() - probeFramesBefore;
            long[] frames = new long[clients.size()];
            for (int i = 0; i < clients.size(); i++) {
                frames[i] = clients.get(i).stateFrames() - framesBefore[i];
            }
            long to = System.nanoTime();
            int expected = (int) Math.round(TICK_RATE * (to - from) / 1e9);
            Optional<JsonObject> room = server.room();
            room.ifPresent(rooms::add);
            ServerProcess.ProcessMetrics processAfter = server.process();
            long cpuTo = System.nanoTime();

            int gapped = 0;
            for (int i = 0; i < clients.size(); i++) {
                gapped += clients.get(i).gaps() > gapsPerClientBefore[i] ? 1 : 0;
            }
            long gaps = clients.stream().mapToLong(LoadClient::gaps).sum() - gapsBefore;
            long resyncs = clients.stream().mapToLong(LoadClient::resyncs).sum() - resyncsBefore;
            long snapshots = clients.stream().mapToLong(LoadClient::snapshots).sum() - snapshotsBefore;
            Map<Integer, Long> closeCodes = clients.stream().filter(c -> c.closed().isDone())
                    .collect(Collectors.groupingBy(c -> c.closed().join(), TreeMap::new, Collectors.counting()));
            Delivery delivery = Delivery.of(expected, frames, snapshots, closeCodes, probeFrames);
            ServerCost cost = ServerCost.of(processBefore, processAfter, cpuTo - cpuFrom, delivery.delivered());
            double heapMb = processAfter.heapLiveBytes() / 1e6;
            Optional<JsonObject> tickTime = room.map(r -> r.getAsJsonObject("tickTimeMs"));
            Histogram jitter = arrivals.jitterNanos(1_000_000_000L / 60, from, to);
            if (jitter.getTotalCount() == 0) {
                throw new IOException("the probe received no frames during the window");
            }
            return new Result(spectators, loadBefore, delivery, ticksSeen / ((to - from) / 1e9), gapped, gaps, resyncs,
                    Stats.of(jitter), cost, heapMb, tickTime.map(t -> t.get("p50").getAsDouble()).orElse(Double.NaN),
                    tickTime.map(t -> t.get("p99").getAsDouble()).orElse(Double.NaN), StartLate.worstOf(rooms));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("spectators could not join: " + e, e);
        } finally {
            clients.forEach(LoadClient::abort);
            if (probe != null) {
                probe.abort();
            }
            executor.shutdownNow();
        }
    }

    static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "bench-ws");
            t.setDaemon(true);
            return t;
        };
    }
}
