package io.lancers.protocol;

import io.lancers.map.ArenaMap;
import io.lancers.sim.GameMode;
import io.lancers.sim.MatchConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ServerMessage.Rules} is a {@link MatchConfig} without its tick rate, on the wire and in code. */
class RulesTest {

    @Test
    void rulesHaveEveryMatchConfigComponentButTheTickRateInTheSameOrder() {
        List<String> config = names(MatchConfig.class);
        assertEquals(config.subList(1, config.size()), names(ServerMessage.Rules.class));
        assertEquals("tickRate", config.get(0));
    }

    @Property(tries = 200)
    void aConfigSurvivesTheWire(@ForAll @IntRange(min = 1, max = 1000) int tickRate,
                                @ForAll @IntRange(min = 1, max = 100_000) int durationSeconds,
                                @ForAll @IntRange(min = 0, max = 1000) int killLimit,
                                @ForAll @IntRange(min = 0, max = 1000) int intermissionSeconds,
                                @ForAll @IntRange(min = 0, max = 1000) int respawnSeconds,
                                @ForAll GameMode mode, @ForAll boolean friendlyFire) throws ProtocolException {
        MatchConfig config = new MatchConfig(tickRate, durationSeconds, killLimit, intermissionSeconds, respawnSeconds,
                mode, friendlyFire);
        ServerMessage.Joined joined = new ServerMessage.Joined("m1", "spectator", 0, null, false, tickRate,
                ServerMessage.Rules.of(config), new ArenaMap("a", "A", 100f, 100f, List.of(), List.of(), List.of()));
        ServerMessage.Joined decoded = (ServerMessage.Joined) ControlCodec.decodeServer(ControlCodec.encode(joined));
        assertEquals(config, decoded.matchConfig());
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
