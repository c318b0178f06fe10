package io.lancers.server;

import io.lancers.map.MapLoader;
import io.lancers.server.match.MatchSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals("0.0.0.0", config.bindAddress());
        assertEquals(8025, config.port());
        assertEquals(8026, config.discoveryPort());
        assertTrue(config.discovery());
        assertEquals(60, config.tickRate());
        assertEquals(2, config.matches());
        assertEquals(16, config.maxPlayers());
        assertEquals(32, config.maxSpectators());
        assertEquals(0.6f, config.botSkill());
        assertEquals(Duration.ofSeconds(3), config.heartbeatTimeout());
        assertEquals(16, config.maxConnectionsPerAddress());
        assertEquals(Duration.ofSeconds(5), config.handshakeTimeout());
        assertEquals(null, config.tls());
        assertEquals(0, config.socketSendBufferBytes());
        assertTrue(config.serverName().endsWith("'s Lancers"));
    }

    @Test
    void roomsRotateThroughTheBuiltInMapsAndCarryTheServersRules() {
        List<MatchSettings> rooms = ServerConfig.defaults().withMatches(3).withTickRate(30).withBots(2).withBotSkill(0.25f)
                .withMaxPlayers(8).withMaxSpectators(2500).withMatchMinutes(2).withKillLimit(0).withResumeGrace(Duration.ofMillis(1500))
                .matchSettings();
        List<String> maps = MapLoader.builtInIds();
        assertEquals(List.of("m1", "m2", "m3"), rooms.stream().map(MatchSettings::id).toList());
        for (int i = 0; i < rooms.size(); i++) {
            MatchSettings room = rooms.get(i);
            assertEquals(maps.get(i % maps.size()), room.mapId());
            assertEquals(30, room.tickRate());
            assertEquals(120, room.rules().durationSeconds());
            assertEquals(0, room.rules().killLimit());
            assertEquals(2, room.botFill());
            assertEquals(0.25f, room.botSkill());
            assertEquals(8, room.maxPlayers());
            assertEquals(2500, room.maxSpectators());
            assertEquals(1.5, room.resumeGraceSeconds());
        }
    }

    @Test
    void eachWithChangesOnlyItsOwnSetting() {
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig changed = defaults.withMaxSpectators(0).withPort(0);
        assertEquals(0, changed.maxSpectators());
        assertEquals(0, changed.port());
        assertEquals(defaults.withPort(0).withMaxSpectators(0), changed);
        assertEquals(defaults, changed.withMaxSpectators(defaults.maxSpectators()).withPort(defaults.port()));
    }

    @Test
    void aFixedMapIsPlayedInEveryRoom() {
        String map = MapLoader.builtInIds().get(0);
        assertTrue(ServerConfig.defaults().withMatches(3).withMapId(map).matchSettings().stream()
                .allMatch(room -> room.mapId().equals(map)));
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        ServerConfig defaults = ServerConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withTickRate(9));
        assertThrows(IllegalArgumentException.class, () -> defaults.withTickRate(129));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> defaults.withHeartbeatInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> defaults.withServerName(" "));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMatches(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxSpectators(-1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withBotSkill(1.01f));
        assertThrows(IllegalArgumentException.class, () -> defaults.withBotSkill(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxConnectionsPerAddress(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withHandshakeTimeout(Duration.ZERO));
    }
}
