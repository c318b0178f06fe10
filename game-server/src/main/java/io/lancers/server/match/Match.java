package io.lancers.server.match;

import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.GameMode;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import io.lancers.sim.ShipHistory;
import io.lancers.sim.Simulation;
import io.lancers.sim.Team;
import io.lancers.sim.Teams;
import io.lancers.sim.World;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One room: its world, its tick loop (the phases of {@link #tick()}) and the commands it applies.
 * Who is in the room (players, bots, spectators, resume tokens and grace) is {@link Seats}' to keep.
 *
 * <p>Threads: network threads only enqueue (the public request methods and {@link Membership});
 * everything else happens in {@link #tick()}, on the room's tick thread ({@link #start()}) or, in
 * tests, on the test's thread. The tick does not send: its {@link FrameFanout} decides who gets
 * which frame (slow consumers, spectator delay) and queues the sends in an {@link Outbox}, which
 * hands them, in order per peer, to the room's sender threads ({@link SenderThreads}) (in
 * tests, run inline). What the room tells everyone in words (presence and match-cycle notices,
 * rosters) is {@link Announcements}'; the map, the vote on the next one and the move to it are
 * {@link Rounds}'. Time inside the room is the tick count: grace periods, chat
 * windows and slow-consumer limits are measured in ticks.
 */
public final class Match {
    private static final Logger LOG = Logger.getLogger(Match.class.getName());

    /** Further behind than this, the tick loop restarts its schedule instead of catching up. */
    private static final int MAX_LAG_TICKS = 5;
    private static final long STOP_TIMEOUT_MILLIS = 2000;
    /** The {@code /status} phase of a room that stopped or failed. */
    private static final String CLOSED_PHASE = "closed";

    private final MatchSettings settings;
    private final MatchConfig config;
    /** The rules of the current round's map; a new round may move to another ({@link Rounds}). Tick thread. */
    private Simulation sim;
    private final Clock wallClock;
    private final StateEncoder encoder;

    private final BlockingQueue<Command> commands;
    /** The commands one tick applies: one list for every tick (a thousand spectators' pings alone are a thousand commands a second). */
    private final List<Command> commandBatch = new ArrayList<>();
    private final Queue<Command.Departure> departures = new ConcurrentLinkedQueue<>();
    private final TickMetrics metrics;
    private final SenderThreads senders;
    private final FrameFanout fanout;
    private final Announcements announcements;
    private final Seats seats;
    private final Rounds rounds;
    /** Where ships were, for shots rewound to their shooter's view; as many ticks as the cap (tick thread). */
    private ShipHistory shipHistory;

    // Tick thread only.
    private World world;

    /** What other threads may read: the lobby line and the status players, renewed every tick. */
    private volatile Published published;
    private volatile boolean running;
    private volatile boolean stopped;
    private Thread thread;

    /** Each phase as the lobby line and /status name it. */
    private static final String[] PHASE_NAMES = Arrays.stream(MatchPhase.values())
            .map(phase -> phase.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private record Published(ServerMessage.MatchInfo info, int round, List<MatchStatus.PlayerStatus> players) {
    }

    /** A room playing the built-in map {@code settings.mapId()}. */
    public Match(MatchSettings settings) {
        this(settings, StreamTap.NONE);
    }

    /** A room whose stream also goes to {@code tap} (broadcast, recording). */
    public Match(MatchSettings settings, StreamTap tap) {
        this(settings, MapLoader.load(settings.mapId()), Clock.systemUTC(), StateEncoder.CODEC, tap,
                SenderThreads.start(settings.id()));
    }

    /**
     * @param senders each runs its share of each tick's sends, one batch at a time in order
     *                ({@code Runnable::run} in tests); {@link ExecutorService}s are shut down by {@link #stop()}
     */
    Match(MatchSettings settings, ArenaMap map, Clock wallClock, StateEncoder encoder, Executor... senders) {
        this(settings, map, wallClock, encoder, StreamTap.NONE, SenderThreads.of(senders));
    }

    private Match(MatchSettings settings, ArenaMap map, Clock wallClock, StateEncoder encoder, StreamTap tap,
                  SenderThreads senders) {
        this.settings = settings;
        this.config = settings.rules();
        this.sim = new Simulation(map, config);
        this.wallClock = wallClock;
        this.encoder = encoder;
        this.commands = new ArrayBlockingQueue<>(settings.commandQueue());
        this.metrics = new TickMetrics(config.tickRate());
        this.senders = senders;
        this.seats = new Seats(this, settings, this::seated, this::vacated);
        this.fanout = new FrameFanout(settings.id(), settings, encoder, tap, new Outbox(senders.lanes()),
                seats.players(), seats.spectators());
        this.announcements = new Announcements(settings.id(), config, fanout, seats.byId(), seats.spectators());
        this.rounds = new Rounds(settings, map, tap, fanout, seats, announcements);
        this.world = sim.newMatch(settings.seed(), 0, 1);
        this.shipHistory = new ShipHistory(settings.inputs().rewindTicks(config.tickRate()));
        seats.fillWithBots();
        announcements.forgetNotices(); // nobody is here yet to be told about the first bots
        publish();
    }

    public String id() {
        return settings.id();
    }

    public MatchSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ requests (any thread)

    /** Joins as a player; completes on the tick thread, or fails with INVALID_NAME or MATCH_FULL. */
    public CompletableFuture<Membership> join(String name, Peer peer) {
        return request(new Command.Join(name, peer, new CompletableFuture<>()));
    }

    /** Watches the match; completes on the tick thread, or fails with MATCH_FULL. */
    public CompletableFuture<Membership> spectate(Peer peer) {
        return request(new Command.Spectate(peer, new CompletableFuture<>()));
    }

    /** Takes a player back by its token; completes on the tick thread, or fails with RESUME_REJECTED. */
    public CompletableFuture<Membership> resume(String token, Peer peer) {
        return request(new Command.Resume(token, peer, new CompletableFuture<>()));
    }

    /** The lobby's line for this match, as of the last tick. */
    public ServerMessage.MatchInfo info() {
        return published.info();
    }

    public MatchStatus status() {
        Published p = published;
        return new MatchStatus(id(), p.info().mapId(), settings.tickRate(), stopped ? CLOSED_PHASE : p.info().phase(),
                p.round(), p.players(),
                p.info().spectators(), metrics.tickMillis(50), metrics.tickMillis(99), metrics.startLateMillis(50),
                metrics.startLateMillis(99), metrics.maxStartLateMillis(), metrics.bytesPerSecond(),
                metrics.bytesTotal());
    }

    private CompletableFuture<Membership> request(Command.Request request) {
        if (stopped) {
            request.reply().completeExceptionally(closedRefusal(request));
        } else if (!commands.offer(request)) {
            LOG.warning(() -> id() + ": command queue full, refused a request from " + request.peer().label());
            request.reply().completeExceptionally(new MatchException(ErrorCode.MATCH_FULL,
                    "The match is busy, try again"));
        } else if (stopped) {
            failPendingRequests(); // stop() drained the queue before this request got in
        }
        return request.reply();
    }

    /** A host's order; completes on the tick thread, or fails (NO_SUCH_PLAYER, NO_SUCH_MAP, WRONG_PHASE). */
    CompletableFuture<Void> order(Command.HostOrder order) {
        if (stopped || !commands.offer(order)) {
            order.done().completeExceptionally(new MatchException(ErrorCode.NO_SUCH_MATCH, "The match is closed or busy"));
        }
        return order.done();
    }

    /** Chat, resync and pings: dropped when the queue is full, which only a flood can cause. */
    void enqueue(Command command) {
        if (!commands.offer(command)) {
            LOG.fine(() -> id() + ": command queue full, dropped " + command.getClass().getSimpleName());
        }
    }

    void depart(Command.Departure departure) {
        departures.add(departure);
    }

    // ------------------------------------------------------------------ the tick

    /**
     * One tick, always in this order:
     * <ol>
     *   <li>apply commands: joins, spectates, resumes, chat, resyncs, pings, then leaves and lost
     *       connections (answers to the asker — joined, left, error — go out at once);</li>
     *   <li>expire resume graces: those players leave;</li>
     *   <li>announce the roster and notices of 1–2, so a newcomer sees joined → roster → notice →
     *       snapshot; then collect inputs: up to the cap per player, merged; bots decide;</li>
     *   <li>step the simulation, shots rewound to their shooter's view tick (at most the
     *       cap) against the recorded positions of the last ticks;</li>
     *   <li>encode and frame: one delta against the previous tick, which every receiver that keeps
     *       up has; for receivers that fell behind (skipped ticks, recovered from lagging) one delta
     *       per older base still in the ring of recent worlds; one snapshot if anyone needs it (new,
     *       resumed, resync, base gone from the ring); each at most once;</li>
     *   <li>broadcast: the same bytes to every receiver with the same base; lagging ones get nothing, hopeless
     *       ones are closed (4003). With a spectator delay of D ticks, spectators get the frames of tick
     *       t − D instead (built as in 5, from {@link SpectatorDelay}), after a new map's {@code joined} that
     *       was held for tick t − D, and then the chat and notices held since;</li>
     *   <li>announce what 4–6 changed: match cycle notices, offline notices, ping rosters;</li>
     *   <li>hand everything 1–7 queued to the sender, in order; metrics: tick duration (without
     *       the sending), bytes queued; publish the lobby line and status.</li>
     * </ol>
     */
    public void tick() {
        long started = System.nanoTime();
        World base = world; // what every receiver has: the base of this tick's delta

        applyCommands();                                  // 1
        seats.expireResumeGrace(world.tick());            // 2
        announcements.announce(world.tick());             // 3
        Teams teams = teams();
        Map<Integer, Input> inputs = collectInputs(teams);

        shipHistory.record(world);
        World next = sim.step(world, inputs, shipHistory, teams); // 4
        world = next.match().round() == base.match().round() ? next : nextRound(next);
        next = world;

        fanout.frames(base, next, this::lose);            // 5–6

        announcements.matchCycle(base.match(), next, teams); // 7
        if (base.match().phase() == MatchPhase.PLAYING && next.match().phase() == MatchPhase.INTERMISSION) {
            rounds.ended(next);
        }
        announcements.announce(world.tick());

        long bytes = fanout.flush();                      // 8
        metrics.record(System.nanoTime() - started, bytes);
        publish();
    }

    World world() {
        return world;
    }

    // ------------------------------------------------------------------ 1. commands

    private void applyCommands() {
        commands.drainTo(commandBatch);
        try {
            for (Command command : commandBatch) {
                apply(command);
            }
        } finally {
            commandBatch.clear();
        }
        for (Command.Departure departure; (departure = departures.poll()) != null; ) {
            applyDeparture(departure);
        }
    }

    private void apply(Command command) {
        if (command instanceof Command.Join join) {
            applyJoin(join);
        } else if (command instanceof Command.Spectate spectate) {
            applySpectate(spectate);
        } else if (command instanceof Command.Resume resume) {
            applyResume(resume);
        } else if (command instanceof Command.Chat chat) {
            applyChat(chat);
        } else if (command instanceof Command.Resync resync) {
            if (seats.isCurrent(resync.who())) {
                resync.who().baseTick = Membership.NO_BASE;
            }
        } else if (command instanceof Command.Ping ping) {
            applyPing(ping);
        } else if (command instanceof Command.Vote vote) {
            applyVote(vote);
        } else if (command instanceof Command.HostOrder order) {
            applyOrder(order);
        } else {
            // Exhaustive over the sealed family (Java 17 has no pattern switch); departures have their own queue.
            throw new IllegalStateException("unhandled command " + command);
        }
    }

    private void applyJoin(Command.Join join) {
        Optional<String> name = TextRules.playerName(join.name(), settings.maxNameLength());
        if (name.isEmpty()) {
            refuse(join, ErrorCode.INVALID_NAME,
                    "A name is 1 to " + settings.maxNameLength() + " characters, without control characters");
        } else if (seats.full()) {
            refuse(join, ErrorCode.MATCH_FULL, "The match is full");
        } else if (seats.nameTaken(name.get())) {
            refuse(join, ErrorCode.INVALID_NAME, "The name " + name.get() + " is taken in this match");
        } else {
            Membership membership = seats.seat(name.get(), join.peer());
            Player player = seats.player(membership.playerId());
            send(membership, rounds.joined(membership, player.resumeToken, false));
            LOG.info(() -> id() + ": " + player.name + " joined as player " + player.id + " on "
                    + join.peer().label() + ", token " + ResumeTokens.redact(player.resumeToken));
            join.reply().complete(membership);
        }
    }

    private void applySpectate(Command.Spectate spectate) {
        if (seats.spectatorsFull()) {
            refuse(spectate, ErrorCode.MATCH_FULL, "No more room for spectators");
            return;
        }
        Membership membership = seats.watch(spectate.peer());
        announcements.rosterChanged();
        fanout.send(membership, rounds.spectatorsJoined());
        if (fanout.spectatorsDelayed()) {
            send(membership, Announcements.spectatorDelay(settings.spectatorDelaySeconds()));
        }
        LOG.info(() -> id() + ": spectator joined on " + spectate.peer().label());
        spectate.reply().complete(membership);
    }

    private void applyResume(Command.Resume resume) {
        Player player = seats.byToken(resume.token());
        if (player == null) {
            refuse(resume, ErrorCode.RESUME_REJECTED, "Unknown or expired resume token");
            return;
        }
        Membership old = player.membership;
        if (old != null) {
            old.detach();
            fanout.close(old, CloseCodes.SUPERSEDED, "superseded by a new connection");
            LOG.info(() -> id() + ": " + player.name + " on " + old.peer.label() + " superseded by "
                    + resume.peer().label());
        }
        boolean wasOffline = !player.online;
        Membership membership = seats.attach(player, resume.peer());
        send(membership, rounds.joined(membership, player.resumeToken, true));
        announcements.rosterChanged(); // the new connection needs the roster even if nothing changed
        if (wasOffline) {
            announcements.back(player);
        }
        LOG.info(() -> id() + ": " + player.name + " (" + player.id + ") resumed on " + resume.peer().label()
                + ", token " + ResumeTokens.redact(player.resumeToken));
        resume.reply().complete(membership);
    }

    private void applyChat(Command.Chat chat) {
        Membership from = chat.from();
        if (!seats.isCurrent(from)) {
            return;
        }
        String text = TextRules.chatText(chat.text());
        int length = TextRules.length(text);
        MatchSettings.ChatLimits limits = settings.chat();
        if (length == 0 || length > limits.maxLength()) {
            send(from, error(ErrorCode.INVALID_CHAT, "A chat message is 1 to " + limits.maxLength() + " characters"));
        } else if (!from.chatWindow.tryAcquire(world.tick())) {
            send(from, error(ErrorCode.RATE_LIMITED, "At most " + limits.perWindow() + " messages per "
                    + Math.round(limits.windowSeconds()) + " seconds"));
        } else {
            fanout.broadcast(new ServerMessage.Chat(from.playerId(), seats.name(from), text, wallClock.millis()),
                    world.tick());
        }
    }

    private void applyPing(Command.Ping ping) {
        Membership who = ping.who();
        if (seats.isCurrent(who)) { // only players' pings come (Membership.pingMeasured)
            Player player = seats.player(who.playerId());
            int ms = Math.max(0, ping.ms());
            if (player.pingMs != ms) {
                announcements.pingChanged();
            }
            player.pingMs = ms;
        }
    }

    private void applyVote(Command.Vote vote) {
        Membership from = vote.who();
        if (seats.isCurrent(from)) {
            rounds.vote(from, vote.mapId(), world);
        }
    }

    private void applyOrder(Command.HostOrder order) {
        if (order instanceof Command.Kick kick) {
            Player player = seats.player(kick.playerId());
            if (player == null || player.bot()) {
                order.done().completeExceptionally(new MatchException(ErrorCode.NO_SUCH_PLAYER,
                        "No human player " + kick.playerId() + " in " + id()));
                return;
            }
            if (player.membership != null) {
                player.membership.detach();
                fanout.close(player.membership, CloseCodes.KICKED, "kicked by the host");
            }
            LOG.info(() -> id() + ": " + player.name + " (" + player.id + ") kicked by the host");
            seats.kick(player);
            announcements.host("The host kicked " + player.name);
        } else if (order instanceof Command.PickNextMap pick) {
            Optional<MatchException> refused = rounds.hostPick(pick.mapId(), world);
            if (refused.isPresent()) {
                order.done().completeExceptionally(refused.get());
                return;
            }
        } else if (order instanceof Command.EndRound) {
            if (world.match().phase() != MatchPhase.PLAYING) {
                order.done().completeExceptionally(new MatchException(ErrorCode.WRONG_PHASE,
                        "The match is over already; the next one starts soon"));
                return;
            }
            // The match's end is due now: the next step ends it as if its time were up.
            MatchState m = world.match();
            world = new World(world.tick(), new MatchState(m.phase(), world.tick() + 1, m.killLimit(), m.seed(),
                    m.nextProjectileId(), m.round(), m.teamScores()), world.ships(), world.projectiles(), world.pickups(),
                    world.events());
            announcements.host("The host ended the match");
        } else {
            throw new IllegalStateException("unhandled order " + order);
        }
        order.done().complete(null);
    }

    private void applyDeparture(Command.Departure departure) {
        Membership who = departure.who();
        if (!seats.isCurrent(who)) {
            return; // superseded, dropped as a slow consumer, or gone already
        }
        if (departure.connectionLost()) {
            lose(who);
            return;
        }
        send(who, new ServerMessage.Left(id(), "left"));
        if (who.role() == Role.SPECTATOR) {
            announcements.rosterChanged();
        }
        seats.leave(who);
    }

    /** Connection gone: a spectator is removed; a player goes offline, its ship idles, the grace starts. */
    private void lose(Membership who) {
        Player player = seats.lose(who, world.tick());
        if (player == null) {
            announcements.rosterChanged();
        } else {
            announcements.offline(player);
        }
    }

    private void refuse(Command.Request request, ErrorCode code, String message) {
        LOG.info(() -> id() + ": refused " + request.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                + " from " + request.peer().label() + ": " + code.wire() + " (" + message + ")");
        request.reply().completeExceptionally(new MatchException(code, message));
    }

    // ------------------------------------------------------------------ seats taken and freed

    private void seated(Player player) {
        if (config.mode() == GameMode.TDM) {
            player.team = currentTeams().forNewcomer(world);
        }
        world = sim.addShip(world, player.id);
        announcements.joined(player);
    }

    // ------------------------------------------------------------------ teams

    /**
     * Who plays for which team this tick (NONE in free-for-all). On the tick a new match starts,
     * uneven teams are evened out first (newest bots change sides first), so everybody spawns with
     * the side they play for, and the roster tells it before the match's first frame.
     */
    private Teams teams() {
        if (config.mode() != GameMode.TDM) {
            return Teams.NONE;
        }
        Teams teams = currentTeams();
        boolean matchStarts = world.match().phase() == MatchPhase.INTERMISSION
                && world.tick() + 1 >= world.match().phaseEndTick();
        if (matchStarts) {
            Teams balanced = teams.balanced(id -> seats.player(id).bot());
            if (!balanced.equals(teams)) {
                seats.players().forEach(p -> p.team = balanced.of(p.id));
                announcements.rosterChanged();
                announcements.announce(world.tick());
                LOG.info(() -> id() + ": teams evened out, " + balanced.count(Team.RED) + " red, "
                        + balanced.count(Team.BLUE) + " blue");
            }
            return balanced;
        }
        return teams;
    }

    private Teams currentTeams() {
        Map<Integer, Team> byShip = new HashMap<>();
        for (Player p : seats.players()) {
            if (p.team != Team.NONE) {
                byShip.put(p.id, p.team);
            }
        }
        return new Teams(byShip);
    }

    private void vacated(Player player) {
        world = sim.removeShip(world, player.id);
        announcements.left(player);
        rounds.forget(player.id, world);
    }

    // ------------------------------------------------------------------ 3. inputs

    private Map<Integer, Input> collectInputs(Teams teams) {
        Map<Integer, Input> inputs = new HashMap<>();
        int cap = settings.inputs().perTick();
        for (Player player : seats.players()) {
            if (player.bot()) {
                player.input = player.brain.decide(world, player.id, rounds.map(), config, teams);
            } else if (player.membership != null) {
                player.input = player.membership.inputs().drain(cap, player.input);
            }
            inputs.put(player.id, player.input);
        }
        return inputs;
    }

    // ------------------------------------------------------------------ between rounds

    /**
     * A new round began in {@code started}: the ballot names its map. On another map the round
     * starts again there: a fresh world with every participant due to spawn, and every receiver
     * gets {@code joined} with the new map and then a snapshot (docs/PROTOCOL.md §18.3); delayed
     * spectators when their frames reach the new round, so that their map and their world change together.
     */
    private World nextRound(World started) {
        if (!rounds.moveOn(started)) {
            return started;
        }
        sim = new Simulation(rounds.map(), config);
        shipHistory = new ShipHistory(settings.inputs().rewindTicks(config.tickRate()));
        World fresh = sim.newMatch(started.match().seed(), started.tick(), started.match().round());
        for (Player player : seats.players()) {
            fresh = sim.addShip(fresh, player.id);
        }
        rounds.rejoin(fresh);
        return fresh;
    }

    // ------------------------------------------------------------------ replies

    private static ServerMessage.Error error(ErrorCode code, String message) {
        return new ServerMessage.Error(code.wire(), message);
    }

    private void send(Membership receiver, ServerMessage message) {
        fanout.send(receiver, message);
    }

    // ------------------------------------------------------------------ 8. metrics, status

    private void publish() {
        // Players and ships are both in id order, so one walk pairs them. A map of the ships and the phase's
        // name lowered every tick were most of what C2 compiled for this, late in the fan-out bench's window.
        List<Ship> ships = world.ships();
        int s = 0;
        List<MatchStatus.PlayerStatus> statuses = new ArrayList<>(seats.players().size());
        int bots = 0;
        for (Player p : seats.players()) {
            while (s < ships.size() && ships.get(s).id() < p.id) {
                s++;
            }
            Ship ship = s < ships.size() && ships.get(s).id() == p.id ? ships.get(s) : null;
            statuses.add(new MatchStatus.PlayerStatus(p.id, p.name, ship == null ? 0 : ship.kills(),
                    ship == null ? 0 : ship.deaths(), p.online, p.bot(), p.pingMs));
            bots += p.bot() ? 1 : 0;
        }
        String phase = PHASE_NAMES[world.match().phase().ordinal()];
        ArenaMap map = rounds.map();
        ServerMessage.MatchInfo info = new ServerMessage.MatchInfo(id(), map.id(), map.name(), phase,
                statuses.size() - bots, settings.maxPlayers(), bots, seats.spectators().size(), settings.tickRate(),
                config.mode().wire());
        published = new Published(info, world.match().round(), statuses);
    }

    // ------------------------------------------------------------------ the tick thread

    /** Starts the tick thread {@code match-<id>-tick}, ticking at the configured rate, its priority left alone. */
    public void start() {
        start(new TickPriority.Normal());
    }

    /**
     * As {@link #start()}, the tick thread at {@code priority}, or the next fallback the OS allows
     * ({@link TickPriority}); it says once in the log what it got and what was refused.
     */
    public synchronized void start(TickPriority priority) {
        if (thread != null) {
            throw new IllegalStateException(id() + " already started");
        }
        String name = "match-" + id() + "-tick";
        TickScheduler scheduler = new TickScheduler(name, settings.tickRate(), MAX_LAG_TICKS, System::nanoTime,
                LockSupport::parkNanos);
        running = true;
        thread = new Thread(() -> {
            TickPriority.Outcome outcome = priority.applyToCallingThread();
            LOG.info(() -> id() + ": " + outcome.describe() + (outcome.refused().isEmpty() ? ""
                    : ": its ticks may start late on a busy machine (--tick-priority)"));
            scheduler.run(this::tickSafely, () -> running);
        }, name);
        thread.setDaemon(true);
        thread.start();
        LOG.info(() -> id() + ": started on " + rounds.map().id() + " at " + settings.tickRate() + " Hz");
    }

    /**
     * Stops the tick thread, then the senders once they have sent what the last ticks queued; requests
     * still queued fail with NO_SUCH_MATCH. Sockets are the net layer's.
     */
    public void stop() {
        Thread ticking;
        synchronized (this) {
            running = false;
            ticking = thread;
        }
        if (ticking != null) {
            LockSupport.unpark(ticking);
            try {
                ticking.join(STOP_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.stop(STOP_TIMEOUT_MILLIS);
        stopped = true;
        failPendingRequests();
        LOG.info(() -> id() + ": stopped");
    }

    /**
     * A failing tick is logged and the room carries on: one bad tick must not end every game in it.
     * An {@link Error} (out of memory, stack overflow, a broken invariant) leaves the room in no
     * state to go on: it closes instead of freezing behind live heartbeats.
     */
    private void tickSafely(long startLateNanos) {
        metrics.recordStartLateness(startLateNanos);
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, id() + ": tick " + world.tick() + " failed", e);
        } catch (Error e) {
            LOG.log(Level.SEVERE, id() + ": tick " + world.tick() + " failed beyond repair, the room closes", e);
            closeAfterFailure();
        }
    }

    /**
     * Ends the tick loop and tells every connection at once (1011; from the tick thread, as the
     * senders may be what broke); requests fail as after {@link #stop()}, and the lobby no longer
     * lists the room.
     */
    private void closeAfterFailure() {
        running = false;
        stopped = true;
        for (Membership receiver : fanout.receivers()) {
            receiver.detach();
            receiver.peer.close(CloseCodes.INTERNAL_ERROR, "match failed");
        }
        senders.abandon();
        failPendingRequests();
    }

    /** Stopped or failed: no longer in the lobby, refuses every request. */
    public boolean closed() {
        return stopped;
    }

    private void failPendingRequests() {
        for (Command command; (command = commands.poll()) != null; ) {
            if (command instanceof Command.Request request) {
                request.reply().completeExceptionally(closedRefusal(request));
            }
        }
    }

    /** A closed room knows no token: a resume is rejected, so the registry asks the next room. */
    private static MatchException closedRefusal(Command.Request request) {
        return request instanceof Command.Resume
                ? new MatchException(ErrorCode.RESUME_REJECTED, "Unknown or expired resume token")
                : new MatchException(ErrorCode.NO_SUCH_MATCH, "The match has closed");
    }

}
