package io.lancers.client.ui;

import io.lancers.protocol.Discovery;

import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The player's settings, persisted with {@link Preferences} under a node of the caller's choice
 * (tests use a throw-away node so they never touch the player's own settings).
 *
 * @param playerName      the name shown to others
 * @param sound           sound effects on
 * @param volume          the effects' master volume, 0..1
 * @param showNetStats    the ping / fps / bandwidth panel in a match
 * @param discoveryTarget where LAN discovery probes go, {@code HOST:PORT}
 * @param controlsSeen    the controls overlay was shown once already
 * @param autoLowEffects  frames that run long for a few seconds switch a match to fewer effects
 * @param recordMatches   Play and Host record every match into {@code recordFolder}
 * @param recordFolder    where recordings go and the Replays screen looks
 */
public record Settings(String playerName, boolean sound, double volume, boolean showNetStats, String discoveryTarget,
                       boolean controlsSeen, boolean autoLowEffects, boolean recordMatches, String recordFolder) {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    public static final String DEFAULT_DISCOVERY_TARGET = "255.255.255.255:" + Discovery.DEFAULT_PORT;
    public static final double DEFAULT_VOLUME = 0.8;
    /** The preferences node the real client uses. */
    public static final String USER_NODE = "io/lancers/client";

    public Settings {
        playerName = sanitizeName(playerName);
        volume = Double.isNaN(volume) ? DEFAULT_VOLUME : Math.max(0, Math.min(1, volume));
        discoveryTarget = discoveryTarget == null || discoveryTarget.isBlank()
                ? DEFAULT_DISCOVERY_TARGET : discoveryTarget.trim();
        recordFolder = recordFolder == null || recordFolder.isBlank() ? defaultRecordFolder() : recordFolder.trim();
    }

    public static Settings defaults() {
        return new Settings(defaultName(), true, DEFAULT_VOLUME, false, DEFAULT_DISCOVERY_TARGET, false, true, false,
                defaultRecordFolder());
    }

    public Settings withPlayerName(String name) {
        return new Settings(name, sound, volume, showNetStats, discoveryTarget, controlsSeen, autoLowEffects,
                recordMatches, recordFolder);
    }

    public Settings withSound(boolean on) {
        return new Settings(playerName, on, volume, showNetStats, discoveryTarget, controlsSeen, autoLowEffects,
                recordMatches, recordFolder);
    }

    public Settings withVolume(double v) {
        return new Settings(playerName, sound, v, showNetStats, discoveryTarget, controlsSeen, autoLowEffects,
                recordMatches, recordFolder);
    }

    public Settings withShowNetStats(boolean on) {
        return new Settings(playerName, sound, volume, on, discoveryTarget, controlsSeen, autoLowEffects,
                recordMatches, recordFolder);
    }

    public Settings withDiscoveryTarget(String target) {
        return new Settings(playerName, sound, volume, showNetStats, target, controlsSeen, autoLowEffects,
                recordMatches, recordFolder);
    }

    public Settings withControlsSeen(boolean seen) {
        return new Settings(playerName, sound, volume, showNetStats, discoveryTarget, seen, autoLowEffects,
                recordMatches, recordFolder);
    }

    public Settings withAutoLowEffects(boolean on) {
        return new Settings(playerName, sound, volume, showNetStats, discoveryTarget, controlsSeen, on,
                recordMatches, recordFolder);
    }

    /** Whether Play and Host record, and where recordings go. */
    public Settings withRecording(boolean on, String folder) {
        return new Settings(playerName, sound, volume, showNetStats, discoveryTarget, controlsSeen, autoLowEffects, on,
                folder);
    }

    /** Where recordings go: a folder {@code .lancers/replays} in the user's home. */
    static String defaultRecordFolder() {
        return Path.of(System.getProperty("user.home", "."), ".lancers", "replays").toString();
    }

    /** Reads the settings stored under {@code node}; missing values take their defaults. */
    public static Settings load(Preferences node) {
        Settings d = defaults();
        return new Settings(node.get("playerName", d.playerName()), node.getBoolean("sound", d.sound()),
                node.getDouble("volume", d.volume()),
                node.getBoolean("showNetStats", d.showNetStats()),
                node.get("discoveryTarget", d.discoveryTarget()),
                node.getBoolean("controlsSeen", d.controlsSeen()),
                node.getBoolean("autoLowEffects", d.autoLowEffects()),
                node.getBoolean("recordMatches", d.recordMatches()),
                node.get("recordFolder", d.recordFolder()));
    }

    /** Stores these settings under {@code node}; a failing backing store costs only persistence. */
    public void save(Preferences node) {
        node.put("playerName", playerName);
        node.putBoolean("sound", sound);
        node.putDouble("volume", volume);
        node.putBoolean("showNetStats", showNetStats);
        node.put("discoveryTarget", discoveryTarget);
        node.putBoolean("controlsSeen", controlsSeen);
        node.putBoolean("autoLowEffects", autoLowEffects);
        node.putBoolean("recordMatches", recordMatches);
        node.put("recordFolder", recordFolder);
        flush(node, "settings");
    }

    /** Writes {@code node} through; a failing backing store costs only persistence (logged, naming {@code what}). */
    static void flush(Preferences node, String what) {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.log(Level.WARNING, what + " not persisted: " + e.getMessage());
        }
    }

    /** Names follow the server's rules (1–20 characters, no control characters). */
    static String sanitizeName(String name) {
        String cleaned = name == null ? "" : name.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().trim();
        if (cleaned.isEmpty()) {
            return defaultName();
        }
        return cleaned.length() > 20 ? cleaned.substring(0, 20).trim() : cleaned;
    }

    private static String defaultName() {
        String user = System.getProperty("user.name", "");
        String base = user.isBlank() || user.equalsIgnoreCase("root") ? "Lancer" : user;
        base = base.substring(0, 1).toUpperCase(Locale.ROOT) + base.substring(1);
        return base.length() > 20 ? base.substring(0, 20) : base;
    }
}
