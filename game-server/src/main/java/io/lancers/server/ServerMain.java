package io.lancers.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.lancers.release.ReleaseVersion;
import io.lancers.server.log.LogFormat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The dedicated server: flags in, one line out. On ready it prints exactly
 * {@code listening ws://HOST:PORT/game} to stdout; everything else goes to the log (stderr). With
 * TLS, {@code fingerprint SHA-256 AB:CD:… wss://HOST:PORT/game} lines (one per address) come first.
 */
@Command(name = "game-server", mixinStandardHelpOptions = true, versionProvider = ServerMain.Version.class,
        showDefaultValues = true, sortOptions = false,
        description = "Runs a Lancers server: WebSocket game endpoint, GET /status and the HTTP broadcast on one TCP port, "
                + "LAN discovery on a UDP port.")
public final class ServerMain implements Callable<Integer> {
    private static final String LOG_MANAGER = "java.util.logging.manager";

    static {
        // Both must be set before logging starts. One line per log event (the JDK's default takes
        // two); a log manager that keeps logging until the shutdown hook below is done.
        LogFormat.oneLineText();
        if (System.getProperty(LOG_MANAGER) == null) {
            System.setProperty(LOG_MANAGER, ServerLogManager.class.getName());
        }
    }

    private static final Logger LOG = Logger.getLogger(ServerMain.class.getName());

    @Spec
    CommandSpec spec;

    /** Every server setting and its flag. */
    @Mixin
    final ServerOptions options = new ServerOptions();

    /** How this process logs: not a server setting, so not one of the {@link ServerOptions}. */
    @Option(names = "--log-format", paramLabel = "FORMAT", converter = LogFormatName.class, defaultValue = "text",
            description = "Log to stderr as text (one line per record) or json (one object per line: "
                    + "time, level, logger, message, thrown).")
    LogFormat logFormat;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new ServerMain()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs until the JVM is asked to stop; the shutdown hook says 1001 to every client. */
    @Override
    public Integer call() throws IOException, InterruptedException {
        logFormat.install();
        // The hook is in place before the ready line: whoever acts on that line may stop us at once.
        start(System.out, server -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ServerLogManager.serverClosed();
        }, "lancers-shutdown")));
        new CountDownLatch(1).await();
        return 0;
    }

    /** Starts the server these flags describe and prints the one ready line to {@code out}. */
    GameServer start(PrintStream out) throws IOException {
        return start(out, server -> { });
    }

    /** As {@link #start(PrintStream)}, running {@code beforeReady} on the started server before the ready line. */
    private GameServer start(PrintStream out, Consumer<GameServer> beforeReady) throws IOException {
        GameServer server;
        try {
            server = GameServer.start(options);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
        } catch (BindException taken) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot listen on " + options.bindAddress
                    + " port " + options.port + " (TCP) or " + options.discoveryPort + " (UDP): " + taken.getMessage()
                    + ". Is another server running? Try --port / --discovery-port.", taken);
        }
        beforeReady.accept(server);
        LOG.info(() -> "server " + server.options().serverName + " ready");
        // Before the ready line, so whoever waits for that has them too.
        server.certificateFingerprint().ifPresent(fingerprint -> server.uris().forEach(
                uri -> out.println("fingerprint SHA-256 " + fingerprint + " " + uri)));
        out.println("listening " + server.uri());
        out.flush();
        return server;
    }

    /** {@code text} / {@code json}, as people type them. */
    static final class LogFormatName implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            return LogFormat.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return ReleaseVersion.describe("Lancers server");
        }
    }
}
