package io.lancers.server.broadcast;

import io.lancers.broadcast.Fragment;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.ReplayHeader;
import io.lancers.broadcast.ReplayTrailer;
import io.lancers.broadcast.ReplayWriter;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Ship;
import io.lancers.sim.World;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one room's replay files: one per round (docs/BROADCAST.md §6), a fragment per write as
 * each completes, the trailer when the round's file is done or the room stops. The tick thread
 * only hands work to {@code io}, one thread that does all the encoding and writing, in order.
 */
final class Recorder {
    private static final Logger LOG = Logger.getLogger(Recorder.class.getName());
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String serverVersion;
    private final Clock clock;
    private final Executor io;
    private final String matchId;

    // Tick thread (then the closing thread, once the room has stopped).
    private int fileRound = -1;
    private World latest;
    private World endOfPreviousRound;
    private ServerMessage.Roster lastRoster;
    private int fileFirstTick;
    private int fileLastTick;
    /** Kills since the current file's first tick (and any later ones already seen). */
    private final List<ReplayFile.Kill> kills = new ArrayList<>();

    // The io thread only.
    private ReplayWriter writer;
    private Path file;

    Recorder(Path dir, String serverVersion, Clock clock, Executor io, String matchId) {
        this.dir = dir;
        this.serverVersion = serverVersion;
        this.clock = clock;
        this.io = io;
        this.matchId = matchId;
    }

    /** Every tick: remembers the last world of each round, for its final scores, and the kills, for the timeline. */
    void world(World world) {
        if (latest != null && latest.match().round() != world.match().round()) {
            endOfPreviousRound = latest;
        }
        latest = world;
        for (GameEvent event : world.events()) {
            if (event instanceof GameEvent.Kill kill) {
                kills.add(new ReplayFile.Kill(world.tick(), kill.killerId(), kill.victimId()));
            }
        }
    }

    /**
     * A complete fragment that starts in {@code round}: a new file when the round is new.
     *
     * @param roster the roster as of the fragment's end, for the names of the final scores
     */
    void fragment(Fragment fragment, int round, ServerMessage.Roster roster) {
        lastRoster = roster;
        if (round != fileRound) {
            if (fileRound != -1) {
                finishFile();
            }
            fileRound = round;
            fileFirstTick = fragment.firstTick();
            kills.removeIf(kill -> kill.tick() <= fileFirstTick);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            ReplayHeader header = header(fragment, round, now);
            String name = "lancers-" + matchId + "-" + FILE_DATE.format(now) + "Z-r" + round;
            io.execute(() -> open(name, header));
        }
        fileLastTick = fragment.lastTick();
        io.execute(() -> append(fragment));
    }

    /** The room has stopped: the last, shorter fragment if any, then the trailer. */
    void close(Fragment last, int round, ServerMessage.Roster roster) {
        if (last != null) {
            fragment(last, round, roster);
        }
        if (fileRound != -1) {
            finishFile();
        }
    }

    private void finishFile() {
        World end = latest != null && latest.match().round() == fileRound || endOfPreviousRound == null
                ? latest : endOfPreviousRound;
        List<ReplayTrailer.Score> scores = scores(end, lastRoster);
        List<ReplayFile.Kill> fileKills = kills.stream()
                .filter(kill -> kill.tick() > fileFirstTick && kill.tick() <= fileLastTick).toList();
        io.execute(() -> finish(scores, fileKills));
    }

    private ReplayHeader header(Fragment fragment, int round, Instant date) {
        ServerMessage.Roster roster = fragment.full().control().roster();
        List<String> players = roster == null ? List.of()
                : roster.players().stream().map(ServerMessage.PlayerInfo::name).toList();
        return new ReplayHeader(ReplayFile.FORMAT_VERSION, serverVersion, ProtocolVersion.SUBPROTOCOL, matchId,
                fragment.full().info().mapId(), date.toString(), fragment.full().info().tickRate(),
                fragment.full().info().fragmentTicks(), round, players);
    }

    private static List<ReplayTrailer.Score> scores(World world, ServerMessage.Roster roster) {
        List<ReplayTrailer.Score> scores = new ArrayList<>();
        if (world != null) {
            for (Ship ship : world.ships()) {
                scores.add(new ReplayTrailer.Score(ship.id(), nameOf(roster, ship.id()), ship.kills(), ship.deaths()));
            }
        }
        scores.sort(Comparator.comparingInt(ReplayTrailer.Score::kills).reversed()
                .thenComparingInt(ReplayTrailer.Score::deaths).thenComparingInt(ReplayTrailer.Score::id));
        return scores;
    }

    private static String nameOf(ServerMessage.Roster roster, int id) {
        if (roster != null) {
            for (ServerMessage.PlayerInfo player : roster.players()) {
                if (player.id() == id) {
                    return player.name();
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the io thread

    private void open(String name, ReplayHeader header) {
        for (int attempt = 1; writer == null && attempt <= 9; attempt++) {
            Path candidate = dir.resolve(name + (attempt == 1 ? "" : "-" + attempt) + ".lrp");
            try {
                writer = ReplayWriter.create(candidate, header);
                file = candidate;
                LOG.info(() -> matchId + ": recording to " + candidate);
            } catch (FileAlreadyExistsException taken) {
                // next name
            } catch (IOException e) {
                LOG.log(Level.WARNING, matchId + ": cannot record to " + candidate + ": " + e.getMessage());
                return;
            }
        }
    }

    private void append(Fragment fragment) {
        if (writer == null) {
            return;
        }
        try {
            writer.append(fragment);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, matchId + ": recording to " + file + " stopped at fragment " + fragment.number()
                    + ": " + e.getMessage());
            closeQuietly();
        }
    }

    private void finish(List<ReplayTrailer.Score> scores, List<ReplayFile.Kill> fileKills) {
        if (writer == null) {
            return;
        }
        try {
            writer.finish(scores, fileKills);
            Path done = file;
            LOG.info(() -> matchId + ": recorded " + done);
        } catch (IOException e) {
            LOG.log(Level.WARNING, matchId + ": cannot finish " + file + ": " + e.getMessage());
            closeQuietly();
        }
        writer = null;
    }

    private void closeQuietly() {
        try {
            writer.close();
        } catch (IOException ignored) {
            // Already failing; the file stays readable up to its last complete fragment.
        }
        writer = null;
    }
}
