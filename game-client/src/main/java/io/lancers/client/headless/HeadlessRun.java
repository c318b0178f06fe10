package io.lancers.client.headless;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lancers.bot.BotBrain;
import io.lancers.client.net.ConnectionListener;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.tls.CertificateRefusal;
import io.lancers.client.net.GameConnection;
import io.lancers.client.net.NetStats;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Teams;
import io.lancers.sim.World;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * N clients in one process over real {@link GameConnection}s: each plays (joins the first match
 * with room and lets a {@link BotBrain} drive its inputs from the received worlds, at the match's
 * tick rate) or spectates. Prints one
 * JSON line per connection event and, at the end, a summary line with per-client and total figures.
 *
 * <pre>
 * {"t":812,"client":"bot2","event":"state","state":"IN_MATCH","detail":"joined m1 as player 2"}
 * {"t":3004,"event":"summary","clients":[{"client":"bot1","state":"CLOSED","frames":176,...}],"total":{...}}
 * </pre>
 * {@code t} is milliseconds since the run started.
 */
public final class HeadlessRun {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    /** Middling aim and reactions: enough to fight, not a benchmark of the AI. */
    private static final float PILOT_SKILL = 0.5f;

    private final HeadlessOptions options;
    private final long startNanos = System.nanoTime();

    /** Figures of one client at the end of the run; the total has the client name "total" and no state. */
    public record ClientReport(String client, String state, long frames, long bytesReceived, long bytesSent,
                               long gaps, long resyncs, long reconnects, long resumes, int pingMs) {
    }

    /** The run's result, as printed in the summary line. */
    public record Summary(List<ClientReport> clients, ClientReport total) {
        public Summary {
            clients = List.copyOf(clients);
        }
    }

    private HeadlessRun(HeadlessOptions options) {
        this.options = options;
    }

    /** Runs for {@code options.duration()} (less if every client ended early) and returns the summary it printed. */
    public static Summary run(HeadlessOptions options) throws InterruptedException {
        return new HeadlessRun(options).run();
    }

    private Summary run() throws InterruptedException {
        ScheduledExecutorService pilots = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lancers-headless-pilots");
            t.setDaemon(true);
            return t;
        });
        List<Bot> bots = new ArrayList<>();
        try {
            for (int i = 1; i <= options.bots(); i++) {
                Bot bot = new Bot(options.namePrefix() + i, pilots);
                bots.add(bot);
                bot.connection.connect();
            }
            long deadline = System.nanoTime() + options.duration().toNanos();
            while (System.nanoTime() < deadline && !bots.stream().allMatch(b -> b.connection.state().terminal())) {
                TimeUnit.MILLISECONDS.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } finally {
            for (Bot b : bots) {
                b.closing = true;
                b.connection.close();
            }
            pilots.shutdownNow();
        }
        Summary summary = summarise(bots);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("t", elapsedMillis());
        line.put("event", "summary");
        line.put("clients", summary.clients());
        line.put("total", summary.total());
        options.out().println(GSON.toJson(line));
        return summary;
    }

    private static Summary summarise(List<Bot> bots) {
        List<ClientReport> reports = new ArrayList<>();
        long frames = 0, in = 0, out = 0, gaps = 0, resyncs = 0, reconnects = 0, resumes = 0;
        for (Bot b : bots) {
            NetStats s = b.connection.stats();
            reports.add(new ClientReport(b.name, b.finalState, s.framesReceived(), s.bytesReceived(),
                    s.bytesSent(), s.gaps(), s.resyncs(), s.reconnects(), s.resumes(), s.pingMs()));
            frames += s.framesReceived();
            in += s.bytesReceived();
            out += s.bytesSent();
            gaps += s.gaps();
            resyncs += s.resyncs();
            reconnects += s.reconnects();
            resumes += s.resumes();
        }
        return new Summary(reports, new ClientReport("total", null, frames, in, out, gaps, resyncs, reconnects,
                resumes, -1));
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void print(String client, String event, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("t", elapsedMillis());
        line.put("client", client);
        line.put("event", event);
        for (int i = 0; i < keyValues.length; i += 2) {
            line.put((String) keyValues[i], keyValues[i + 1]);
        }
        options.out().println(GSON.toJson(line));
    }

    /** One client: its connection, what it knows of its match, and its pilot's timer. */
    private final class Bot implements ConnectionListener {
        final String name;
        final GameConnection connection;
        private final ScheduledExecutorService pilots;
        /** The state the run left it in (before our own close at the end), for the summary. */
        volatile String finalState = ConnectionState.CONNECTING.logName();
        /** Set before the run closes the connection: that close is not the client's fate. */
        volatile boolean closing;
        private volatile World world;
        /** Who is on which team (the last roster): a pilot never shoots at its own. */
        private volatile Teams teams = Teams.NONE;
        private ScheduledFuture<?> pilot;
        // Only touched by listener calls, which the connection makes one at a time.
        private final Set<String> refusedAsFull = new HashSet<>();
        private String pendingJoin;

        Bot(String name, ScheduledExecutorService pilots) {
            this.name = name;
            this.pilots = pilots;
            this.connection = new GameConnection(options.server(), name, this, options.trust());
        }

        @Override
        public void onCertificateRefused(CertificateRefusal refusal) {
            print(name, "certificate", "address", refusal.address(), "sha256", refusal.presented().toString(),
                    "changed", refusal.changed());
        }

        @Override
        public void onState(ConnectionState state, String detail) {
            if (!closing) {
                finalState = state.logName();
            }
            print(name, "state", "state", state.logName(), "detail", detail);
            if (state != ConnectionState.IN_MATCH) {
                stopPilot();
            }
            if (state == ConnectionState.LOBBY || state == ConnectionState.RESUME_REFUSED) {
                if (options.spectateMatch() != null) {
                    connection.spectate(options.spectateMatch());
                } else {
                    connection.listMatches();
                }
            }
        }

        @Override
        public void onReconnectAttempt(int attempt, Duration delay) {
            print(name, "reconnect", "attempt", attempt, "delayMs", delay.toMillis());
        }

        @Override
        public void onWelcome(ServerMessage.Welcome welcome) {
            print(name, "welcome", "server", welcome.serverName(), "version", welcome.serverVersion());
        }

        @Override
        public void onMatchList(ServerMessage.MatchList list) {
            ServerMessage.MatchInfo choice = null;
            for (ServerMessage.MatchInfo m : list.matches()) {
                if (m.players() < m.maxPlayers() && !refusedAsFull.contains(m.id())) {
                    choice = m;
                    break;
                }
            }
            if (choice == null) {
                print(name, "noMatch", "matches", list.matches().size());
                return;
            }
            pendingJoin = choice.id();
            connection.join(choice.id());
        }

        @Override
        public void onJoined(ServerMessage.Joined joined) {
            print(name, "joined", "match", joined.matchId(), "role", joined.role(), "playerId", joined.playerId(),
                    "resumed", joined.resumed());
            pendingJoin = null;
            refusedAsFull.clear();
            world = null; // a world of the match we were in before is no use to the new brain
            if (joined.playerId() != 0) {
                startPilot(joined);
            }
        }

        @Override
        public void onError(ServerMessage.Error error) {
            print(name, "error", "code", error.code(), "message", error.message());
            if (ErrorCode.MATCH_FULL.wire().equals(error.code()) && pendingJoin != null) {
                // Many bots read the same list at once and pick the same room: try the next one.
                refusedAsFull.add(pendingJoin);
                pendingJoin = null;
                connection.listMatches();
            }
        }

        @Override
        public void onLeft(ServerMessage.Left left) {
            print(name, "left", "match", left.matchId(), "reason", left.reason());
        }

        @Override
        public void onWorld(World w) {
            world = w;
        }

        @Override
        public void onRoster(ServerMessage.Roster roster) {
            teams = ServerMessage.Roster.teamsOf(roster.players());
        }

        /** One brain per match joined; it runs only on the pilots thread, as it is not thread-safe. */
        private synchronized void startPilot(ServerMessage.Joined joined) {
            stopPilot();
            BotBrain brain = new BotBrain(name.hashCode(), PILOT_SKILL);
            MatchConfig config = joined.matchConfig();
            // Fixed delay, not fixed rate: after a stall a fixed rate fires the missed runs back to
            // back, and a burst of inputs can overflow the server's input queue (1008).
            pilot = pilots.scheduleWithFixedDelay(() -> {
                World w = world;
                if (w != null) {
                    Input move = brain.decide(w, joined.playerId(), joined.map(), config, teams);
                    connection.sendInput(move.buttons(), move.aim(), w.tick()); // it looks at the newest world
                }
            }, 0, 1_000_000_000L / joined.tickRate(), TimeUnit.NANOSECONDS);
        }

        private synchronized void stopPilot() {
            if (pilot != null) {
                pilot.cancel(false);
                pilot = null;
            }
        }
    }
}
