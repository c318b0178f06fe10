package io.lancers.server.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a room's tick thread asks Linux to schedule it ({@code --tick-priority}). A tick thread that wakes
 * at its deadline while the cores run other threads (the senders, the reading side, the JIT, on a small
 * machine the clients) waits for one, and that wait is its start lateness (BENCHMARKS.md §3, issue 14
 * steps 3 and 4). Each choice falls back to the next one the OS allows: {@code realtime}, then
 * {@code nice:-10}, then the priority the thread has. Elsewhere than Linux every choice is {@code normal}.
 */
public sealed interface TickPriority permits TickPriority.RealTime, TickPriority.Nice, TickPriority.Normal {

    /** What {@code --tick-priority} is without the flag. */
    TickPriority DEFAULT = new RealTime();

    /** The flag's words for each choice: {@code parse(p.flag())} equals {@code p}. */
    String flag();

    /** What a log line calls it: "real-time priority (SCHED_FIFO 1)", "nice -10", "normal priority". */
    String label();

    /** Applies this to the calling thread, falling back as far as the OS makes it; says what it got. */
    Outcome applyToCallingThread();

    /**
     * {@code realtime}, {@code nice:N} (-20..19) or {@code normal}.
     *
     * @throws IllegalArgumentException naming the three forms
     */
    static TickPriority parse(String flag) {
        String value = flag.trim().toLowerCase(Locale.ROOT);
        if (value.equals(RealTime.FLAG)) {
            return new RealTime();
        }
        if (value.equals(Normal.FLAG)) {
            return new Normal();
        }
        if (value.startsWith(Nice.FLAG_PREFIX)) {
            try {
                return new Nice(Integer.parseInt(value.substring(Nice.FLAG_PREFIX.length())));
            } catch (NumberFormatException notANumber) {
                // the message below says what is expected
            }
        }
        throw new IllegalArgumentException("expected realtime, nice:N (N from " + Nice.MIN + " to " + Nice.MAX
                + ") or normal, was '" + flag + "'");
    }

    /**
     * SCHED_FIFO at priority {@value #PRIORITY}: the scheduler runs the thread the moment it wakes, ahead
     * of every normal thread; where that is refused, {@link #FALLBACK}.
     *
     * <p>Why this is safe: the tick loop never spins; between ticks it parks until an absolute deadline
     * ({@link TickScheduler}), so it takes only its ticks' own CPU (about 1 ms of each 16.7 ms at 60 Hz with
     * 1000 spectators). Catch-up after an overrun is at most {@code maxLagTicks} ticks back to back, then the
     * schedule restarts from now instead of bursting. Priority 1 is the lowest real-time priority: the
     * kernel's own real-time threads (interrupt threads at 50, migration) still come first. Reset-on-fork:
     * threads and processes the tick thread starts run at normal priority. A tick that ran away (a bug
     * looping in it) is bounded by the kernel's real-time throttling ({@code sched_rt_runtime_us}, 95 % of
     * each second by default, or on 6.12+ the fair server's share): the machine stays usable and other cores
     * are untouched. What real time does change: on a machine whose cores the rooms' ticks alone fill, the
     * ticks come before their senders and network threads, not beside them; there, choose {@code nice:-10}.
     */
    record RealTime() implements TickPriority {
        public static final int PRIORITY = 1;
        public static final Nice FALLBACK = new Nice(-10);
        static final String FLAG = "realtime";

        @Override
        public String flag() {
            return FLAG;
        }

        @Override
        public String label() {
            return "real-time priority (SCHED_FIFO " + PRIORITY + ")";
        }

        @Override
        public Outcome applyToCallingThread() {
            Optional<String> refused = ThreadScheduling.realTime(PRIORITY);
            return refused.isEmpty() ? new Outcome(this, List.of())
                    : FALLBACK.applyToCallingThread().after(this, refused.get()
                            + " (needs root, CAP_SYS_NICE or an rtprio limit: ulimit -r, systemd LimitRTPRIO=)");
        }

        @Override
        public String toString() {
            return flag();
        }
    }

    /**
     * SCHED_OTHER at nice {@code value}: the scheduler weighs the thread above (below 0) or under the
     * others, which shortens its wait for a core but does not end it; where refused, {@link Normal}. Below 0
     * needs root, CAP_SYS_NICE or a nice limit.
     */
    record Nice(int value) implements TickPriority {
        public static final int MIN = -20;
        public static final int MAX = 19;
        static final String FLAG_PREFIX = "nice:";

        public Nice {
            if (value < MIN || value > MAX) {
                throw new IllegalArgumentException("a nice value is " + MIN + " to " + MAX + ", was " + value);
            }
        }

        @Override
        public String flag() {
            return FLAG_PREFIX + value;
        }

        @Override
        public String label() {
            return "nice " + value;
        }

        @Override
        public Outcome applyToCallingThread() {
            Optional<String> refused = ThreadScheduling.nice(value);
            return refused.isEmpty() ? new Outcome(this, List.of())
                    : new Outcome(new Normal(), List.of()).after(this, refused.get()
                            + (value < 0 ? " (below 0 needs root, CAP_SYS_NICE or a nice limit: ulimit -e, systemd LimitNICE=)" : ""));
        }

        @Override
        public String toString() {
            return flag();
        }
    }

    /** The thread keeps the priority it was started with. */
    record Normal() implements TickPriority {
        static final String FLAG = "normal";

        @Override
        public String flag() {
            return FLAG;
        }

        @Override
        public String label() {
            return "normal priority";
        }

        @Override
        public Outcome applyToCallingThread() {
            return new Outcome(this, List.of());
        }

        @Override
        public String toString() {
            return flag();
        }
    }

    /**
     * What a thread got.
     *
     * @param applied what it runs at now
     * @param refused each better choice that was refused, best first, with the OS's reason
     */
    record Outcome(TickPriority applied, List<String> refused) {
        public Outcome {
            refused = List.copyOf(refused);
        }

        /** This outcome, reached after {@code tried} was refused for {@code reason}. */
        Outcome after(TickPriority tried, String reason) {
            List<String> all = new ArrayList<>();
            all.add(tried.label() + " refused: " + reason);
            all.addAll(refused);
            return new Outcome(applied, all);
        }

        /** "tick thread at nice -10; real-time priority (SCHED_FIFO 1) refused: …". */
        public String describe() {
            String at = "tick thread at " + applied.label();
            return refused.isEmpty() ? at : at + "; " + String.join("; ", refused);
        }
    }
}
