package io.lancers.server;

import io.lancers.link.LatencyRelay;
import io.lancers.load.LoadClient;
import io.lancers.load.Pilot;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lag-compensated shots over real WebSockets: a shooter behind a {@link LatencyRelay} of 120 ms
 * round trip (its shots rewound by about that) kills a victim on a direct link, watched by a
 * spectator behind a relay of its own. Whatever the rewind decided, the victim and the spectator
 * are told the same: the same world at every tick both received (hits, health, the kill), and
 * both see the victim die once and the shooter score once.
 */
class ShotOutcomeConsistencyTest {
    /** Flying to the spots from any spawn point, five hits, on a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final float SHOOTER_X = 750;
    private static final float SHOOTER_Y = 560;
    private static final float VICTIM_X = 775;
    private static final float VICTIM_Y = 960;

    private final List<LoadClient> clients = new ArrayList<>();
    private GameServer server;
    private LatencyRelay shooterLink;
    private LatencyRelay spectatorLink;

    @AfterEach
    void stop() throws IOException {
        clients.forEach(LoadClient::abort);
        if (shooterLink != null) {
            shooterLink.close();
        }
        if (spectatorLink != null) {
            spectatorLink.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theVictimAndASpectatorAreToldTheSameHitsHealthAndKill() throws Exception {
        server = GameServer.start(GameServerTest.CONFIG.with(o -> {
            o.matches = 1;
            o.mapId = "crossfire";
            o.matchMinutes = 60;
            o.killLimit = 0;
            o.maxUnlagMs = 150;
        }));
        shooterLink = LatencyRelay.roundTrip(server.port(), 120, 6, 3);
        spectatorLink = LatencyRelay.roundTrip(server.port(), 60, 3, 4);
        HttpClient http = HttpClient.newHttpClient();

        LoadClient victim = open(http, server.uri(), "victim", LoadClient.Entry.join("m1"));
        ServerMessage.Joined victimJoined = victim.joined().get(30, TimeUnit.SECONDS);
        int victimId = victimJoined.playerId();
        Map<Integer, World> victimSaw = new ConcurrentSkipListMap<>();
        Pilot victimPilot = new Pilot(victimJoined.map());
        int[] victimSeq = {0};
        victim.onWorld((w, arrived) -> {
            victimSaw.put(w.tick(), w);
            Ship own = find(w, victimId);
            int buttons = own == null || !own.alive() ? 0
                    : victimPilot.toward(own.x(), own.y(), own.vx(), own.vy(), VICTIM_X, VICTIM_Y);
            victim.sendInput(new Input(++victimSeq[0], buttons, 0f));
        });

        LoadClient shooter = open(http, relayed(shooterLink), "shooter", LoadClient.Entry.join("m1"));
        ServerMessage.Joined shooterJoined = shooter.joined().get(30, TimeUnit.SECONDS);
        int shooterId = shooterJoined.playerId();
        Pilot shooterPilot = new Pilot(shooterJoined.map());
        int[] shooterSeq = {0};
        shooter.onWorld((w, arrived) -> {
            Ship own = find(w, shooterId);
            Ship target = find(w, victimId);
            int buttons = 0;
            float aim = 0f;
            if (own != null && own.alive() && target != null && target.deaths() == 0) {
                buttons = shooterPilot.toward(own.x(), own.y(), own.vx(), own.vy(), SHOOTER_X, SHOOTER_Y);
                aim = (float) Math.atan2(target.y() - own.y(), target.x() - own.x());
                // Near its spot, not stopped on it: seen 120 ms late, the shooter's own steering
                // overshoots and can circle the spot for minutes without ever letting go of thrust.
                boolean settled = Math.hypot(own.x() - SHOOTER_X, own.y() - SHOOTER_Y) < 40
                        && Math.hypot(target.x() - VICTIM_X, target.y() - VICTIM_Y) < 8;
                buttons |= settled ? Input.FIRE : 0;
            }
            // The view tick is the world it aimed by: the server rewinds the shot to it.
            shooter.sendInput(new Input(++shooterSeq[0], buttons, aim, w.tick()));
        });

        LoadClient spectator = open(http, relayed(spectatorLink), "spectator", LoadClient.Entry.spectate("m1"));
        Map<Integer, World> spectatorSaw = new ConcurrentSkipListMap<>();
        spectator.onWorld((w, arrived) -> spectatorSaw.put(w.tick(), w));

        await().atMost(PATIENCE).until(() -> dead(victimSaw, victimId) && dead(spectatorSaw, victimId));

        Map<Integer, World> common = new TreeMap<>();
        for (Map.Entry<Integer, World> e : spectatorSaw.entrySet()) {
            World theirs = victimSaw.get(e.getKey());
            if (theirs != null) {
                assertEquals(theirs, e.getValue(), "tick " + e.getKey() + ": the same world for victim and spectator");
                common.put(e.getKey(), theirs);
            }
        }
        List<GameEvent> hits = new ArrayList<>();
        common.values().forEach(w -> w.events().stream()
                .filter(e -> e instanceof GameEvent.Hit h && h.shooterId() == shooterId && h.targetId() == victimId)
                .forEach(hits::add));
        assertFalse(hits.isEmpty(), "the hits were among the ticks both received");
        int killTick = Math.min(killTick(victimSaw, victimId), killTick(spectatorSaw, victimId));
        for (Map<Integer, World> saw : List.of(victimSaw, spectatorSaw)) {
            World last = saw.values().stream().reduce((x, y) -> y).orElseThrow();
            assertEquals(1, find(last, victimId).deaths(), "the victim died once");
            assertEquals(1, find(last, shooterId).kills(), "the shooter scored once");
            World killed = saw.get(killTick);
            if (killed != null) { // one that fell behind may have had the kill's tick folded into a later delta
                assertTrue(killed.events().contains(new GameEvent.Kill(shooterId, victimId)), "the kill at tick " + killTick);
                assertEquals(0, find(killed, victimId).health());
            }
        }
    }

    private LoadClient open(HttpClient http, URI uri, String name, LoadClient.Entry entry) {
        LoadClient client = LoadClient.open(http, uri, name, entry, true, null);
        clients.add(client);
        return client;
    }

    private static URI relayed(LatencyRelay relay) {
        return URI.create("ws://127.0.0.1:" + relay.port() + ProtocolVersion.ENDPOINT_PATH);
    }

    private static boolean dead(Map<Integer, World> saw, int victimId) {
        return killTick(saw, victimId) != Integer.MAX_VALUE;
    }

    /** The first tick received at which the victim is dead. */
    private static int killTick(Map<Integer, World> saw, int victimId) {
        return saw.values().stream().filter(w -> {
            Ship s = find(w, victimId);
            return s != null && s.deaths() > 0;
        }).mapToInt(World::tick).min().orElse(Integer.MAX_VALUE);
    }

    private static Ship find(World w, int id) {
        for (Ship s : w.ships()) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }
}
