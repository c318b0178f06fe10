package io.lancers.client;

import io.lancers.client.bench.RenderBench;
import io.lancers.client.headless.HeadlessOptions;
import io.lancers.client.headless.HeadlessRun;
import io.lancers.client.playback.BroadcastFeed;
import io.lancers.client.tls.KnownHosts;
import io.lancers.client.tls.ServerTrust;
import io.lancers.client.ui.LancersApp;
import io.lancers.client.ui.LaunchOptions;
import io.lancers.client.ui.Settings;
import io.lancers.release.ReleaseVersion;
import io.lancers.tls.Fingerprint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The client's flags. Without {@code --headless} it opens the window; with it, JavaFX never starts. */
@Command(name = "lancers", mixinStandardHelpOptions = true, versionProvider = ClientMain.Version.class,
        description = {"Lancers: a real-time multiplayer arena shooter.",
                "Without options it opens the menu: Play against bots, host or join a LAN game, spectate."})
public final class ClientMain implements Callable<Integer> {

    @Option(names = "--connect", paramLabel = "URL",
            description = "Connect to this server at once, e.g. ws://192.168.1.20:8025/game.")
    URI connect;

    @Option(names = "--spectate", paramLabel = "MATCH", description = "With --connect: watch this match instead of playing.")
    String spectate;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Player name for this run (default: the saved setting; headless: the prefix of the clients' names).")
    String name;

    @Option(names = "--discovery-target", paramLabel = "HOST:PORT",
            description = "Where LAN discovery probes go (default: the saved setting, initially ${DEFAULT-VALUE}).",
            defaultValue = Settings.DEFAULT_DISCOVERY_TARGET)
    String discoveryTarget;

    @Option(names = "--headless", description = "No window: run scripted clients (or spectators) and print JSON lines.")
    boolean headless;

    @Option(names = "--bots", paramLabel = "N",
            description = "Window: bots in a local Play match (default ${DEFAULT-VALUE}). Headless: clients to run.",
            defaultValue = "" + LaunchOptions.DEFAULT_BOTS)
    int bots;

    @Option(names = "--bot-skill", paramLabel = "0..1",
            description = "Window: how sharp the bots of a local Play or Host match are, 0 clumsy .. 1 sharp "
                    + "(default ${DEFAULT-VALUE}, gentler than a dedicated server's).",
            defaultValue = "" + LaunchOptions.DEFAULT_BOT_SKILL)
    float botSkill;

    @Option(names = "--duration", paramLabel = "S", description = "Headless: seconds to run (default ${DEFAULT-VALUE}).",
            defaultValue = "60")
    long durationSeconds;

    @Option(names = "--no-sound", description = "No sound effects.")
    boolean noSound;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Play this replay file (.lrp, written by a server's --record) at once.")
    Path replay;

    @Option(names = "--watch", paramLabel = "URL",
            description = "Watch a server's delayed HTTP broadcast at once, e.g. http://192.168.1.20:8025/broadcast/m1.")
    URI watch;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "Trust the wss:// server certificate in FILE (PEM or DER) for this run, on any server, "
                    + "without asking (repeatable).")
    List<Path> trustCerts = new ArrayList<>();

    @Option(names = "--trust-fingerprint", paramLabel = "HEX",
            description = "Trust the wss:// server certificate with this SHA-256 fingerprint (as the server prints it) "
                    + "for this run, on any server, without asking (repeatable).")
    List<String> trustFingerprints = new ArrayList<>();

    @Option(names = "--render-bench", description = "Time the match screen over a busy scene in a 1280x800 window "
            + "for 10 s and print frame times (BENCHMARKS.md, client render benchmark).")
    boolean renderBench;

    @Option(names = "--render-bench-pace", paramLabel = "PACE",
            description = "With --render-bench: display (JavaFX's own 60 Hz pulse, as in a match), uncapped (pulses as "
                    + "fast as the machine allows) or both, display first in a JVM of its own (default ${DEFAULT-VALUE}).",
            defaultValue = "both", converter = PaceConverter.class)
    RenderBench.Pace renderBenchPace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses and runs; returns the exit code (0 fine, 2 usage error, 1 failure). */
    public static int run(String[] args) {
        return new CommandLine(new ClientMain()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (spectate != null && connect == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spectate needs --connect");
        }
        if ((replay != null || watch != null) && (connect != null || headless || replay != null && watch != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--replay and --watch go alone: without each other, --connect and --headless");
        }
        if (watch != null && BroadcastFeed.url(watch.toString()) == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--watch needs a broadcast URL like http://HOST:PORT/broadcast/m1");
        }
        if (bots < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bots must not be negative");
        }
        if (!(botSkill >= 0 && botSkill <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bot-skill must be within 0..1");
        }
        if (!renderBench && spec.commandLine().getParseResult().hasMatchedOption("--render-bench-pace")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--render-bench-pace needs --render-bench");
        }
        if (renderBench) {
            return RenderBench.run(System.out, renderBenchPace);
        }
        ServerTrust trust = ServerTrust.of(KnownHosts.user(), pinned());
        if (headless) {
            if (connect == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--headless needs --connect");
            }
            HeadlessRun.Summary summary = HeadlessRun.run(new HeadlessOptions(connect, Math.max(1, bots), spectate,
                    Duration.ofSeconds(durationSeconds), name == null ? "bot" : name, System.out, trust));
            return summary.clients().isEmpty() ? 1 : 0;
        }
        boolean discoveryGiven = spec.commandLine().getParseResult().hasMatchedOption("--discovery-target");
        LancersApp.launch(new LaunchOptions(connect, spectate, name, discoveryGiven ? discoveryTarget : null,
                !noSound, bots, botSkill, replay, watch), trust);
        return 0;
    }

    /** The certificates of --trust-cert and --trust-fingerprint. */
    private List<Fingerprint> pinned() {
        List<Fingerprint> pinned = new ArrayList<>();
        for (Path file : trustCerts) {
            try {
                pinned.add(ServerTrust.fingerprintOfFile(file));
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--trust-cert: " + e.getMessage());
            }
        }
        for (String hex : trustFingerprints) {
            try {
                pinned.add(Fingerprint.parse(hex));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--trust-fingerprint: " + e.getMessage());
            }
        }
        return pinned;
    }

    /** A pace by its name in lower case, as the help gives it. */
    static final class PaceConverter implements CommandLine.ITypeConverter<RenderBench.Pace> {
        @Override
        public RenderBench.Pace convert(String value) {
            for (RenderBench.Pace pace : RenderBench.Pace.values()) {
                if (pace.name().equalsIgnoreCase(value)) {
                    return pace;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not display, uncapped or both");
        }
    }

    /** The release version and the protocol this client speaks. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return ReleaseVersion.describe("Lancers");
        }
    }
}
