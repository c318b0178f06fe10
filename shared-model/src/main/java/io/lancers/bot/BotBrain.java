package io.lancers.bot;

import io.lancers.map.ArenaMap;
import io.lancers.map.SpawnPoint;
import io.lancers.sim.Geometry;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.Pickup;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.Team;
import io.lancers.sim.Teams;
import io.lancers.sim.World;

import java.util.List;
import java.util.Random;

/**
 * The AI of one bot: turns the world into that bot's input, tick by tick. It plays honestly: it
 * sees only what a player sees (no shooting through walls, no knowledge of the future), aims with
 * an error and a turn rate that depend on its skill, and has a reaction time.
 *
 * <p>Each tick it picks a goal (health when hurt, a nearby power-up, a nearby lance pickup when it
 * holds no charges and is not in a close fight, a fighting position around its target, or a wander
 * point), finds the way there around walls ({@link NavGraph}), steers
 * toward it by choosing the buttons that best turn its velocity into the wanted one, and aims and
 * fires at its target with a lead on the target's velocity. A goal it finds no way to, or
 * makes no progress toward, is given up for a while. In a team match it never targets a teammate
 * and holds its fire while one is in the line of fire, whether or not friendly fire is on. Owned
 * by one server thread: not thread-safe.
 */
public final class BotBrain {
    /** Bots fight from about this far: close enough to hit, far enough to dodge. */
    private static final float PREFERRED_RANGE = 280f;
    /** Shots are fired only at targets within this distance (projectiles fly about 990 units). */
    private static final float FIRE_RANGE = 760f;
    /**
     * Targets farther than this get the charged lance, fast enough to hit them, rather than the
     * gun's stream, which they would sidestep; nearer ones the stream, which does not wait for a charge.
     */
    private static final float LANCE_RANGE = 420f;
    /** Clumsier bots lack the patience for a charged shot: they close in and use the gun. */
    private static final float LANCE_MIN_SKILL = 0.5f;
    /** The lance flies about 1980 units: a bot uses it as far as it picks targets (√1.6 × FIRE_RANGE). */
    private static final float LANCE_MAX_RANGE = 960f;
    /** A bot without lance charges fetches a lance pickup this near (one it sees lying there, as a player does). */
    private static final float LANCE_FETCH_RANGE = 600f;
    /** ... unless an enemy is nearer than this: then it fights first. */
    private static final float MID_FIGHT_RANGE = 1.5f * PREFERRED_RANGE;
    private static final int REPLAN_TICKS = 12;
    /** A goal that moved less than this keeps its planned way. */
    private static final float GOAL_SLACK = 40f;
    /** How long a bot that got stuck, or found no way to its goal, wanders elsewhere instead. */
    private static final double DETOUR_SECONDS = 3.0;
    /** A sharp bot's (skill 1) aim error, standard deviation in radians. */
    private static final float MIN_AIM_SPREAD = 0.03f;
    /**
     * What clumsiness (1 - skill) squared adds to the aim error. Aim error and hesitation grow with
     * a power of clumsiness, not in a straight line: from the server's default bots (0.6: 0.118 rad
     * in all) up they are as sharp as ever, below them bots get gentle fast (0.25, local Play: 0.34
     * rad), so a newcomer among gentle bots is hit well under half as often.
     */
    private static final float CLUMSY_AIM_SPREAD = 0.55f;
    /** After each shot a bot waits up to clumsiness cubed times this longer than the cooldown (0.32 s at 0.6, 2.1 s at 0.25) ... */
    private static final double HESITATION_SCALE_SECONDS = 5.0;
    /** ... but never more than this: the clumsiest bot still fires, in fits. */
    private static final double MAX_HESITATION_SECONDS = 2.5;

    private final Random random;
    private final float skill;
    private int seq;

    private NavGraph nav;
    private int targetId = -1;
    private int targetSinceTick;
    private float aim;
    private float aimError;
    private int aimErrorUntil;
    /** The shot (its tick) the current hesitation follows, and how long that hesitation is. */
    private int hesitationAfterShot = -1;
    private int hesitationTicks;
    private int strafe = 1;
    private int strafeUntil;
    private float wanderX = Float.NaN;
    private float wanderY;
    private int wanderUntil;
    private float[] waypoint;
    private float waypointGoalX;
    private float waypointGoalY;
    private int replanAt;
    private float progressX;
    private float progressY;
    private int progressCheckAt;
    private int detourUntil;

    /**
     * @param seed  seeds this bot's choices (aim error, strafing, wandering)
     * @param skill 0 (clumsy) .. 1 (sharp): aim error, lead, turn rate, reaction time
     */
    public BotBrain(long seed, float skill) {
        if (!(skill >= 0f && skill <= 1f)) {
            throw new IllegalArgumentException("skill must be within 0..1, was " + skill);
        }
        this.random = new Random(seed);
        this.skill = skill;
    }

    /** The input for ship {@code selfId} in a free-for-all; sequence numbers increase by one per call. */
    public Input decide(World w, int selfId, ArenaMap map, MatchConfig cfg) {
        return decide(w, selfId, map, cfg, Teams.NONE);
    }

    /** The input for ship {@code selfId} this tick, {@code teams} telling friend from foe; seq increases by one per call. */
    public Input decide(World w, int selfId, ArenaMap map, MatchConfig cfg, Teams teams) {
        seq++;
        if (nav == null || !map.equals(nav.map())) {
            nav = new NavGraph(map);
        }
        Ship self = find(w.ships(), selfId);
        if (self == null || !self.alive() || w.match().phase() != MatchPhase.PLAYING) {
            targetId = -1;
            waypoint = null;
            if (self != null) {
                aim = self.aim();
            }
            return new Input(seq, 0, aim);
        }
        int tick = w.tick();
        Ship target = chooseTarget(w, self, map, teams, tick);

        float[] goal = chooseGoal(w, self, target, map, cfg, tick);
        int buttons = steer(self, goal, cfg, tick);

        boolean lance = target != null && usesLance() && self.lanceCharges() > 0
                && dist2(self.x(), self.y(), target.x(), target.y()) > LANCE_RANGE * LANCE_RANGE;
        float wantedAim = target != null ? aimAt(self, target, lance, cfg, tick) : movementAim(self);
        turnAim(wantedAim, cfg);
        if (target != null && shouldFire(self, target, wantedAim, lance, cfg, tick)
                && !allyInTheWay(w, self, target, teams)) {
            // Far off it fires nothing until the lance is charged: the wait is the charge.
            buttons |= lance ? (lanceCharged(self, cfg, tick) ? Input.LANCE : 0) : Input.FIRE;
        }
        return new Input(seq, buttons, aim);
    }

    // ---------------------------------------------------------------- targeting

    /** The nearest visible, hittable enemy; the current target is kept unless another is much nearer. */
    private Ship chooseTarget(World w, Ship self, ArenaMap map, Teams teams, int tick) {
        Ship nearest = null;
        float nearestD2 = Float.MAX_VALUE;
        Ship current = null;
        float currentD2 = 0f;
        Team own = teams.of(self.id());
        for (Ship s : w.ships()) {
            if (s.id() == self.id() || !s.alive() || tick < s.invulnerableUntil() || own.alliedWith(teams.of(s.id()))) {
                continue;
            }
            float d2 = dist2(self.x(), self.y(), s.x(), s.y());
            if (d2 > FIRE_RANGE * FIRE_RANGE * 1.6f || !visible(map, self, s)) {
                continue;
            }
            if (d2 < nearestD2) {
                nearest = s;
                nearestD2 = d2;
            }
            if (s.id() == targetId) {
                current = s;
                currentD2 = d2;
            }
        }
        Ship chosen = current != null && currentD2 < nearestD2 * 1.7f ? current : nearest;
        int chosenId = chosen == null ? -1 : chosen.id();
        if (chosenId != targetId) {
            targetId = chosenId;
            targetSinceTick = tick;
        }
        return chosen;
    }

    /**
     * Whether a shot now, along this bot's aim as far as its target, could meet a living teammate,
     * where it is or where it flies to by the time the shot gets there: with friendly fire it would
     * hit, without it it would look as if. Teammates on that line are in plain sight of this bot:
     * this knows nothing a player would not see.
     */
    private boolean allyInTheWay(World w, Ship self, Ship target, Teams teams) {
        Team own = teams.of(self.id());
        if (own == Team.NONE) {
            return false;
        }
        final float margin = Rules.SHIP_RADIUS + Rules.PROJECTILE_RADIUS + 10f;
        float reach = (float) Math.hypot(target.x() - self.x(), target.y() - self.y()) + Rules.SHIP_RADIUS;
        float ex = self.x() + (float) Math.cos(aim) * reach;
        float ey = self.y() + (float) Math.sin(aim) * reach;
        for (Ship s : w.ships()) {
            if (s.id() == self.id() || !s.alive() || !own.alliedWith(teams.of(s.id()))) {
                continue;
            }
            float flight = (float) Math.hypot(s.x() - self.x(), s.y() - self.y()) / Rules.PROJECTILE_SPEED;
            if (Geometry.segmentCircle(self.x(), self.y(), ex, ey, s.x(), s.y(), margin) != Geometry.MISS
                    || Geometry.segmentCircle(self.x(), self.y(), ex, ey, s.x() + s.vx() * flight,
                    s.y() + s.vy() * flight, margin) != Geometry.MISS) {
                return true;
            }
        }
        return false;
    }

    private static boolean visible(ArenaMap map, Ship a, Ship b) {
        return Geometry.segmentWalls(map.walls(), a.x(), a.y(), b.x(), b.y(), Rules.PROJECTILE_RADIUS)
                == Geometry.MISS;
    }

    /** Where to shoot: at the target's predicted position, skewed by this bot's current aim error. */
    private float aimAt(Ship self, Ship target, boolean lance, MatchConfig cfg, int tick) {
        if (tick >= aimErrorUntil) {
            float clumsiness = 1f - skill;
            float spread = MIN_AIM_SPREAD + CLUMSY_AIM_SPREAD * clumsiness * clumsiness;
            aimError = (float) random.nextGaussian() * spread;
            aimErrorUntil = tick + cfg.ticks(0.25 + 0.4 * random.nextDouble());
        }
        float lead = 0.3f + 0.7f * skill;
        float px = target.x();
        float py = target.y();
        for (int i = 0; i < 2; i++) {
            float flight = (float) Math.hypot(px - self.x(), py - self.y())
                    / (lance ? Rules.LANCE_SPEED : Rules.PROJECTILE_SPEED);
            px = target.x() + target.vx() * flight * lead;
            py = target.y() + target.vy() * flight * lead;
        }
        return (float) Math.atan2(py - self.y(), px - self.x()) + aimError;
    }

    private float movementAim(Ship self) {
        if (self.vx() * self.vx() + self.vy() * self.vy() < 40f * 40f) {
            return aim;
        }
        return (float) Math.atan2(self.vy(), self.vx());
    }

    /** Turns the aim toward {@code wanted} no faster than this bot's hand allows. */
    private void turnAim(float wanted, MatchConfig cfg) {
        float maxTurn = (5f + 15f * skill) * cfg.dt();
        float diff = angleDiff(wanted, aim);
        aim = normalize(aim + Math.max(-maxTurn, Math.min(maxTurn, diff)));
    }

    private boolean shouldFire(Ship self, Ship target, float wantedAim, boolean lance, MatchConfig cfg, int tick) {
        int reaction = cfg.ticks(0.45 - 0.3 * skill);
        if (tick - targetSinceTick < reaction || hesitating(self, cfg, tick)) {
            return false;
        }
        float d = (float) Math.hypot(target.x() - self.x(), target.y() - self.y());
        // Tolerance: roughly the target's angular size, a bit looser for clumsy bots.
        float tolerance = (float) Math.atan2(Rules.SHIP_RADIUS, Math.max(d, 1f)) + 0.05f * (1f - skill);
        return d < (lance ? LANCE_MAX_RANGE : FIRE_RANGE) && Math.abs(angleDiff(wantedAim, aim)) < tolerance;
    }

    /** Clumsy bots never fire the lance, so they leave its pickups to others. */
    private boolean usesLance() {
        return skill >= LANCE_MIN_SKILL;
    }

    /** Whether a lance would leave with the next step (which runs at {@code tick + 1}). */
    private static boolean lanceCharged(Ship self, MatchConfig cfg, int tick) {
        return self.lastFireTick() == 0 || tick + 1 - self.lastFireTick() >= cfg.ticks(Rules.LANCE_CHARGE_SECONDS);
    }

    /**
     * Whether this bot still waits after its last shot: a random pause, longer the clumsier the
     * bot, so a clumsy one fires in fits rather than at the full rate of the gun.
     */
    private boolean hesitating(Ship self, MatchConfig cfg, int tick) {
        int lastShot = self.lastFireTick();
        if (lastShot == 0) {
            return false;
        }
        if (lastShot != hesitationAfterShot) {
            hesitationAfterShot = lastShot;
            double clumsiness = 1.0 - skill;
            double longest = Math.min(MAX_HESITATION_SECONDS, clumsiness * clumsiness * clumsiness * HESITATION_SCALE_SECONDS);
            hesitationTicks = cfg.ticks(longest * random.nextDouble());
        }
        // A shot fired now leaves at tick + 1.
        return tick + 1 - lastShot < cfg.ticks(Rules.FIRE_COOLDOWN_SECONDS) + hesitationTicks;
    }

    // ---------------------------------------------------------------- goals

    private float[] chooseGoal(World w, Ship self, Ship target, ArenaMap map, MatchConfig cfg, int tick) {
        if (tick < detourUntil) {
            return wanderGoal(w, self, map, cfg, tick);
        }
        int hurt = Rules.MAX_HEALTH / 2 + (int) (20 * (1f - skill));
        // One test of the outcome: a hurt bot that finds every health pickup taken goes on as one that is not
        // hurt. Tested apart, that case came first seconds into a match and C2 compiled decide again.
        Pickup health = self.health() <= hurt ? nearestPickup(w, self, PickupKind.HEALTH, Float.MAX_VALUE) : null;
        if (health != null) {
            return new float[] {health.x(), health.y()};
        }
        Pickup power = nearestPickup(w, self, PickupKind.POWER, 450f);
        if (power != null && self.powerUntil() <= tick) {
            return new float[] {power.x(), power.y()};
        }
        boolean midFight = target != null
                && dist2(self.x(), self.y(), target.x(), target.y()) < MID_FIGHT_RANGE * MID_FIGHT_RANGE;
        if (usesLance() && self.lanceCharges() == 0 && !midFight) {
            Pickup lance = nearestPickup(w, self, PickupKind.LANCE, LANCE_FETCH_RANGE);
            if (lance != null) {
                return new float[] {lance.x(), lance.y()};
            }
        }
        if (target != null) {
            return fightingPosition(self, target, cfg, tick);
        }
        return wanderGoal(w, self, map, cfg, tick);
    }

    private float[] wanderGoal(World w, Ship self, ArenaMap map, MatchConfig cfg, int tick) {
        if (Float.isNaN(wanderX) || tick >= wanderUntil || dist2(self.x(), self.y(), wanderX, wanderY) < 60f * 60f) {
            pickWanderPoint(w, map, cfg, tick);
        }
        return new float[] {wanderX, wanderY};
    }

    private Pickup nearestPickup(World w, Ship self, PickupKind kind, float within) {
        Pickup best = null;
        float bestD2 = within * within;
        for (Pickup p : w.pickups()) {
            if (p.kind() != kind || w.tick() < p.availableAt()) {
                continue;
            }
            float d2 = dist2(self.x(), self.y(), p.x(), p.y());
            if (d2 < bestD2) {
                best = p;
                bestD2 = d2;
            }
        }
        return best;
    }

    /** Circle the target at the preferred range, switching direction now and then or when blocked. */
    private float[] fightingPosition(Ship self, Ship target, MatchConfig cfg, int tick) {
        if (tick >= strafeUntil) {
            strafe = random.nextBoolean() ? 1 : -1;
            strafeUntil = tick + cfg.ticks(0.8 + 1.5 * random.nextDouble());
        }
        float dx = self.x() - target.x();
        float dy = self.y() - target.y();
        float d = Math.max(1f, (float) Math.hypot(dx, dy));
        float ux = dx / d;
        float uy = dy / d;
        for (int attempt = 0; attempt < 2; attempt++) {
            // A point on the circle around the target, a little further round in the strafe direction.
            float angle = 0.45f * strafe;
            float cos = (float) Math.cos(angle);
            float sin = (float) Math.sin(angle);
            float gx = target.x() + (ux * cos - uy * sin) * PREFERRED_RANGE;
            float gy = target.y() + (ux * sin + uy * cos) * PREFERRED_RANGE;
            if (nav.isOpen(gx, gy) && nav.clear(self.x(), self.y(), gx, gy)) {
                return new float[] {gx, gy};
            }
            strafe = -strafe;
        }
        return new float[] {target.x(), target.y()}; // hemmed in on both sides: close in
    }

    private void pickWanderPoint(World w, ArenaMap map, MatchConfig cfg, int tick) {
        List<SpawnPoint> spawns = map.spawns();
        int choices = spawns.size() + w.pickups().size();
        int pick = random.nextInt(choices);
        if (pick < spawns.size()) {
            wanderX = spawns.get(pick).x();
            wanderY = spawns.get(pick).y();
        } else {
            Pickup p = w.pickups().get(pick - spawns.size());
            wanderX = p.x();
            wanderY = p.y();
        }
        wanderUntil = tick + cfg.ticks(6 + 6 * random.nextDouble());
    }

    // ---------------------------------------------------------------- steering

    /** Buttons that bring the ship's velocity closest to "full speed toward the next waypoint". */
    private int steer(Ship self, float[] goal, MatchConfig cfg, int tick) {
        checkProgress(self, cfg, tick);
        float gx = goal[0];
        float gy = goal[1];
        // Moving goals (a circled target) are re-planned when they have moved on, not every tick.
        boolean replan = waypoint == null || tick >= replanAt
                || dist2(gx, gy, waypointGoalX, waypointGoalY) > GOAL_SLACK * GOAL_SLACK
                || dist2(self.x(), self.y(), waypoint[0], waypoint[1]) < NavGraph.REACHED * NavGraph.REACHED;
        if (replan) {
            waypoint = nav.nextWaypoint(self.x(), self.y(), gx, gy);
            waypointGoalX = gx;
            waypointGoalY = gy;
            replanAt = tick + REPLAN_TICKS;
            if (waypoint == null) {
                detour(cfg, tick); // no known way: flying straight at it would only push into a wall
                return 0;
            }
        }
        boolean finalLeg = waypoint[0] == waypointGoalX && waypoint[1] == waypointGoalY;
        // On the final leg fly at the goal as it is now, not as it was planned.
        float tx = finalLeg ? gx : waypoint[0];
        float ty = finalLeg ? gy : waypoint[1];
        float dx = tx - self.x();
        float dy = ty - self.y();
        float d = (float) Math.hypot(dx, dy);
        // Slow down only for the goal itself; corner points are flown through at speed.
        float wanted = finalLeg ? Math.min(Rules.MAX_SPEED, d * 3f) : Rules.MAX_SPEED;
        float wvx = d > 1f ? dx / d * wanted : 0f;
        float wvy = d > 1f ? dy / d * wanted : 0f;
        float ex = wvx - self.vx();
        float ey = wvy - self.vy();
        final float deadBand = 25f;
        int buttons = 0;
        if (ex > deadBand) {
            buttons |= Input.RIGHT;
        } else if (ex < -deadBand) {
            buttons |= Input.LEFT;
        }
        if (ey > deadBand) {
            buttons |= Input.DOWN;
        } else if (ey < -deadBand) {
            buttons |= Input.UP;
        }
        return buttons;
    }

    /** Every second: a bot that barely moved is stuck on something, whatever it was after. */
    private void checkProgress(Ship self, MatchConfig cfg, int tick) {
        if (tick < progressCheckAt) {
            return;
        }
        if (dist2(self.x(), self.y(), progressX, progressY) < 30f * 30f) {
            detour(cfg, tick);
        }
        progressX = self.x();
        progressY = self.y();
        progressCheckAt = tick + cfg.tickRate();
    }

    /** Gives up the current goal for a while: off to a new wander point, strafing the other way. */
    private void detour(MatchConfig cfg, int tick) {
        detourUntil = tick + cfg.ticks(DETOUR_SECONDS);
        wanderUntil = tick;
        strafe = -strafe;
        waypoint = null;
    }

    // ---------------------------------------------------------------- small maths

    private static Ship find(List<Ship> ships, int id) {
        for (Ship s : ships) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }

    private static float dist2(float ax, float ay, float bx, float by) {
        float dx = ax - bx;
        float dy = ay - by;
        return dx * dx + dy * dy;
    }

    /** The signed smallest angle from {@code from} to {@code to}, in (-π, π]. */
    private static float angleDiff(float to, float from) {
        double d = (to - from) % (2 * Math.PI);
        if (d > Math.PI) {
            d -= 2 * Math.PI;
        } else if (d <= -Math.PI) {
            d += 2 * Math.PI;
        }
        return (float) d;
    }

    private static float normalize(float a) {
        double twoPi = 2 * Math.PI;
        double n = a % twoPi;
        return (float) (n < 0 ? n + twoPi : n);
    }
}
