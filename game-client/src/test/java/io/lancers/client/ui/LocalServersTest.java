package io.lancers.client.ui;

import io.lancers.client.testing.Fx;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.GameMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options Play and Host start their servers with, and starting them for real on loopback: the
 * first config that binds wins, and when none does the error reaches the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class LocalServersTest {
    private static final LaunchOptions LAUNCH = new LaunchOptions(null, null, null, null, false, 2, 0.5f);

    private GameServer occupant;
    private final AtomicReference<GameServer> started = new AtomicReference<>();

    @AfterEach
    void closeServers() {
        for (GameServer s : new GameServer[] {occupant, started.get()}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void playIsOneRoomOnLoopbackWithABotMoreThanTheOpponentsAsked() {
        List<ServerOptions> play = new LocalServers(LAUNCH, Settings::defaults).play();
        assertEquals(1, play.size());
        ServerOptions o = play.get(0);
        assertEquals("127.0.0.1", o.bindAddress);
        assertEquals(0, o.port);
        assertEquals(false, o.discovery);
        assertEquals(1, o.matches);
        assertEquals(3, o.bots);
        assertEquals(0.5f, o.botSkill);
        assertNull(o.recordDir);
    }

    @Test
    void recordsIntoTheSettingsFolderMadeForIt(@TempDir Path dir) {
        Path folder = dir.resolve("replays");
        Settings recording = Settings.defaults().withRecording(true, folder.toString());
        ServerOptions o = new LocalServers(LAUNCH, () -> recording).play().get(0);
        assertEquals(folder, o.recordDir);
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void hostListensEverywhereWithDiscoveryAsSetUpThenOnAnyFreePort() {
        HostSetup setup = new HostSetup("Den", "", 4, 0.7f, 7, 15, 12, 6, GameMode.TDM, true, false);
        String token = HostToken.next();
        List<ServerOptions> host = new LocalServers(LAUNCH, Settings::defaults).host(setup, "hunter2", token);
        assertEquals(2, host.size());
        ServerOptions usual = host.get(0);
        assertEquals("0.0.0.0", usual.bindAddress);
        assertTrue(usual.discovery);
        assertEquals(ServerOptions.defaults().port, usual.port);
        assertEquals("Den", usual.serverName);
        assertEquals(4, usual.bots);
        assertEquals(GameMode.TDM, usual.mode);
        assertEquals(12, usual.intermissionSeconds);
        assertEquals("hunter2", usual.password);
        assertEquals(token, usual.hostToken);
        ServerOptions anyPort = host.get(1);
        assertEquals(0, anyPort.port);
        assertEquals("0.0.0.0", anyPort.bindAddress);
        assertEquals("Den", anyPort.serverName);
        assertEquals("hunter2", anyPort.password);
        assertEquals(token, anyPort.hostToken);
    }

    @Test
    void theFirstConfigThatBindsStarts() throws Exception {
        occupant = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> o.bots = 0));
        int taken = occupant.port();
        LocalServers servers = new LocalServers(LAUNCH, Settings::defaults);
        ServerOptions onTaken = servers.play().get(0).with(o -> o.port = taken);
        servers.start(List.of(onTaken, servers.play().get(0)), started::set,
                error -> { throw new AssertionError(error); });
        Fx.waitFor("a server on another port", () -> started.get() != null);
        assertNotEquals(taken, started.get().port());
    }

    @Test
    void whenNoneBindsTheErrorIsReported() throws Exception {
        occupant = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> o.bots = 0));
        LocalServers servers = new LocalServers(LAUNCH, Settings::defaults);
        ServerOptions onTaken = servers.play().get(0).with(o -> o.port = occupant.port());
        AtomicReference<String> error = new AtomicReference<>();
        servers.start(List.of(onTaken), started::set, error::set);
        Fx.waitFor("the error", () -> error.get() != null);
        assertNull(started.get());
    }
}
