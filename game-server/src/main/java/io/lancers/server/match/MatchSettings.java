package io.lancers.server.match;

import io.lancers.sim.MatchConfig;

import java.security.SecureRandom;
import java.util.List;

/**
 * Everything one room is configured with. Durations are in seconds and measured on the room's
 * tick clock (ticks × period), so they stretch with the room if its tick thread falls behind.
 *
 * @param id                 match id used by join/spectate, unique per server
 * @param mapId              built-in map the room plays on
 * @param rules              tick rate (10–128) and phase lengths, handed to the simulation
 * @param maxPlayers         cap on participants (humans + bots); humans beyond it get MATCH_FULL
 * @param botFill            bots fill empty slots until humans + bots reach this many; each joining human
 *                           displaces a bot, each leaving one brings a bot back; never beyond maxPlayers
 * @param botSkill           0..1, handed to every bot brain
 * @param seed               seeds the world and every bot brain of the room
 * @param maxSpectators      cap on spectators; beyond it spectate gets MATCH_FULL
 * @param resumeGraceSeconds how long a lost player keeps its ship, id and score for a resume
 * @param maxNameLength      player names are 1..maxNameLength code points
 * @param chat               chat length and rate limits
 * @param inputs             input caps
 * @param slowConsumer       when a receiver is lagging, recovered, or dropped
 * @param commandQueue       capacity of the room's command queue (joins, chat, pings, resyncs)
 * @param spectatorDelaySeconds spectators see the match this late, chat and notices included (0: live);
 *                           players never wait. Against ghosting in tournaments ({@code --spectator-delay})
 * @param rotation           the maps the room plays in turn, players voting between rounds ({@link MapBallot});
 *                           one map (or none but mapId): the room stays on mapId unless the host picks another
 */
public record MatchSettings(String id, String mapId, MatchConfig rules, int maxPlayers, int botFill,
                            float botSkill, long seed, int maxSpectators, double resumeGraceSeconds,
                            int maxNameLength, ChatLimits chat, InputLimits inputs,
                            SlowConsumerLimits slowConsumer, int commandQueue, double spectatorDelaySeconds,
                            List<String> rotation) {

    public static final int MIN_TICK_RATE = 10;
    public static final int MAX_TICK_RATE = 128;
    /**
     * Bound by the wire: a state frame counts its ships, and the events of one tick, in one byte
     * (u8, at most 255). 200 ships leave room for a tick's spawns plus hits and kills. Far beyond a
     * fun arena (the default is 16); the reconnect storm test fills a room to it.
     */
    public static final int MAX_PLAYERS = 200;
    /** Bots of a dedicated server: a fair fight for someone who has played a few rounds. */
    public static final float DEFAULT_BOT_SKILL = 0.6f;
    /** Spectators per room unless configured otherwise ({@code --max-spectators}). */
    public static final int DEFAULT_MAX_SPECTATORS = 32;
    /** Lag compensation cap on the shooter's round trip unless configured otherwise ({@code --max-unlag-ms}). */
    public static final int DEFAULT_MAX_UNLAG_MILLIS = 150;
    /**
     * What a compensated shot may be rewound beyond the round-trip cap for the shooter's interpolation
     * delay (a client shows others about two ticks behind plus its jitter buffer) and its frame: the
     * server knows a client's view only as a tick, so the two parts of its age are bounded together.
     */
    public static final int INTERPOLATION_ALLOWANCE_MILLIS = 100;
    /** Beyond a second the victim's side of the bargain (hit well behind cover) is no game at all. */
    public static final int MAX_UNLAG_MILLIS = 1000;
    /** The room keeps every world of the delay in memory: ten minutes of them at most. */
    public static final int MAX_SPECTATOR_DELAY_SECONDS = 600;

    /** Chat text is 1..maxLength code points; at most perWindow messages per windowSeconds per sender. */
    public record ChatLimits(int maxLength, int perWindow, double windowSeconds) {
        public ChatLimits {
            require(maxLength >= 1 && perWindow >= 1 && windowSeconds > 0, "chat limits must be positive");
        }
    }

    /**
     * At most perTick inputs of one player are consumed per tick; at most queue wait for the tick;
     * a shot is rewound by at most maxUnlagMillis of its shooter's round trip plus the interpolation
     * allowance (0: never).
     */
    public record InputLimits(int perTick, int queue, int maxUnlagMillis) {
        public InputLimits {
            require(perTick >= 1 && queue >= perTick, "input limits: 1 <= perTick <= queue");
            require(maxUnlagMillis >= 0 && maxUnlagMillis <= MAX_UNLAG_MILLIS,
                    "input limits: maxUnlagMillis must be 0.." + MAX_UNLAG_MILLIS);
        }

        public InputLimits withMaxUnlagMillis(int newMaxUnlagMillis) {
            return new InputLimits(perTick, queue, newMaxUnlagMillis);
        }

        /**
         * The most a shot is rewound, in whole ticks at {@code tickRate} (rounded down): the round-trip
         * cap plus {@link #INTERPOLATION_ALLOWANCE_MILLIS}; 0 when compensation is off.
         */
        public int rewindTicks(int tickRate) {
            return maxUnlagMillis == 0 ? 0
                    : (int) ((long) (maxUnlagMillis + INTERPOLATION_ALLOWANCE_MILLIS) * tickRate / 1000);
        }
    }

    /**
     * A receiver with more than {@code highWater} sends in flight is lagging and gets no frames; once
     * at or below {@code drained} it gets a snapshot and deltas again. Lagging for
     * {@code dropAfterSeconds}, or {@code dropPending} sends in flight, closes it with 4003.
     */
    public record SlowConsumerLimits(int highWater, int drained, int dropPending, double dropAfterSeconds) {
        public SlowConsumerLimits {
            require(0 <= drained && drained < highWater && highWater < dropPending && dropAfterSeconds > 0,
                    "slow consumer limits: 0 <= drained < highWater < dropPending, dropAfterSeconds > 0");
        }
    }

    public MatchSettings {
        require(id != null && !id.isBlank(), "match id must not be blank");
        require(mapId != null && !mapId.isBlank(), "map id must not be blank");
        rotation = List.copyOf(rotation);
        require(rules.tickRate() >= MIN_TICK_RATE && rules.tickRate() <= MAX_TICK_RATE,
                "tick rate must be " + MIN_TICK_RATE + ".." + MAX_TICK_RATE + ", was " + rules.tickRate());
        require(maxPlayers >= 1 && maxPlayers <= MAX_PLAYERS, "maxPlayers must be 1.." + MAX_PLAYERS);
        require(botFill >= 0, "botFill must be >= 0");
        require(botSkill >= 0 && botSkill <= 1, "botSkill must be 0..1");
        require(maxSpectators >= 0, "maxSpectators must be >= 0");
        require(resumeGraceSeconds > 0, "resumeGraceSeconds must be positive");
        require(maxNameLength >= 1, "maxNameLength must be positive");
        require(commandQueue >= 1, "commandQueue must be positive");
        require(spectatorDelaySeconds >= 0 && spectatorDelaySeconds <= MAX_SPECTATOR_DELAY_SECONDS,
                "spectatorDelaySeconds must be 0.." + MAX_SPECTATOR_DELAY_SECONDS);
    }

    /**
     * 60 Hz with the simulation's default rules, 16 players, bots filling up to 4 participants,
     * 32 spectators watching live, 30 s resume grace, names of up to 20, chat 200 chars and 5 per 10 s, 4 inputs
     * per tick and 32 queued, shots rewound by at most 150 ms, lagging above 64 sends in flight, dropped after 5 s or 1024 in flight.
     */
    public static MatchSettings defaults(String id, String mapId) {
        return new MatchSettings(id, mapId, MatchConfig.defaults(), 16, 4, DEFAULT_BOT_SKILL, new SecureRandom().nextLong(),
                DEFAULT_MAX_SPECTATORS, 30, 20, new ChatLimits(200, 5, 10), new InputLimits(4, 32, DEFAULT_MAX_UNLAG_MILLIS),
                new SlowConsumerLimits(64, 8, 1024, 5), 1024, 0, List.of(mapId));
    }

    public int tickRate() {
        return rules.tickRate();
    }

    public MatchSettings withRules(MatchConfig newRules) {
        return new MatchSettings(id, mapId, newRules, maxPlayers, botFill, botSkill, seed, maxSpectators,
                resumeGraceSeconds, maxNameLength, chat, inputs, slowConsumer, commandQueue,
                spectatorDelaySeconds, rotation);
    }

    public MatchSettings withTickRate(int tickRate) {
        return withRules(new MatchConfig(tickRate, rules.durationSeconds(), rules.killLimit(),
                rules.intermissionSeconds(), rules.respawnSeconds(), rules.mode(), rules.friendlyFire()));
    }

    public MatchSettings withMaxPlayers(int newMaxPlayers) {
        return new MatchSettings(id, mapId, rules, newMaxPlayers, botFill, botSkill, seed, maxSpectators,
                resumeGraceSeconds, maxNameLength, chat, inputs, slowConsumer, commandQueue,
                spectatorDelaySeconds, rotation);
    }

    MatchSettings withBotFill(int newBotFill) {
        return new MatchSettings(id, mapId, rules, maxPlayers, newBotFill, botSkill, seed, maxSpectators,
                resumeGraceSeconds, maxNameLength, chat, inputs, slowConsumer, commandQueue,
                spectatorDelaySeconds, rotation);
    }

    public MatchSettings withSpectatorDelaySeconds(double newSpectatorDelaySeconds) {
        return new MatchSettings(id, mapId, rules, maxPlayers, botFill, botSkill, seed, maxSpectators,
                resumeGraceSeconds, maxNameLength, chat, inputs, slowConsumer, commandQueue, newSpectatorDelaySeconds,
                rotation);
    }

    /** The maps this room plays in turn, starting with {@link #mapId()}. */
    public MatchSettings withRotation(List<String> newRotation) {
        return new MatchSettings(id, mapId, rules, maxPlayers, botFill, botSkill, seed, maxSpectators,
                resumeGraceSeconds, maxNameLength, chat, inputs, slowConsumer, commandQueue, spectatorDelaySeconds,
                newRotation);
    }

    MatchSettings withSeed(long newSeed) {
        return new MatchSettings(id, mapId, rules, maxPlayers, botFill, botSkill, newSeed, maxSpectators,
                resumeGraceSeconds, maxNameLength, chat, inputs, slowConsumer, commandQueue,
                spectatorDelaySeconds, rotation);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
