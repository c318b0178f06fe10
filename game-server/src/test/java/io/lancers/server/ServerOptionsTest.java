package io.lancers.server;

import io.lancers.map.MapLoader;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.match.TickPriority;
import io.lancers.sim.GameMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerOptions options = ServerOptions.defaults();
        assertEquals("0.0.0.0", options.bindAddress);
        assertEquals(8025, options.port);
        assertEquals(8026, options.discoveryPort);
        assertTrue(options.discovery);
        assertEquals(60, options.tickRate);
        assertEquals(2, options.matches);
        assertEquals(16, options.maxPlayers);
        assertEquals(32, options.maxSpectators);
        assertEquals(0.6f, options.botSkill);
        assertEquals(Duration.ofSeconds(3), options.heartbeatTimeout());
        assertEquals(16, options.maxConnectionsPerAddress);
        assertEquals(5, options.handshakeTimeoutSeconds);
        assertEquals(null, options.tls());
        assertEquals(0, options.socketSendBufferBytes);
        assertTrue(options.broadcast);
        assertTrue(options.serverName.endsWith("'s Lancers"));
    }

    /** What code gets from defaults() is what the dedicated server runs on without flags. */
    @Test
    void defaultsAreWhatNoFlagsGive() {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs();
        ServerOptions parsed = main.options;
        ServerOptions defaults = ServerOptions.defaults();
        for (ServerOptions.Setting setting : ServerOptions.settings()) {
            assertEquals(setting.get(defaults), setting.get(parsed), setting.flag());
            assertEquals(setting.defaultValue(), setting.get(defaults), setting.flag());
        }
    }

    @Test
    void roomsRotateThroughTheBuiltInMapsAndCarryTheServersRules() {
        List<MatchSettings> rooms = ServerOptions.defaults().with(o -> {
            o.matches = 3;
            o.tickRate = 30;
            o.bots = 2;
            o.botSkill = 0.25f;
            o.maxPlayers = 8;
            o.maxSpectators = 2500;
            o.matchMinutes = 2;
            o.killLimit = 0;
            o.resumeGraceSeconds = 2;
            o.intermissionSeconds = 25;
        }).matchSettings();
        List<String> maps = MapLoader.builtInIds();
        assertEquals(List.of("m1", "m2", "m3"), rooms.stream().map(MatchSettings::id).toList());
        for (int i = 0; i < rooms.size(); i++) {
            MatchSettings room = rooms.get(i);
            assertEquals(maps.get(i % maps.size()), room.mapId());
            assertEquals(30, room.tickRate());
            assertEquals(120, room.rules().durationSeconds());
            assertEquals(0, room.rules().killLimit());
            assertEquals(25, room.rules().intermissionSeconds());
            assertEquals(2, room.botFill());
            assertEquals(0.25f, room.botSkill());
            assertEquals(8, room.maxPlayers());
            assertEquals(2500, room.maxSpectators());
            assertEquals(2.0, room.resumeGraceSeconds());
        }
    }

    @Test
    void withChangesACopyAndOnlyWhatItSets() {
        ServerOptions defaults = ServerOptions.defaults();
        ServerOptions changed = defaults.with(o -> {
            o.maxSpectators = 0;
            o.port = 0;
            o.allowedOrigins.add("http://party.example");
        });
        assertEquals(0, changed.maxSpectators);
        assertEquals(0, changed.port);
        assertEquals(List.of("http://party.example"), changed.allowedOrigins);
        assertEquals(List.of(), defaults.allowedOrigins, "the original keeps its own list");
        for (ServerOptions.Setting setting : ServerOptions.settings()) {
            assertEquals(setting.defaultValue(), setting.get(defaults), setting.flag());
            if (!List.of("--max-spectators", "--port", "--allow-origin").contains(setting.flag())) {
                assertEquals(setting.get(defaults), setting.get(changed), setting.flag());
            }
        }
    }

    @Test
    void modeAndFriendlyFireReachEveryRoomsRules() {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--mode", "tdm", "--friendly-fire");
        for (MatchSettings room : main.options.matchSettings()) {
            assertEquals(GameMode.TDM, room.rules().mode());
            assertTrue(room.rules().friendlyFire());
        }
        assertTrue(ServerOptions.defaults().matchSettings().stream()
                .allMatch(room -> room.rules().mode() == GameMode.FFA && !room.rules().friendlyFire()));
        CommandLine.ParameterException bad = assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(new ServerMain()).parseArgs("--mode", "ctf"));
        assertTrue(bad.getMessage().contains("--mode") && bad.getMessage().contains("ffa or tdm"), bad.getMessage());
    }

    @Test
    void tickPriorityIsOneFlagWithAClearUsageError() {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--tick-priority", "nice:-5");
        assertEquals(new TickPriority.Nice(-5), main.options.tickPriority);
        assertEquals(TickPriority.DEFAULT, ServerOptions.defaults().tickPriority);
        CommandLine.ParameterException bad = assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(new ServerMain()).parseArgs("--tick-priority", "nice:-30"));
        assertTrue(bad.getMessage().contains("--tick-priority") && bad.getMessage().contains("-20 to 19"), bad.getMessage());
    }

    @Test
    void aFixedMapIsPlayedInEveryRoom() {
        String map = MapLoader.builtInIds().get(0);
        assertTrue(ServerOptions.defaults().with(o -> {
            o.matches = 3;
            o.mapId = map;
        }).matchSettings().stream().allMatch(room -> room.mapId().equals(map)));
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheFlag() {
        ServerOptions defaults = ServerOptions.defaults();
        IllegalArgumentException tickRate = assertThrows(IllegalArgumentException.class,
                () -> defaults.with(o -> o.tickRate = 9));
        assertEquals("--tick-rate must be 10–128, was 9", tickRate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.tickRate = 129));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.port = 65536));
        IllegalArgumentException heartbeat = assertThrows(IllegalArgumentException.class,
                () -> defaults.with(o -> o.heartbeatMs = 0));
        assertEquals("--heartbeat-ms must be at least 1, was 0", heartbeat.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.serverName = " "));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.matches = 0));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.maxSpectators = -1));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.botSkill = 1.01f));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.botSkill = Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.maxConnectionsPerAddress = 0));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.handshakeTimeoutSeconds = 0));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(o -> o.fragmentSeconds = 61));
    }

    /** A Host screen gives the secrets themselves: they win over the files and are checked by validate. */
    @Test
    void secretsSetDirectlyComeAheadOfTheirFilesAndAreChecked(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password.txt"), "from the file\n");
        ServerOptions options = ServerOptions.defaults().with(o -> o.passwordFile = file);
        assertEquals("from the file", options.access().password());
        assertEquals("typed", options.with(o -> o.password = "typed").access().password());
        assertThrows(IllegalArgumentException.class, () -> options.with(o -> o.password = ""));
        assertThrows(IllegalArgumentException.class, () -> options.with(o -> o.hostToken = "short"));
    }

    /** What a settings screen reads: each flag with its label, description, default and bounds. */
    @Test
    void everyFlagIsASettingAUiCanDescribe() {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.forAnnotatedObject(new ServerOptions());
        List<String> flags = spec.options().stream().map(CommandLine.Model.OptionSpec::longestName).toList();
        assertEquals(flags, ServerOptions.settings().stream().map(ServerOptions.Setting::flag).toList());

        ServerOptions.Setting bots = ServerOptions.setting("--bots").orElseThrow();
        assertEquals("N", bots.label());
        assertEquals(int.class, bots.type());
        assertEquals(3, bots.defaultValue());
        assertEquals(0, bots.min());
        assertEquals(ServerOptions.MAX_BOTS, bots.max());
        assertTrue(bots.description().startsWith("Bots keep each room"), bots.description());
        ServerOptions.Setting tickRate = ServerOptions.setting("--tick-rate").orElseThrow();
        assertEquals(MatchSettings.MIN_TICK_RATE, tickRate.min());
        assertEquals(MatchSettings.MAX_TICK_RATE, tickRate.max());
        assertFalse(ServerOptions.setting("--discovery").orElseThrow().bounded());
        assertTrue(ServerOptions.settings().stream().allMatch(s -> !s.description().isBlank()), "every flag says what it does");
        assertTrue(ServerOptions.settings().stream().filter(s -> s.type() != boolean.class && s.type() != List.class)
                .allMatch(s -> !s.label().isEmpty()), "every valued flag has a label");
        assertTrue(ServerOptions.settings().stream().filter(ServerOptions.Setting::bounded)
                .allMatch(s -> Objects.requireNonNull(s.defaultValue()) instanceof Number n
                        && n.doubleValue() >= s.min() && n.doubleValue() <= s.max()), "defaults are in range");

        ServerOptions chosen = ServerOptions.defaults();
        bots.set(chosen, 7);
        assertEquals(7, chosen.validate().bots);
        bots.set(chosen, ServerOptions.MAX_BOTS + 1);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, chosen::validate);
        assertTrue(tooMany.getMessage().startsWith("--bots "), tooMany.getMessage());
    }
}
