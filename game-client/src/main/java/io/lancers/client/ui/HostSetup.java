package io.lancers.client.ui;

import io.lancers.server.ServerOptions;
import io.lancers.sim.GameMode;

import java.util.prefs.Preferences;

/**
 * What the Host screen asks before the server starts, remembered between runs under the client's
 * preferences ({@code host/…}). Each value is one of the dedicated server's settings
 * ({@link ServerOptions}, named by its flag in {@link #FLAGS}): the same defaults and limits as
 * the flags. The password is not here: it is asked each time and never stored.
 *
 * @param serverName   {@code --name}
 * @param mapId        {@code --map}; empty: the rooms rotate through every map and players vote
 * @param bots         {@code --bots}
 * @param botSkill     {@code --bot-skill}
 * @param matchMinutes {@code --match-minutes}
 * @param killLimit    {@code --kill-limit}
 * @param intermissionSeconds {@code --intermission-seconds}: scoreboard and map vote between matches
 * @param maxPlayers   {@code --max-players}
 * @param mode         {@code --mode}
 * @param friendlyFire {@code --friendly-fire} (team deathmatch only)
 * @param tls          {@code --tls-self-signed}: wss:// with a certificate made for this machine and kept
 */
public record HostSetup(String serverName, String mapId, int bots, float botSkill, int matchMinutes, int killLimit,
                        int intermissionSeconds, int maxPlayers, GameMode mode, boolean friendlyFire, boolean tls) {
    static final String NODE = "host";

    public HostSetup {
        serverName = serverName == null ? "" : serverName.strip();
        mapId = mapId == null ? "" : mapId;
        mode = mode == null ? GameMode.FFA : mode;
    }

    /** The dedicated server's defaults. */
    public static HostSetup defaults() {
        ServerOptions d = ServerOptions.defaults();
        return new HostSetup(d.serverName, d.mapId, d.bots, d.botSkill, d.matchMinutes, d.killLimit, d.intermissionSeconds,
                d.maxPlayers,
                d.mode, d.friendlyFire, d.tlsSelfSigned);
    }

    /**
     * {@code base} with these settings, the password (null: none) and the host's token, validated:
     * throws IllegalArgumentException naming the flag of a value out of range.
     */
    public ServerOptions applyTo(ServerOptions base, String password, String hostToken) {
        return base.with(o -> {
            o.serverName = serverName.isEmpty() ? base.serverName : serverName;
            o.mapId = mapId.isEmpty() ? null : mapId;
            o.bots = bots;
            o.botSkill = botSkill;
            o.matchMinutes = matchMinutes;
            o.killLimit = killLimit;
            o.intermissionSeconds = intermissionSeconds;
            o.maxPlayers = maxPlayers;
            o.mode = mode;
            o.friendlyFire = friendlyFire;
            o.tlsSelfSigned = tls;
            o.password = password == null || password.isEmpty() ? null : password;
            o.hostToken = hostToken;
        });
    }

    /** The setup stored under {@code prefs}; anything missing or out of the server's range takes its default. */
    public static HostSetup load(Preferences prefs) {
        Preferences node = prefs.node(NODE);
        HostSetup d = defaults();
        HostSetup stored = new HostSetup(node.get("serverName", d.serverName()), node.get("mapId", d.mapId()),
                node.getInt("bots", d.bots()), node.getFloat("botSkill", d.botSkill()),
                node.getInt("matchMinutes", d.matchMinutes()), node.getInt("killLimit", d.killLimit()),
                node.getInt("intermissionSeconds", d.intermissionSeconds()),
                node.getInt("maxPlayers", d.maxPlayers()), mode(node.get("mode", d.mode().wire())),
                node.getBoolean("friendlyFire", d.friendlyFire()), node.getBoolean("tls", d.tls()));
        try {
            stored.applyTo(ServerOptions.defaults(), null, null);
            return stored;
        } catch (IllegalArgumentException outOfRange) {
            return d;
        }
    }

    /** A stored mode, or free-for-all when it is none the server knows (any more). */
    private static GameMode mode(String wire) {
        try {
            return GameMode.ofWire(wire);
        } catch (IllegalArgumentException unknown) {
            return GameMode.FFA;
        }
    }

    /** Stores the setup under {@code prefs}; a failing backing store costs only persistence. */
    public void save(Preferences prefs) {
        Preferences node = prefs.node(NODE);
        node.put("serverName", serverName);
        node.put("mapId", mapId);
        node.putInt("bots", bots);
        node.putFloat("botSkill", botSkill);
        node.putInt("matchMinutes", matchMinutes);
        node.putInt("killLimit", killLimit);
        node.putInt("intermissionSeconds", intermissionSeconds);
        node.putInt("maxPlayers", maxPlayers);
        node.put("mode", mode.wire());
        node.putBoolean("friendlyFire", friendlyFire);
        node.putBoolean("tls", tls);
        Settings.flush(node, "host setup");
    }
}
