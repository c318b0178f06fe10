package io.lancers.sim;

import io.lancers.map.ArenaMap;
import io.lancers.map.PickupSpot;
import io.lancers.map.SpawnPoint;
import io.lancers.map.Wall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rules: a pure, deterministic step from one {@link World} to the next.
 *
 * <p>Nothing here reads a clock or a random generator, and ships are always processed in id
 * order, so the same world and inputs give the same next world on every machine; the client
 * predicts its own ship with {@link #moveShip}, the very code {@link #step} moves ships with.
 *
 * <p>A step from tick T computes the state at {@code now = T + 1}, in this order: move ships,
 * separate touching ships, fly projectiles (hits, kills), fire, credit the kills to the teams, take
 * pickups, respawn the dead, end the phase if due; finally every quantity is snapped to the
 * {@link Quantum} grid.
 *
 * <p>In a {@linkplain GameMode#TDM team match} the {@link Teams} given to the step decide who is an
 * enemy: without {@linkplain MatchConfig#friendlyFire() friendly fire} shots fly through teammates,
 * killing a teammate scores nothing, a kill counts for the killer's team in the match's
 * {@link TeamScores} (kept there, not summed from ships, so it stays when a player leaves), ships
 * respawn away from enemies (on their team's spawn points where the map tags any), and the kill
 * limit is a team's score.
 */
public final class Simulation {
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    /** Ships move in sub-steps of at most this far, so a centre never gets inside a wall. */
    private static final float MAX_SUBSTEP = Rules.SHIP_RADIUS / 2;
    /** Rounds of pushing out of walls before a spot counts as too tight for a ship. */
    private static final int SETTLE_ROUNDS = 4;
    /** Overlaps smaller than this are float rounding, not contact (far below the position grid). */
    private static final float SETTLE_SLACK = 1e-3f;

    private final ArenaMap map;
    private final MatchConfig config;
    private final float dt;
    // Walls as flat arrays: the hot loops read nothing else.
    private final float[] wallMinX;
    private final float[] wallMinY;
    private final float[] wallMaxX;
    private final float[] wallMaxY;
    private final int fireCooldownTicks;
    private final int lanceChargeTicks;
    private final int projectileLifetimeTicks;
    private final int invulnerableTicks;
    private final int powerTicks;
    private final int respawnTicks;
    /** Per {@link Team} ordinal: the spawn points its ships use. */
    private final List<List<SpawnPoint>> spawnsByTeam;

    public Simulation(ArenaMap map, MatchConfig config) {
        if (map.spawns().isEmpty()) {
            throw new IllegalArgumentException("map " + map.id() + " has no spawn points");
        }
        if (map.width() > Rules.MAX_COORDINATE || map.height() > Rules.MAX_COORDINATE) {
            throw new IllegalArgumentException("map " + map.id() + " is larger than the wire can carry: "
                    + map.width() + "x" + map.height());
        }
        this.map = map;
        this.config = config;
        this.dt = config.dt();
        int n = map.walls().size();
        wallMinX = new float[n];
        wallMinY = new float[n];
        wallMaxX = new float[n];
        wallMaxY = new float[n];
        for (int i = 0; i < n; i++) {
            Wall w = map.walls().get(i);
            wallMinX[i] = w.x();
            wallMinY[i] = w.y();
            wallMaxX[i] = w.x() + w.width();
            wallMaxY[i] = w.y() + w.height();
        }
        fireCooldownTicks = Math.max(1, config.ticks(Rules.FIRE_COOLDOWN_SECONDS));
        lanceChargeTicks = Math.max(fireCooldownTicks, config.ticks(Rules.LANCE_CHARGE_SECONDS));
        projectileLifetimeTicks = Math.max(1, config.ticks(Rules.PROJECTILE_LIFETIME_SECONDS));
        invulnerableTicks = config.ticks(Rules.INVULNERABLE_SECONDS);
        powerTicks = config.ticks(Rules.POWER_SECONDS);
        respawnTicks = config.ticks(config.respawnSeconds());
        List<List<SpawnPoint>> byTeam = new ArrayList<>();
        for (Team team : Team.values()) {
            List<SpawnPoint> own = map.spawns().stream().filter(sp -> sp.team() == team).toList();
            byTeam.add(team == Team.NONE || own.isEmpty() ? map.spawns() : own);
        }
        spawnsByTeam = List.copyOf(byTeam);
    }

    public ArenaMap map() {
        return map;
    }

    public MatchConfig config() {
        return config;
    }

    /** A match with no ships yet, every pickup available, PLAYING until its duration is over. */
    public World newMatch(long seed, int startTick, int round) {
        MatchState state = new MatchState(MatchPhase.PLAYING, startTick + config.ticks(config.durationSeconds()),
                config.killLimit(), seed, 1, round);
        return new World(startTick, state, List.of(), List.of(), freshPickups(startTick), List.of());
    }

    /**
     * Adds a ship that is due to respawn: the next {@link #step} places it, invulnerable, at the
     * free spawn point and reports its {@link GameEvent.Spawn} among that step's events. The world
     * given here was usually published already, so its events are left alone. During INTERMISSION
     * too: the newcomer stands frozen at its spawn point like everybody else, and the next match
     * places it again with everybody.
     *
     * @throws IllegalArgumentException if a ship with that id exists or the id is out of 1..65535
     */
    public World addShip(World w, int shipId) {
        if (shipId < 1 || shipId > 65535) {
            throw new IllegalArgumentException("ship id must be 1..65535, was " + shipId);
        }
        int at = indexOf(w.ships(), shipId);
        if (at >= 0) {
            throw new IllegalArgumentException("ship " + shipId + " is already in the match");
        }
        Body ship = new Body(shipId); // dead (health 0) with no death counted
        ship.respawnTick = w.tick() + 1;
        List<Ship> ships = new ArrayList<>(w.ships());
        ships.add(-at - 1, ship.toShip());
        return new World(w.tick(), w.match(), ships, w.projectiles(), w.pickups(), w.events());
    }

    /** Removes a ship (its projectiles fly on); a world without that ship is returned unchanged. */
    public World removeShip(World w, int shipId) {
        int at = indexOf(w.ships(), shipId);
        if (at < 0) {
            return w;
        }
        List<Ship> ships = new ArrayList<>(w.ships());
        ships.remove(at);
        return new World(w.tick(), w.match(), ships, w.projectiles(), w.pickups(), w.events());
    }

    /**
     * Movement, aim, wall collision and trigger of one ship for one tick: exactly what {@link #step}
     * does to a living ship during PLAYING before it looks at other ships, including the cooldown
     * (holding FIRE when it is over, or LANCE when charged, sets {@code lastFireTick} to
     * {@code tick + 1}, and a lance spends one of {@code lanceCharges}: a ship fired a lance when its
     * charges went down; {@link #shot} is the projectile). During INTERMISSION step moves nobody, and neither does this. Dead ships do
     * not move. Also records {@code input.seq()} as the ship's last applied input.
     *
     * @param tick  the tick the ship is at (the step goes to {@code tick + 1})
     * @param match the match state at {@code tick}: its phase decides whether ships move at all
     */
    public Ship moveShip(Ship ship, Input input, int tick, MatchState match) {
        Body b = new Body(ship);
        b.lastInputSeq = input.seq();
        if (b.health > 0 && match.phase() == MatchPhase.PLAYING) {
            move(b, input.buttons(), input.aim());
            if (fires(input.buttons(), b.lastFireTick, b.lanceCharges, tick + 1)) {
                b.lastFireTick = tick + 1;
                b.lanceCharges -= lances(input.buttons(), b.lanceCharges) ? 1 : 0;
            }
        }
        return b.toShip();
    }

    /**
     * The projectile {@code shooter} fires at {@code now} from its nose (what {@link #step} spawns),
     * a lance or the gun's shot, with the given id and {@code spawnTick} (before {@code now} for a
     * shot already that far along its path); null when the nose is in a wall or outside the arena,
     * where the shot is spent.
     */
    public Projectile shot(Ship shooter, boolean lance, int id, int now, int spawnTick) {
        return shot(id, shooter.id(), shooter.x(), shooter.y(), shooter.aim(), lance, now < shooter.powerUntil(),
                spawnTick);
    }

    /** Ticks between two shots of one ship, at least 1. */
    public int fireCooldownTicks() {
        return fireCooldownTicks;
    }

    /**
     * The first tick at which {@code p} is no longer in the world if no ship is in its way: it met a
     * wall or the border on the way there, or its lifetime was over.
     */
    public int flightEnd(Projectile p) {
        int last = p.spawnTick() + projectileLifetimeTicks;
        for (int tick = p.spawnTick() + 1; tick < last; tick++) {
            if (obstacle(p.xAt(tick - 1, dt), p.yAt(tick - 1, dt), p.xAt(tick, dt), p.yAt(tick, dt)) != Geometry.MISS) {
                return tick;
            }
        }
        return last;
    }

    /**
     * One tick. Ships without an entry in {@code inputsByShipId} hold no buttons and keep their aim.
     * The world's events become those of this step. No shot is lag-compensated; nobody is on a team.
     */
    public World step(World w, Map<Integer, Input> inputsByShipId) {
        return step(w, inputsByShipId, ShipHistory.NONE, Teams.NONE);
    }

    /**
     * One tick, with lag compensation: a shot whose input says the shooter was looking at tick
     * {@code v} is fired {@code k = min(now − v, history.capacity())} ticks in the past (its
     * {@code spawnTick} is {@code now − k}, so it is already {@code k} ticks along its path) and
     * flies those ticks at once, each tick's segment tested against the other ships where they were
     * at the end of that tick ({@code history}, the current positions for {@code now}). Walls,
     * damage, kills and shields are as of now; a target dead or not yet alive at a rewound tick
     * cannot be hit at that tick. {@code history} must hold the worlds up to {@code w} (it is not
     * changed here); where it lacks a tick the rewind stops short of it. Nobody is on a team.
     */
    public World step(World w, Map<Integer, Input> inputsByShipId, ShipHistory history) {
        return step(w, inputsByShipId, history, Teams.NONE);
    }

    /**
     * One tick, lag-compensated as {@link #step(World, Map, ShipHistory)}. In a {@link GameMode#TDM}
     * match {@code teams} says who plays for which team (a ship it does not name is everybody's
     * enemy); in free-for-all it is ignored.
     */
    public World step(World w, Map<Integer, Input> inputsByShipId, ShipHistory history, Teams teams) {
        int now = w.tick() + 1;
        MatchState match = w.match();
        Body[] ships = bodies(w.ships(), config.mode() == GameMode.TDM ? teams : Teams.NONE);
        for (Body b : ships) {
            Input in = inputsByShipId.get(b.id);
            if (in != null) {
                b.lastInputSeq = in.seq();
                b.buttons = in.buttons();
                b.aimInput = in.aim();
                b.viewTick = in.viewTick();
            }
        }
        List<GameEvent> events = new ArrayList<>();
        if (match.phase() == MatchPhase.INTERMISSION) {
            if (now < match.phaseEndTick()) {
                // Only newcomers are due: the dead of the last match wait for the next one.
                respawnDue(ships, match.seed(), now, events);
                return new World(now, match, toShips(ships), List.of(), w.pickups(), events);
            }
            return startNextMatch(now, match, ships, events);
        }

        for (Body b : ships) {
            if (b.health > 0) {
                move(b, b.buttons, b.aimInput);
            }
        }
        separateShips(ships);
        List<Projectile> projectiles = flyProjectiles(w.projectiles(), now, ships, events);
        int nextProjectileId = fire(ships, now, match.nextProjectileId(), projectiles, history, events);
        TeamScores teamScores = credit(match.teamScores(), ships, events);
        List<Pickup> pickups = takePickups(w.pickups(), ships, now, events);
        respawnDue(ships, match.seed(), now, events);

        if (now >= match.phaseEndTick() || killLimitReached(ships, match.killLimit(), teamScores)) {
            int nextMatchTick = now + config.ticks(config.intermissionSeconds());
            for (Body b : ships) {
                b.vx = 0f;
                b.vy = 0f;
                if (b.health <= 0) {
                    b.respawnTick = nextMatchTick;
                }
            }
            MatchState intermission = new MatchState(MatchPhase.INTERMISSION, nextMatchTick, match.killLimit(),
                    match.seed(), nextProjectileId, match.round(), teamScores);
            return new World(now, intermission, toShips(ships), List.of(), pickups, events);
        }
        return new World(now, match.after(nextProjectileId, teamScores), toShips(ships), projectiles, pickups, events);
    }

    // ---------------------------------------------------------------- phases

    /** A ship's kills reach the limit, or in a team match a team's (0: no limit). */
    private static boolean killLimitReached(Body[] ships, int killLimit, TeamScores teamScores) {
        if (killLimit <= 0) {
            return false;
        }
        for (Body b : ships) {
            if (b.kills >= killLimit) {
                return true;
            }
        }
        return teamScores.red() >= killLimit || teamScores.blue() >= killLimit;
    }

    /**
     * {@code scores} with this step's kills of an enemy added to the killer's team (as
     * {@link #hit} counts a ship's kills: a teamkill, or a kill by a ship that left, scores nothing).
     */
    private static TeamScores credit(TeamScores scores, Body[] ships, List<GameEvent> events) {
        for (GameEvent event : events) {
            if (event instanceof GameEvent.Kill kill) {
                Body killer = find(ships, kill.killerId());
                Body victim = find(ships, kill.victimId());
                if (killer != null && victim != null && !killer.team.alliedWith(victim.team)) {
                    scores = scores.plusKill(killer.team);
                }
            }
        }
        return scores;
    }

    private World startNextMatch(int now, MatchState old, Body[] ships, List<GameEvent> events) {
        long seed = Rules.nextSeed(old.seed());
        MatchState playing = new MatchState(MatchPhase.PLAYING, now + config.ticks(config.durationSeconds()),
                old.killLimit(), seed, old.nextProjectileId(), old.round() + 1);
        for (Body b : ships) {
            b.kills = 0;
            b.deaths = 0;
            b.lastFireTick = 0;
            b.lanceCharges = 0;
            b.health = 0; // not "living" until placed, so the free spawn ignores it
        }
        for (Body b : ships) {
            spawn(b, ships, seed, now);
            events.add(new GameEvent.Spawn(b.id));
        }
        return new World(now, playing, toShips(ships), List.of(), freshPickups(now), events);
    }

    private List<Pickup> freshPickups(int availableAt) {
        List<PickupSpot> spots = map.pickups();
        List<Pickup> pickups = new ArrayList<>(spots.size());
        for (int i = 0; i < spots.size(); i++) {
            PickupSpot s = spots.get(i);
            pickups.add(new Pickup(i, s.kind(), Quantum.position(s.x()), Quantum.position(s.y()), availableAt));
        }
        return pickups;
    }

    // ---------------------------------------------------------------- movement

    private void move(Body b, int buttons, float aim) {
        if (Float.isFinite(aim)) {
            b.aim = Quantum.angle(aim);
        }
        float dx = 0f;
        float dy = 0f;
        if ((buttons & Input.LEFT) != 0) {
            dx -= 1f;
        }
        if ((buttons & Input.RIGHT) != 0) {
            dx += 1f;
        }
        if ((buttons & Input.UP) != 0) {
            dy -= 1f;
        }
        if ((buttons & Input.DOWN) != 0) {
            dy += 1f;
        }
        if (dx != 0f && dy != 0f) {
            dx *= INV_SQRT2;
            dy *= INV_SQRT2;
        }
        float vx = b.vx + dx * Rules.ACCELERATION * dt;
        float vy = b.vy + dy * Rules.ACCELERATION * dt;
        float speed = (float) Math.sqrt(vx * vx + vy * vy);
        if (speed > 0f) {
            float slowed = Math.min(Rules.MAX_SPEED, speed - (Rules.DRAG * speed + Rules.FRICTION) * dt);
            float scale = slowed > 0f ? slowed / speed : 0f;
            vx *= scale;
            vy *= scale;
        }
        b.vx = vx;
        b.vy = vy;

        float distance = Math.max(Math.abs(vx), Math.abs(vy)) * dt;
        int substeps = Math.max(1, (int) Math.ceil(distance / MAX_SUBSTEP));
        float sdt = dt / substeps;
        for (int s = 0; s < substeps; s++) {
            moveClear(b, b.x, b.y, b.x + b.vx * sdt, b.y + b.vy * sdt);
        }
    }

    /**
     * Moves a ship from (fromX, fromY), a spot clear of walls, toward (toX, toY) and out of the
     * walls and border it then touches, removing its velocity into them: it slides. Where walls
     * closer than its diameter leave no room there, it slides along one axis only, or stays where
     * it was and stops: it never ends overlapping a wall, so it never squeezes through a slot.
     */
    private void moveClear(Body b, float fromX, float fromY, float toX, float toY) {
        float vx = b.vx;
        float vy = b.vy;
        if (settle(b, toX, toY)) {
            return;
        }
        b.vx = vx;
        b.vy = 0f;
        if (toX != fromX && settle(b, toX, fromY)) {
            return;
        }
        b.vx = 0f;
        b.vy = vy;
        if (toY != fromY && settle(b, fromX, toY)) {
            return;
        }
        b.x = fromX;
        b.y = fromY;
        b.vx = 0f;
        b.vy = 0f;
    }

    /**
     * Puts the ship at (x, y) and pushes it out of walls and the border until it touches none, a
     * few rounds at most, since leaving one wall can push it into another; false when it is still
     * in one then (no room there).
     */
    private boolean settle(Body b, float x, float y) {
        b.x = x;
        b.y = y;
        for (int round = 0; round < SETTLE_ROUNDS; round++) {
            if (!pushOutOfWalls(b)) {
                return true;
            }
        }
        return !overlapsWall(b);
    }

    private boolean overlapsWall(Body b) {
        final float r = Rules.SHIP_RADIUS - SETTLE_SLACK;
        for (int i = 0; i < wallMinX.length; i++) {
            float dx = b.x - Geometry.clamp(b.x, wallMinX[i], wallMaxX[i]);
            float dy = b.y - Geometry.clamp(b.y, wallMinY[i], wallMaxY[i]);
            if (dx * dx + dy * dy < r * r) {
                return true;
            }
        }
        return false;
    }

    /**
     * One round: pushes the ship out of each wall it overlaps, then inside the border, removing the
     * velocity into them; true if it pushed.
     */
    private boolean pushOutOfWalls(Body b) {
        final float r = Rules.SHIP_RADIUS;
        boolean pushed = false;
        for (int i = 0; i < wallMinX.length; i++) {
            float cx = Geometry.clamp(b.x, wallMinX[i], wallMaxX[i]);
            float cy = Geometry.clamp(b.y, wallMinY[i], wallMaxY[i]);
            float dx = b.x - cx;
            float dy = b.y - cy;
            float d2 = dx * dx + dy * dy;
            if (d2 >= r * r) {
                continue;
            }
            float nx;
            float ny;
            float depth;
            if (d2 > 1e-6f) {
                float d = (float) Math.sqrt(d2);
                nx = dx / d;
                ny = dy / d;
                depth = r - d;
            } else {
                // Centre on or inside the rectangle (only when placed there): leave by the nearest side.
                float left = b.x - wallMinX[i];
                float right = wallMaxX[i] - b.x;
                float top = b.y - wallMinY[i];
                float bottom = wallMaxY[i] - b.y;
                float min = Math.min(Math.min(left, right), Math.min(top, bottom));
                nx = min == left ? -1f : min == right ? 1f : 0f;
                ny = nx != 0f ? 0f : min == top ? -1f : 1f;
                depth = min + r;
            }
            b.x += nx * depth;
            b.y += ny * depth;
            float vn = b.vx * nx + b.vy * ny;
            if (vn < 0f) {
                b.vx -= vn * nx;
                b.vy -= vn * ny;
            }
            pushed |= depth > SETTLE_SLACK;
        }
        float maxX = map.width() - r;
        float maxY = map.height() - r;
        if (b.x < r) {
            pushed |= r - b.x > SETTLE_SLACK;
            b.x = r;
            b.vx = Math.max(0f, b.vx);
        } else if (b.x > maxX) {
            pushed |= b.x - maxX > SETTLE_SLACK;
            b.x = maxX;
            b.vx = Math.min(0f, b.vx);
        }
        if (b.y < r) {
            pushed |= r - b.y > SETTLE_SLACK;
            b.y = r;
            b.vy = Math.max(0f, b.vy);
        } else if (b.y > maxY) {
            pushed |= b.y - maxY > SETTLE_SLACK;
            b.y = maxY;
            b.vy = Math.min(0f, b.vy);
        }
        return pushed;
    }

    /** Living ships that overlap are pushed apart equally and stop closing in on each other. */
    private void separateShips(Body[] ships) {
        final float minDist = 2 * Rules.SHIP_RADIUS;
        boolean any = false;
        for (int i = 0; i < ships.length; i++) {
            Body a = ships[i];
            if (a.health <= 0) {
                continue;
            }
            for (int j = i + 1; j < ships.length; j++) {
                Body b = ships[j];
                if (b.health <= 0) {
                    continue;
                }
                float dx = b.x - a.x;
                float dy = b.y - a.y;
                float d2 = dx * dx + dy * dy;
                if (d2 >= minDist * minDist) {
                    continue;
                }
                float nx = 1f;
                float ny = 0f;
                float d = (float) Math.sqrt(d2);
                if (d > 1e-4f) {
                    nx = dx / d;
                    ny = dy / d;
                }
                float half = (minDist - d) / 2;
                a.holdClearSpot();
                b.holdClearSpot();
                a.x -= nx * half;
                a.y -= ny * half;
                b.x += nx * half;
                b.y += ny * half;
                float closing = (a.vx - b.vx) * nx + (a.vy - b.vy) * ny;
                if (closing > 0f) {
                    float share = closing / 2;
                    a.vx -= nx * share;
                    a.vy -= ny * share;
                    b.vx += nx * share;
                    b.vy += ny * share;
                }
                any = true;
            }
        }
        if (any) {
            for (Body b : ships) {
                if (b.pushed) {
                    b.pushed = false;
                    moveClear(b, b.clearX, b.clearY, b.x, b.y);
                }
            }
        }
    }

    // ---------------------------------------------------------------- combat

    /** Flies every projectile from {@code now − 1} to {@code now}: hits, walls, the border, old age. */
    private List<Projectile> flyProjectiles(List<Projectile> flying, int now, Body[] ships, List<GameEvent> events) {
        List<Projectile> kept = new ArrayList<>(flying.size() + 8);
        for (int p = 0, n = flying.size(); p < n; p++) {
            Projectile pr = flying.get(p);
            if (flyTick(pr, now, now, ships, ShipHistory.NONE, events) && now - pr.spawnTick() < projectileLifetimeTicks) {
                kept.add(pr);
            }
        }
        return kept;
    }

    /**
     * Flies {@code pr} from {@code tick − 1} to {@code tick} against the walls, the border and the
     * other living ships: where they are now for {@code tick == now}, else where {@code history} has
     * them at {@code tick} (not there: not hittable then). The first thing met stops it; a ship met
     * is hit as of {@code now}. True if it flies on.
     */
    private boolean flyTick(Projectile pr, int tick, int now, Body[] ships, ShipHistory history,
                            List<GameEvent> events) {
        final float hitRadius = Rules.SHIP_RADIUS + Rules.PROJECTILE_RADIUS;
        Team ownerTeam = teamOf(ships, pr.ownerId());
        float ax = pr.xAt(tick - 1, dt);
        float ay = pr.yAt(tick - 1, dt);
        float bx = pr.xAt(tick, dt);
        float by = pr.yAt(tick, dt);
        float best = obstacle(ax, ay, bx, by);
        Body target = null;
        for (Body s : ships) {
            if (s.health <= 0 || s.id == pr.ownerId() || (!config.friendlyFire() && s.team.alliedWith(ownerTeam))) {
                continue;
            }
            float sx = s.x;
            float sy = s.y;
            if (tick < now) {
                int at = history.indexOf(tick, s.id);
                if (at < 0) {
                    continue;
                }
                sx = history.x(tick, at);
                sy = history.y(tick, at);
            }
            float t = Geometry.segmentCircle(ax, ay, bx, by, sx, sy, hitRadius);
            if (t < best) {
                best = t;
                target = s;
            }
        }
        if (target != null) {
            hit(target, pr, now, ships, events);
        }
        return best == Geometry.MISS;
    }

    /** Where along the segment (0 … 1) it first leaves the arena or meets a wall; {@link Geometry#MISS} if never. */
    private float obstacle(float ax, float ay, float bx, float by) {
        float best = Geometry.segmentLeavesArena(ax, ay, bx, by, map.width(), map.height());
        for (int i = 0; i < wallMinX.length; i++) {
            float t = Geometry.segmentRect(ax, ay, bx, by, wallMinX[i], wallMinY[i], wallMaxX[i], wallMaxY[i]);
            if (t < best) {
                best = t;
            }
        }
        return best;
    }

    /**
     * How far back a shot of {@code b} is fired: {@code now − viewTick}, at most the history's
     * capacity, and no further back than the history holds without a gap (ticks before {@code now}).
     */
    private int rewindTicks(Body b, int now, ShipHistory history) {
        if (b.viewTick <= 0 || b.viewTick >= now) {
            return 0;
        }
        int wanted = Math.min(now - b.viewTick, history.capacity());
        int k = 0;
        while (k < wanted && (k == 0 || history.holds(now - k))) {
            k++;
        }
        return k;
    }

    /**
     * Flies a shot fired {@code k} ticks in the past up to now (see {@link #step(World, Map, ShipHistory)});
     * true if it is still flying, false if it hit a ship (hit applied), a wall or the border.
     */
    private boolean catchUp(Projectile pr, int now, Body[] ships, ShipHistory history, List<GameEvent> events) {
        for (int tick = pr.spawnTick() + 1; tick <= now; tick++) {
            if (!flyTick(pr, tick, now, ships, history, events)) {
                return false;
            }
        }
        return true;
    }

    private void hit(Body target, Projectile pr, int now, Body[] ships, List<GameEvent> events) {
        if (now < target.invulnerableUntil) {
            return; // absorbed by the spawn shield
        }
        target.health = Math.max(0, target.health - pr.damage());
        events.add(new GameEvent.Hit(target.id, pr.ownerId(), pr.damage()));
        if (target.health > 0) {
            return;
        }
        target.deaths++;
        target.vx = 0f;
        target.vy = 0f;
        target.powerUntil = 0;
        target.lanceCharges = 0;
        target.respawnTick = now + respawnTicks;
        Body killer = find(ships, pr.ownerId());
        if (killer != null && !killer.team.alliedWith(target.team)) {
            killer.kills++;
        }
        events.add(new GameEvent.Kill(pr.ownerId(), target.id));
    }

    /**
     * Living ships holding FIRE whose cooldown is over shoot, and those holding LANCE with a lance
     * charge whose gun has rested {@link Rules#LANCE_CHARGE_SECONDS} fire a lance and spend the
     * charge (holding LANCE with a charge fires nothing else: it charges), lag-compensated as their input asks (see {@link #step(World, Map, ShipHistory)});
     * returns the next projectile id. A compensated shot that hits during its catch-up uses its id
     * but is never added.
     */
    private int fire(Body[] ships, int now, int nextId, List<Projectile> projectiles, ShipHistory history,
                     List<GameEvent> events) {
        for (Body b : ships) {
            if (b.health <= 0 || !fires(b.buttons, b.lastFireTick, b.lanceCharges, now)) {
                continue;
            }
            b.lastFireTick = now;
            boolean lance = lances(b.buttons, b.lanceCharges);
            b.lanceCharges -= lance ? 1 : 0;
            Projectile shot = shot(nextId, b.id, b.x, b.y, b.aim, lance, now < b.powerUntil,
                    now - rewindTicks(b, now, history));
            if (shot == null) {
                continue; // nose in a wall: the shot is spent on it
            }
            nextId++;
            if (shot.spawnTick() == now || catchUp(shot, now, ships, history, events)) {
                projectiles.add(shot);
            }
        }
        return nextId;
    }

    /**
     * Whether a ship holding {@code buttons} fires at {@code now}: with a lance charge, LANCE once
     * the gun has rested {@link Rules#LANCE_CHARGE_SECONDS} (holding it fires nothing else: it
     * charges), else FIRE once the cooldown is over.
     */
    private boolean fires(int buttons, int lastFireTick, int lanceCharges, int now) {
        int rest = lances(buttons, lanceCharges) ? lanceChargeTicks
                : (buttons & Input.FIRE) != 0 ? fireCooldownTicks : -1;
        return rest >= 0 && (lastFireTick == 0 || now - lastFireTick >= rest);
    }

    /** Whether {@code buttons} ask for the lance and the ship has a charge to fire it with; else LANCE is as if not held. */
    private static boolean lances(int buttons, int lanceCharges) {
        return (buttons & Input.LANCE) != 0 && lanceCharges > 0;
    }

    /**
     * A shot (a lance, or the gun's) from the nose of a ship at (x, y) aiming at {@code aim}; null
     * when the nose is in a wall or outside.
     */
    private Projectile shot(int id, int ownerId, float x, float y, float aim, boolean lance, boolean powered,
                            int spawnTick) {
        float cos = (float) StrictMath.cos(aim);
        float sin = (float) StrictMath.sin(aim);
        float x0 = Quantum.position(x + cos * Rules.NOSE_DISTANCE);
        float y0 = Quantum.position(y + sin * Rules.NOSE_DISTANCE);
        if (Geometry.segmentLeavesArena(x, y, x0, y0, map.width(), map.height()) != Geometry.MISS
                || Geometry.segmentWalls(map.walls(), x, y, x0, y0, 0f) != Geometry.MISS) {
            return null;
        }
        int damage = (lance ? Rules.LANCE_DAMAGE : Rules.PROJECTILE_DAMAGE) * (powered ? Rules.POWER_DAMAGE_FACTOR : 1);
        float speed = lance ? Rules.LANCE_SPEED : Rules.PROJECTILE_SPEED;
        return new Projectile(id, ownerId, x0, y0, Quantum.velocity(cos * speed), Quantum.velocity(sin * speed),
                spawnTick, damage);
    }

    private List<Pickup> takePickups(List<Pickup> pickups, Body[] ships, int now, List<GameEvent> events) {
        List<Pickup> result = null;
        final float reach = Rules.SHIP_RADIUS + Rules.PICKUP_RADIUS;
        for (int p = 0; p < pickups.size(); p++) {
            Pickup pk = pickups.get(p);
            if (now < pk.availableAt()) {
                continue;
            }
            for (Body b : ships) {
                float dx = b.x - pk.x();
                float dy = b.y - pk.y();
                if (b.health <= 0 || dx * dx + dy * dy > reach * reach || !b.wants(pk.kind())) {
                    continue;
                }
                switch (pk.kind()) {
                    case HEALTH -> b.health = Math.min(Rules.MAX_HEALTH, b.health + Rules.HEALTH_PICKUP_AMOUNT);
                    case POWER -> b.powerUntil = now + powerTicks;
                    case LANCE -> b.lanceCharges = Math.min(Rules.LANCE_MAX_CHARGES,
                            b.lanceCharges + Rules.LANCE_PICKUP_CHARGES);
                }
                if (result == null) {
                    result = new ArrayList<>(pickups);
                }
                result.set(p, new Pickup(pk.id(), pk.kind(), pk.x(), pk.y(),
                        now + config.ticks(Rules.respawnSeconds(pk.kind()))));
                events.add(new GameEvent.PickupTaken(b.id, pk.id(), pk.kind()));
                break;
            }
        }
        return result == null ? pickups : result;
    }

    private void respawnDue(Body[] ships, long seed, int now, List<GameEvent> events) {
        for (Body b : ships) {
            if (b.health <= 0 && now >= b.respawnTick) {
                spawn(b, ships, seed, now);
                events.add(new GameEvent.Spawn(b.id));
            }
        }
    }

    /**
     * Brings a ship to life at the spawn point of its team (see {@link #spawnsByTeam}) farthest from
     * every living enemy in {@code others}, a teammate counting only when it stands on the point;
     * exact ties (e.g. an empty arena) are broken by the hash of (seed, tick, id).
     */
    private void spawn(Body b, Body[] others, long seed, int now) {
        List<SpawnPoint> spawns = spawnsByTeam.get(b.team.ordinal());
        final float occupied = 2 * Rules.SHIP_RADIUS;
        float bestScore = -1f;
        int ties = 0;
        int[] tied = new int[spawns.size()];
        for (int i = 0; i < spawns.size(); i++) {
            SpawnPoint sp = spawns.get(i);
            float score = Float.MAX_VALUE;
            for (Body o : others) {
                if (o != b && o.health > 0) {
                    float dx = o.x - sp.x();
                    float dy = o.y - sp.y();
                    float d2 = dx * dx + dy * dy;
                    if (!o.team.alliedWith(b.team) || d2 < occupied * occupied) {
                        score = Math.min(score, d2);
                    }
                }
            }
            if (score > bestScore) {
                bestScore = score;
                ties = 0;
            }
            if (score == bestScore) {
                tied[ties++] = i;
            }
        }
        SpawnPoint sp = spawns.get(tied[(int) Math.floorMod(Rules.hash(seed, now, b.id), (long) ties)]);
        b.x = sp.x();
        b.y = sp.y();
        b.vx = 0f;
        b.vy = 0f;
        b.health = Rules.MAX_HEALTH;
        b.respawnTick = 0;
        b.invulnerableUntil = now + invulnerableTicks;
        b.powerUntil = 0;
        b.lanceCharges = 0;
    }

    // ---------------------------------------------------------------- plumbing

    private static int indexOf(List<Ship> ships, int id) {
        int lo = 0;
        int hi = ships.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int midId = ships.get(mid).id();
            if (midId < id) {
                lo = mid + 1;
            } else if (midId > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** The team of ship {@code id}; NONE when it is gone (its shots fly on and hit anybody). */
    private static Team teamOf(Body[] ships, int id) {
        Body ship = find(ships, id);
        return ship == null ? Team.NONE : ship.team;
    }

    private static Body find(Body[] ships, int id) {
        int lo = 0;
        int hi = ships.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ships[mid].id < id) {
                lo = mid + 1;
            } else if (ships[mid].id > id) {
                hi = mid - 1;
            } else {
                return ships[mid];
            }
        }
        return null;
    }

    private static Body[] bodies(List<Ship> ships, Teams teams) {
        Body[] bodies = new Body[ships.size()];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = new Body(ships.get(i));
            bodies[i].team = teams.of(bodies[i].id);
        }
        // The World contract says sorted by id; insist, since everything here relies on the order.
        for (int i = 1; i < bodies.length; i++) {
            if (bodies[i - 1].id >= bodies[i].id) {
                Arrays.sort(bodies, (a, b) -> Integer.compare(a.id, b.id));
                break;
            }
        }
        return bodies;
    }

    private static List<Ship> toShips(Body[] bodies) {
        List<Ship> ships = new ArrayList<>(bodies.length);
        for (Body b : bodies) {
            ships.add(b.toShip());
        }
        return ships;
    }

    /** A ship being worked on during a step: mutable, snapped to the grid when it becomes a {@link Ship}. */
    private static final class Body {
        final int id;
        float x;
        float y;
        float vx;
        float vy;
        float aim;
        int health;
        int respawnTick;
        int invulnerableUntil;
        int powerUntil;
        int lastFireTick;
        int kills;
        int deaths;
        int lastInputSeq;
        int lanceCharges;
        /** Not part of the ship: given with the step. */
        Team team = Team.NONE;
        // This step's input: idle unless the caller gave one.
        int buttons;
        float aimInput;
        int viewTick;
        // Pushed by another ship this step, from (clearX, clearY): where it was clear of walls.
        boolean pushed;
        float clearX;
        float clearY;

        Body(int id) {
            this.id = id;
        }

        Body(Ship s) {
            id = s.id();
            x = s.x();
            y = s.y();
            vx = s.vx();
            vy = s.vy();
            aim = s.aim();
            health = s.health();
            respawnTick = s.respawnTick();
            invulnerableUntil = s.invulnerableUntil();
            powerUntil = s.powerUntil();
            lastFireTick = s.lastFireTick();
            kills = s.kills();
            deaths = s.deaths();
            lastInputSeq = s.lastInputSeq();
            lanceCharges = s.lanceCharges();
            aimInput = s.aim();
        }

        /** Whether taking a pickup of {@code kind} gives it anything: health when hurt, lances below the cap. */
        boolean wants(PickupKind kind) {
            return switch (kind) {
                case HEALTH -> health < Rules.MAX_HEALTH;
                case POWER -> true;
                case LANCE -> lanceCharges < Rules.LANCE_MAX_CHARGES;
            };
        }

        /** Before the first push by another ship: remembers where the ship is, clear of walls. */
        void holdClearSpot() {
            if (!pushed) {
                pushed = true;
                clearX = x;
                clearY = y;
            }
        }

        Ship toShip() {
            return new Ship(id, Quantum.position(x), Quantum.position(y), Quantum.velocity(vx), Quantum.velocity(vy),
                    Quantum.angle(aim), health, respawnTick, invulnerableUntil, powerUntil, lastFireTick, kills,
                    deaths, lastInputSeq, lanceCharges);
        }
    }
}
