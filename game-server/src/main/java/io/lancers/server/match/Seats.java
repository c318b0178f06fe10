package io.lancers.server.match;

import io.lancers.bot.BotBrain;
import io.lancers.sim.Input;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Who is in one room: its players (humans and the bots that fill the room up), their ship ids,
 * colours, resume tokens and connections; a lost human's resume grace; the spectators. {@link Match}
 * decides when (its commands and tick phases); this class keeps the books. A player taking or
 * leaving a seat is reported to the room ({@code seated}, {@code vacated}), which adds or removes
 * its ship and tells everyone. Tick thread only.
 */
final class Seats {
    private static final Logger LOG = Logger.getLogger(Seats.class.getName());

    /** Ship ids are 1..65535 on the wire and never reused within a room's life. */
    private static final int MAX_PLAYER_ID = 65535;
    private static final String SPECTATOR_NAME = "Spectator";
    private static final List<String> BOT_NAMES = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald",
            "Margaret", "Ken", "Radia", "Linus", "Frances", "Niklaus", "Hedy", "Dennis", "Katherine", "Tony");

    private final Match room;
    private final MatchSettings settings;
    private final int graceTicks;
    private final int chatWindowTicks;
    private final Consumer<Player> seated;
    private final Consumer<Player> vacated;
    private final ResumeTokens tokens = new ResumeTokens();

    private final SortedMap<Integer, Player> players = new TreeMap<>();
    private final Set<Membership> spectators = new LinkedHashSet<>();
    private int nextPlayerId = 1;

    /**
     * @param room    the room the memberships handed out belong to
     * @param seated  a player (human or bot) took a seat: its ship enters the world
     * @param vacated a player left its seat for good: its ship leaves the world
     */
    Seats(Match room, MatchSettings settings, Consumer<Player> seated, Consumer<Player> vacated) {
        this.room = room;
        this.settings = settings;
        this.graceTicks = settings.rules().ticks(settings.resumeGraceSeconds());
        this.chatWindowTicks = settings.rules().ticks(settings.chat().windowSeconds());
        this.seated = seated;
        this.vacated = vacated;
    }

    // ------------------------------------------------------------------ reading

    /** The players by id, ascending, read live. */
    Map<Integer, Player> byId() {
        return Collections.unmodifiableMap(players);
    }

    /** The players in id order, read live. */
    Collection<Player> players() {
        return Collections.unmodifiableCollection(players.values());
    }

    /** The spectators in arrival order, read live. */
    Set<Membership> spectators() {
        return Collections.unmodifiableSet(spectators);
    }

    Player player(int id) {
        return players.get(id);
    }

    int humans() {
        return (int) players.values().stream().filter(p -> !p.bot()).count();
    }

    /** No seat for another human: {@code maxPlayers} humans, or the room used up its ship ids. */
    boolean full() {
        return humans() >= settings.maxPlayers() || nextPlayerId > MAX_PLAYER_ID;
    }

    boolean spectatorsFull() {
        return spectators.size() >= settings.maxSpectators();
    }

    boolean nameTaken(String name) {
        return players.values().stream().anyMatch(p -> p.name.equalsIgnoreCase(name));
    }

    /** The name chat shows for this membership's messages. */
    String name(Membership membership) {
        return membership.role() == Role.PLAYER ? players.get(membership.playerId()).name : SPECTATOR_NAME;
    }

    /** Whether the room still holds this connection (not left, lost, superseded or dropped). */
    boolean isCurrent(Membership membership) {
        if (membership.role() == Role.SPECTATOR) {
            return spectators.contains(membership);
        }
        Player player = players.get(membership.playerId());
        return player != null && player.membership == membership;
    }

    /** Compares with every human's token in constant time each; no early exit on a match. */
    Player byToken(String token) {
        Player found = null;
        if (token == null) {
            return null;
        }
        for (Player player : players.values()) {
            if (!player.bot() && ResumeTokens.same(player.resumeToken, token)) {
                found = player;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ arriving

    /** Seats a human (the caller checked {@link #full()} and the name), a bot making room if need be. */
    Membership seat(String name, Peer peer) {
        balanceBots(humans() + 1);
        Player player = addParticipant(name, false);
        return attach(player, peer);
    }

    /** Takes a spectator in (the caller checked {@link #spectatorsFull()}). */
    Membership watch(Peer peer) {
        Membership membership = new Membership(room, peer, Role.SPECTATOR, 0, newChatWindow(), null);
        spectators.add(membership);
        return membership;
    }

    /** Gives the player a new connection (a resume); it is online again. The old one is the caller's to close. */
    Membership attach(Player player, Peer peer) {
        Membership membership = new Membership(room, peer, Role.PLAYER, player.id, player.chat,
                new InputQueue(settings.inputs().queue()));
        player.membership = membership;
        player.online = true;
        return membership;
    }

    // ------------------------------------------------------------------ leaving

    /** Left on purpose: a spectator is removed; a player's seat is freed at once and a bot may take it. */
    void leave(Membership who) {
        if (who.role() == Role.SPECTATOR) {
            spectators.remove(who);
            LOG.info(() -> room.id() + ": spectator on " + who.peer.label() + " left");
        } else {
            Player player = players.get(who.playerId());
            LOG.info(() -> room.id() + ": " + player.name + " (" + player.id + ") left on " + who.peer.label());
            removeParticipant(player);
            balanceBots(humans());
        }
    }

    /** The host removed a human: its seat and token are gone at once, a bot may take the seat. */
    void kick(Player player) {
        removeParticipant(player);
        balanceBots(humans());
    }

    /**
     * Connection gone: a spectator is removed (null); a player goes offline, its ship idles and its
     * resume grace starts at {@code tick} (the player, to be announced).
     */
    Player lose(Membership who, int tick) {
        if (who.role() == Role.SPECTATOR) {
            spectators.remove(who);
            LOG.info(() -> room.id() + ": spectator on " + who.peer.label() + " lost");
            return null;
        }
        Player player = players.get(who.playerId());
        player.membership = null;
        player.online = false;
        player.graceEndsTick = tick + graceTicks;
        player.input = new Input(player.input.seq(), 0, player.input.aim());
        LOG.info(() -> room.id() + ": " + player.name + " (" + player.id + ") offline, was on " + who.peer.label()
                + "; resume grace until tick " + player.graceEndsTick);
        return player;
    }

    /** Offline humans whose grace is over at {@code tick} leave; bots fill their seats. */
    void expireResumeGrace(int tick) {
        List<Player> expired = players.values().stream()
                .filter(p -> !p.bot() && !p.online && tick >= p.graceEndsTick)
                .toList();
        for (Player player : expired) {
            LOG.info(() -> room.id() + ": " + player.name + " (" + player.id + ") did not come back, removed");
            removeParticipant(player);
        }
        if (!expired.isEmpty()) {
            balanceBots(humans());
        }
    }

    // ------------------------------------------------------------------ bots

    /** Bots fill the empty room (at its start). */
    void fillWithBots() {
        balanceBots(humans());
    }

    /**
     * Bots fill the room up to {@code botFill} participants, never beyond {@code maxPlayers}: with
     * {@code humans} humans there are {@code min(botFill, maxPlayers) - humans} bots, the newest
     * leaving first.
     */
    private void balanceBots(int humans) {
        int target = Math.max(0, Math.min(settings.botFill(), settings.maxPlayers()) - humans);
        List<Player> bots = players.values().stream().filter(Player::bot).toList();
        for (int i = bots.size() - 1; i >= target; i--) {
            Player bot = bots.get(i);
            LOG.info(() -> room.id() + ": " + bot.name + " (" + bot.id + ") makes room");
            removeParticipant(bot);
        }
        for (int i = bots.size(); i < target && nextPlayerId <= MAX_PLAYER_ID; i++) {
            Player bot = addParticipant(freeBotName(), true);
            LOG.info(() -> room.id() + ": " + bot.name + " (" + bot.id + ") fills a slot");
        }
    }

    private String freeBotName() {
        return BOT_NAMES.stream().map(n -> "Bot " + n).filter(n -> !nameTaken(n)).findFirst()
                .orElse("Bot " + nextPlayerId);
    }

    private long botSeed(int id) {
        return new SplittableRandom(settings.seed() + id).nextLong();
    }

    // ------------------------------------------------------------------ the books

    private Player addParticipant(String name, boolean bot) {
        int id = nextPlayerId++;
        Set<Integer> colorsInUse = players.values().stream().map(p -> p.color).collect(Collectors.toSet());
        int color = Colors.firstFree(colorsInUse);
        Player player = bot
                ? new Player(id, name, color, new BotBrain(botSeed(id), settings.botSkill()), null, null)
                : new Player(id, name, color, null, tokens.next(), newChatWindow());
        players.put(id, player);
        seated.accept(player);
        return player;
    }

    private void removeParticipant(Player player) {
        players.remove(player.id);
        vacated.accept(player);
    }

    private ChatWindow newChatWindow() {
        return new ChatWindow(settings.chat().perWindow(), chatWindowTicks);
    }
}
