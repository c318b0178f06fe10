package io.lancers.protocol;

import io.lancers.sim.GameEvent;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Pickup;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Projectile;
import io.lancers.sim.Quantum;
import io.lancers.sim.Ship;
import io.lancers.sim.TeamScores;
import io.lancers.sim.World;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Generators of worlds on the {@link Quantum} grid, and of successors derived from them the way
 * ticks do: ships move, fire, die and respawn, join and leave; projectiles appear and vanish;
 * pickups are taken; every tick has its own events. Values span the full wire ranges now and then.
 */
final class Worlds {
    private Worlds() {
    }

    static Arbitrary<World> worlds() {
        return Arbitraries.randomValue(Worlds::world);
    }

    /** Pairs (base, next) where next is a plausible successor of base, sometimes identical. */
    static Arbitrary<List<World>> basesAndSuccessors() {
        return worlds().flatMap(base -> Arbitraries.randomValue(random -> List.of(base, successor(random, base))));
    }

    static World world(Random random) {
        int tick = random.nextInt(1 << 24);
        List<Ship> ships = new ArrayList<>();
        for (int id : ids(random, random.nextInt(4) == 0 ? 0 : random.nextInt(40), 1, 0xFFFF)) {
            ships.add(ship(random, id, tick));
        }
        List<Projectile> projectiles = new ArrayList<>();
        int projectileIds = random.nextInt(Integer.MAX_VALUE / 2);
        for (int i = 0, count = random.nextInt(3) == 0 ? 0 : random.nextInt(60); i < count; i++) {
            projectileIds += 1 + random.nextInt(5);
            projectiles.add(projectile(random, projectileIds, tick));
        }
        List<Pickup> pickups = new ArrayList<>();
        for (int id : ids(random, random.nextInt(9), 0, 0xFF)) {
            pickups.add(pickup(random, id, tick));
        }
        return new World(tick, match(random), ships, projectiles, pickups, events(random));
    }

    static World successor(Random random, World base) {
        if (random.nextInt(10) == 0) {
            return base;
        }
        int tick = base.tick() + 1 + (random.nextInt(8) == 0 ? random.nextInt(100) : 0);
        MatchState match = base.match();
        if (random.nextInt(4) == 0) {
            match = new MatchState(pick(random, base.match().phase(), MatchPhase.values()),
                    maybe(random, match.phaseEndTick(), tick + random.nextInt(10_000)),
                    maybe(random, match.killLimit(), random.nextInt(0x10000)),
                    random.nextInt(8) == 0 ? random.nextLong() : match.seed(),
                    maybe(random, match.nextProjectileId(), random.nextInt(Integer.MAX_VALUE)),
                    maybe(random, match.round(), random.nextInt(0x10000)),
                    random.nextInt(3) == 0 ? teamScores(random) : match.teamScores());
        }

        TreeSet<Integer> shipIds = new TreeSet<>();
        List<Ship> ships = new ArrayList<>();
        for (Ship ship : base.ships()) {
            int fate = random.nextInt(10);
            if (fate == 0) {
                continue; // left
            }
            ships.add(fate < 6 ? moved(random, ship, tick) : fate < 8 ? ship : ship(random, ship.id(), tick));
            shipIds.add(ship.id());
        }
        for (int added = random.nextInt(3); added > 0; added--) {
            int id = 1 + random.nextInt(0xFFFF);
            if (shipIds.add(id)) {
                ships.add(ship(random, id, tick));
            }
        }
        ships.sort((a, b) -> Integer.compare(a.id(), b.id()));

        List<Projectile> projectiles = new ArrayList<>();
        for (Projectile projectile : base.projectiles()) {
            if (random.nextInt(5) != 0) {
                projectiles.add(projectile);
            }
        }
        int nextId = base.projectiles().isEmpty() ? random.nextInt(1000)
                : base.projectiles().get(base.projectiles().size() - 1).id();
        for (int added = random.nextInt(4); added > 0; added--) {
            nextId += 1 + random.nextInt(3);
            projectiles.add(projectile(random, nextId, tick));
        }

        List<Pickup> pickups = new ArrayList<>();
        for (Pickup pickup : base.pickups()) {
            int fate = random.nextInt(12);
            if (fate == 0) {
                continue;
            }
            pickups.add(fate < 3 ? new Pickup(pickup.id(), pickup.kind(), pickup.x(), pickup.y(), tick + random.nextInt(600))
                    : fate == 3 ? pickup(random, pickup.id(), tick) : pickup);
        }
        if (random.nextInt(6) == 0) {
            int id = random.nextInt(0x100);
            if (pickups.stream().noneMatch(p -> p.id() == id)) {
                pickups.add(pickup(random, id, tick));
                pickups.sort((a, b) -> Integer.compare(a.id(), b.id()));
            }
        }
        List<GameEvent> events = random.nextInt(5) == 0 ? base.events() : events(random);
        return new World(tick, match, ships, projectiles, pickups, events);
    }

    static MatchState match(Random random) {
        if (random.nextInt(4) == 0) {
            return StateCodec.EMPTY.match();
        }
        return new MatchState(pick(random, null, MatchPhase.values()), random.nextInt(Integer.MAX_VALUE),
                random.nextInt(0x10000), random.nextLong(), random.nextInt(Integer.MAX_VALUE), random.nextInt(0x10000),
                random.nextBoolean() ? TeamScores.NONE : teamScores(random));
    }

    /** Usually small, now and then anything the wire carries. */
    static TeamScores teamScores(Random random) {
        int bound = random.nextInt(8) == 0 ? 0x10000 : 100;
        return new TeamScores(random.nextInt(bound), random.nextInt(bound));
    }

    static Ship ship(Random random, int id, int tick) {
        boolean extreme = random.nextInt(8) == 0;
        return new Ship(id, position(random), position(random), velocity(random), velocity(random), angle(random),
                extreme ? random.nextInt(0x100) : random.nextInt(101),
                random.nextBoolean() ? 0 : tick + random.nextInt(200),
                random.nextBoolean() ? 0 : tick + random.nextInt(200),
                random.nextBoolean() ? 0 : tick + random.nextInt(600),
                extreme ? random.nextInt(Integer.MAX_VALUE) : Math.max(0, tick - random.nextInt(100)),
                extreme ? random.nextInt(0x10000) : random.nextInt(50),
                extreme ? random.nextInt(0x10000) : random.nextInt(50),
                extreme ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(100_000),
                extreme ? random.nextInt(0x100) : random.nextBoolean() ? 0 : random.nextInt(6));
    }

    static Ship moved(Random random, Ship ship, int tick) {
        boolean fired = random.nextInt(4) == 0;
        return new Ship(ship.id(), step(random, ship.x()), step(random, ship.y()), step(random, ship.vx()),
                step(random, ship.vy()), random.nextBoolean() ? ship.aim() : angle(random),
                ship.health(), ship.respawnTick(), ship.invulnerableUntil(), ship.powerUntil(),
                fired ? tick : ship.lastFireTick(), ship.kills(), ship.deaths(), nextSeq(random, ship.lastInputSeq()),
                fired && ship.lanceCharges() > 0 && random.nextBoolean() ? ship.lanceCharges() - 1 : ship.lanceCharges());
    }

    /**
     * Usually the next input; sometimes none, several, a jump just past the one-byte increment, a
     * step back (a resumed client restarting its count) or anything.
     */
    private static int nextSeq(Random random, int seq) {
        int step = switch (random.nextInt(12)) {
            case 0 -> 0;
            case 1 -> 255;
            case 2 -> 256;
            case 3 -> -1 - random.nextInt(300);
            case 4 -> random.nextInt(Integer.MAX_VALUE) - seq;
            case 5 -> 1 + random.nextInt(255);
            default -> 1;
        };
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (long) seq + step));
    }

    static Projectile projectile(Random random, int id, int tick) {
        return new Projectile(id, 1 + random.nextInt(0xFFFF), position(random), position(random),
                velocity(random), velocity(random), Math.max(0, tick - random.nextInt(50)), random.nextInt(0x100));
    }

    static Pickup pickup(Random random, int id, int tick) {
        return new Pickup(id, pick(random, null, PickupKind.values()), position(random), position(random),
                random.nextBoolean() ? 0 : tick + random.nextInt(1000));
    }

    static List<GameEvent> events(Random random) {
        List<GameEvent> events = new ArrayList<>();
        for (int i = 0, count = random.nextInt(3) == 0 ? 0 : random.nextInt(12); i < count; i++) {
            int ship = 1 + random.nextInt(0xFFFF);
            int other = 1 + random.nextInt(0xFFFF);
            events.add(switch (random.nextInt(4)) {
                case 0 -> new GameEvent.Hit(ship, other, random.nextInt(0x100));
                case 1 -> new GameEvent.Kill(ship, other);
                case 2 -> new GameEvent.PickupTaken(ship, random.nextInt(0x100), pick(random, null, PickupKind.values()));
                default -> new GameEvent.Spawn(ship);
            });
        }
        return events;
    }

    static float position(Random random) {
        return (random.nextInt(0x10000) - 0x8000) * Quantum.POSITION;
    }

    static float velocity(Random random) {
        return (random.nextInt(0x10000) - 0x8000) * Quantum.VELOCITY;
    }

    static float angle(Random random) {
        return Quantum.angleFromSteps(random.nextInt(Quantum.ANGLE_STEPS));
    }

    /**
     * A position's or velocity's change that stays on the grid (both are 0.125 steps) and inside
     * the i16 range: usually a small one (a ship moves at most 43 steps a tick), sometimes none, one
     * at the edges of the one-byte increment or just past them, or a jump anywhere (a respawn).
     */
    private static float step(Random random, float value) {
        int by = switch (random.nextInt(12)) {
            case 0 -> 0;
            case 1 -> 127;
            case 2 -> -128;
            case 3 -> 128;
            case 4 -> -129;
            case 5 -> random.nextInt(0x10000) - 0x8000;
            default -> random.nextInt(87) - 43;
        };
        long steps = Math.round(value / Quantum.POSITION) + (long) by;
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, steps)) * Quantum.POSITION;
    }

    private static List<Integer> ids(Random random, int count, int min, int max) {
        TreeSet<Integer> ids = new TreeSet<>();
        while (ids.size() < Math.min(count, max - min + 1)) {
            ids.add(min + random.nextInt(max - min + 1));
        }
        return new ArrayList<>(ids);
    }

    private static int maybe(Random random, int old, int fresh) {
        return random.nextBoolean() ? old : fresh;
    }

    private static <T> T pick(Random random, T keep, T[] values) {
        return keep != null && random.nextBoolean() ? keep : values[random.nextInt(values.length)];
    }
}
