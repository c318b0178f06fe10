package io.lancers.server.match;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Runs a tick at absolute deadlines {@code base + n × 1 s / rate}, so sleep overshoot and rounding never
 * accumulates into drift. A tick that overruns is followed by catch-up ticks back to back until
 * the schedule is met again; when the loop is more than {@code maxLagTicks} periods behind (a long
 * GC pause, a suspended machine) it gives up on those ticks and restarts its schedule from now,
 * rather than bursting through them.
 *
 * <p>Each tick is told how late it starts: its actual start minus its deadline (after a restart,
 * the deadlines count from the new base). Sleeping past a deadline, a catch-up tick and a tick
 * thread kept off the CPU all show there.
 */
final class TickScheduler {
    private static final Logger LOG = Logger.getLogger(TickScheduler.class.getName());
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String name;
    private final int ticksPerSecond;
    private final long periodNanos;
    private final int maxLagTicks;
    private final LongSupplier nanoClock;
    private final LongConsumer sleeper;
    private long resets;

    /**
     * @param nanoClock monotonic clock ({@code System::nanoTime})
     * @param sleeper   sleeps about the given nanoseconds and may wake early ({@code LockSupport::parkNanos})
     */
    TickScheduler(String name, int ticksPerSecond, int maxLagTicks, LongSupplier nanoClock, LongConsumer sleeper) {
        this.name = name;
        this.ticksPerSecond = ticksPerSecond;
        this.periodNanos = NANOS_PER_SECOND / ticksPerSecond;
        this.maxLagTicks = maxLagTicks;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Runs {@code tick} on the calling thread until {@code running} turns false, handing it how many
     * nanoseconds after its deadline it started (≥ 0).
     */
    void run(LongConsumer tick, BooleanSupplier running) {
        long base = nanoClock.getAsLong();
        long ticksSinceBase = 0;
        boolean firstTick = true;
        while (running.getAsBoolean()) {
            tick.accept(nanoClock.getAsLong() - deadline(base, ticksSinceBase));
            ticksSinceBase++;
            long deadline = deadline(base, ticksSinceBase);
            long now = nanoClock.getAsLong();
            long behind = now - deadline;
            // The first tick loads and compiles what every later one uses (≈ 150 ms cold): running
            // late is start-up then, not lag, so the schedule restarts silently.
            boolean coldStart = firstTick && behind > 0;
            firstTick = false;
            if (coldStart || behind > maxLagTicks * periodNanos) {
                if (!coldStart) {
                    resets++;
                    LOG.warning(() -> name + ": " + behind / 1_000_000 + " ms behind schedule, skipping "
                            + behind / periodNanos + " ticks and restarting the schedule");
                }
                base = now;
                ticksSinceBase = 0;
                continue;
            }
            while (deadline - now > 0 && running.getAsBoolean()) {
                sleeper.accept(deadline - now);
                now = nanoClock.getAsLong();
            }
        }
    }

    /** Exact: 60 Hz does not lose the 2/3 ns a rounded period would every tick. */
    private long deadline(long base, long ticksSinceBase) {
        return base + ticksSinceBase * NANOS_PER_SECOND / ticksPerSecond;
    }

    /** How many times the schedule was restarted because the loop fell too far behind. */
    long resets() {
        return resets;
    }
}
