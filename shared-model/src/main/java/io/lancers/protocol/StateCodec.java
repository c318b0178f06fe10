package io.lancers.protocol;

import io.lancers.sim.GameEvent;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Pickup;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Projectile;
import io.lancers.sim.Ship;
import io.lancers.sim.TeamScores;
import io.lancers.sim.World;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.lancers.protocol.FieldTable.field;
import static io.lancers.protocol.FieldTable.increment;
import static io.lancers.protocol.FieldTable.optional;
import static io.lancers.protocol.FieldTable.ordinal;

/**
 * The server's state frames: a SNAPSHOT (a whole {@link World}) or a DELTA (what changed from a
 * base world the receiver holds). A snapshot is exactly a delta against {@link #EMPTY}, so one
 * body codec serves both. Big-endian throughout; the full layout with byte diagrams is in
 * docs/PROTOCOL.md, "State frames".
 * <pre>
 * header   type u8 | tick u32 | baseTick u32           (9 bytes; a snapshot's baseTick is 0)
 * match    mask v | changed MatchState fields
 * ships    removed v | id gaps v… | changed v | (id gap v | mask v | changed fields)…
 * shots    removed v | id gaps v… | added v   | (id gap v | other fields)…
 * pickups  removed v | id gaps v… | changed v | (id gap v | mask v | changed fields)…
 * events   count u8 | (kind u8 | fields)…            (replaces the base's events)
 * </pre>
 * {@code v} is a varint. A mask is one byte for the first seven fields of its {@link FieldTable};
 * an id is its gap from the previous id of the same list (from −1 for the first), one byte for
 * ids up to 127 apart.
 * A ship's x, y, vx, vy and {@code lastInputSeq} are sent as one-byte increments over the base when they can be.
 * Every float is carried as integer steps of its {@link io.lancers.sim.Quantum} grid, so
 * {@code apply(base, encodeDelta(base, next))} equals {@code next} exactly.
 */
public final class StateCodec {
    public static final byte SNAPSHOT = 0x10;
    public static final byte DELTA = 0x11;
    public static final int HEADER_BYTES = 9;

    /** The world a snapshot is a delta against: tick 0, no ships, shots, pickups or events. */
    public static final World EMPTY = new World(0, new MatchState(MatchPhase.PLAYING, 0, 0, 0L, 0, 0),
            List.of(), List.of(), List.of(), List.of());

    /** A state frame's header: its kind, the tick it brings the receiver to and the tick it needs. */
    public record Header(byte kind, int tick, int baseTick) {
    }

    /** {@code lancers.v5}'s bit 6: the red score in the high u16, the blue in the low one. */
    static final FieldTable<MatchState> MATCH = FieldTable.masked(MatchState.class,
            w -> new MatchState(MatchPhase.values()[(int) w[0]], (int) w[1], (int) w[2], w[3], (int) w[4], (int) w[5],
                    new TeamScores((int) (w[6] >>> 16), (int) (w[6] & 0xFFFF))),
            ordinal("phase", MatchPhase.class, MatchState::phase),
            field("phaseEndTick", Encoding.U31, MatchState::phaseEndTick),
            field("killLimit", Encoding.U16, MatchState::killLimit),
            field("seed", Encoding.I64, MatchState::seed),
            field("nextProjectileId", Encoding.U31, MatchState::nextProjectileId),
            field("round", Encoding.U16, MatchState::round),
            field("teamScores", Encoding.U32,
                    m -> (long) m.teamScores().red() << 16 | m.teamScores().blue()));

    private static final FieldTable.Field<Ship> SHIP_X = field("x", Encoding.I16, s -> Grid.positionSteps(s.x()));
    private static final FieldTable.Field<Ship> SHIP_Y = field("y", Encoding.I16, s -> Grid.positionSteps(s.y()));
    private static final FieldTable.Field<Ship> SHIP_VX = field("vx", Encoding.I16, s -> Grid.velocitySteps(s.vx()));
    private static final FieldTable.Field<Ship> SHIP_VY = field("vy", Encoding.I16, s -> Grid.velocitySteps(s.vy()));
    private static final FieldTable.Field<Ship> SHIP_LAST_INPUT_SEQ = field("lastInputSeq", Encoding.U31,
            Ship::lastInputSeq);

    /**
     * Wire order is not record order: the fields that change nearly every tick come first, so a
     * moving ship's mask is one byte. Among them, x and y ride as one-byte signed steps (a ship
     * moves at most 43 position steps a tick), so do vx and vy (thrust and drag change them by
     * under 128 steps in 83 % of the ticks they change, BENCHMARKS.md §1's match), and
     * {@code lastInputSeq} as a one-byte step up (+1 per tick from a client that keeps up); each
     * goes absolutely, further on, when it jumps (a respawn, full thrust, a wall, a resumed client)
     * or the ship is new. The second byte holds absolute x, y, vx, vy and what a death or a
     * respawn changes; the third what changes least often.
     */
    static final FieldTable<Ship> SHIP = FieldTable.keyedMasked(Ship.class,
            w -> new Ship((int) w[0], Grid.position(w[1]), Grid.position(w[2]), Grid.velocity(w[3]),
                    Grid.velocity(w[4]), Grid.angle(w[5]), (int) w[6], (int) w[7], (int) w[8], (int) w[9],
                    (int) w[10], (int) w[11], (int) w[12], (int) w[13], (int) w[14]),
            field("id", Encoding.U16, Ship::id),
            increment(SHIP_X, Encoding.I8),
            increment(SHIP_Y, Encoding.I8),
            increment(SHIP_VX, Encoding.I8),
            increment(SHIP_VY, Encoding.I8),
            field("aim", Encoding.U16, s -> Grid.angleSteps(s.aim())),
            increment(SHIP_LAST_INPUT_SEQ, Encoding.U8),
            field("lastFireTick", Encoding.U31, Ship::lastFireTick),
            field("health", Encoding.U8, Ship::health),
            field("respawnTick", Encoding.U31, Ship::respawnTick),
            field("invulnerableUntil", Encoding.U31, Ship::invulnerableUntil),
            SHIP_X,
            SHIP_Y,
            SHIP_VX,
            SHIP_VY,
            field("kills", Encoding.U16, Ship::kills),
            field("deaths", Encoding.U16, Ship::deaths),
            field("powerUntil", Encoding.U31, Ship::powerUntil),
            SHIP_LAST_INPUT_SEQ,
            // lancers.v5: older frames never name it, so a new ship without charges leaves it out.
            optional("lanceCharges", Encoding.U8, Ship::lanceCharges));

    static final FieldTable<Projectile> PROJECTILE = FieldTable.keyedFull(Projectile.class,
            w -> new Projectile((int) w[0], (int) w[1], Grid.position(w[2]), Grid.position(w[3]),
                    Grid.velocity(w[4]), Grid.velocity(w[5]), (int) w[6], (int) w[7]),
            field("id", Encoding.U31, Projectile::id),
            field("ownerId", Encoding.U16, Projectile::ownerId),
            field("x0", Encoding.I16, p -> Grid.positionSteps(p.x0())),
            field("y0", Encoding.I16, p -> Grid.positionSteps(p.y0())),
            field("vx", Encoding.I16, p -> Grid.velocitySteps(p.vx())),
            field("vy", Encoding.I16, p -> Grid.velocitySteps(p.vy())),
            field("spawnTick", Encoding.U31, Projectile::spawnTick),
            field("damage", Encoding.U8, Projectile::damage));

    static final FieldTable<Pickup> PICKUP = FieldTable.keyedMasked(Pickup.class,
            w -> new Pickup((int) w[0], PickupKind.values()[(int) w[1]], Grid.position(w[2]), Grid.position(w[3]),
                    (int) w[4]),
            field("id", Encoding.U8, Pickup::id),
            ordinal("kind", PickupKind.class, Pickup::kind),
            field("x", Encoding.I16, p -> Grid.positionSteps(p.x())),
            field("y", Encoding.I16, p -> Grid.positionSteps(p.y())),
            field("availableAt", Encoding.U31, Pickup::availableAt));

    /** Event tables; an event's kind byte on the wire is its index here. */
    static final List<FieldTable<? extends GameEvent>> EVENTS = List.of(
            FieldTable.full(GameEvent.Hit.class, w -> new GameEvent.Hit((int) w[0], (int) w[1], (int) w[2]),
                    field("targetId", Encoding.U16, GameEvent.Hit::targetId),
                    field("shooterId", Encoding.U16, GameEvent.Hit::shooterId),
                    field("damage", Encoding.U8, GameEvent.Hit::damage)),
            FieldTable.full(GameEvent.Kill.class, w -> new GameEvent.Kill((int) w[0], (int) w[1]),
                    field("killerId", Encoding.U16, GameEvent.Kill::killerId),
                    field("victimId", Encoding.U16, GameEvent.Kill::victimId)),
            FieldTable.full(GameEvent.PickupTaken.class,
                    w -> new GameEvent.PickupTaken((int) w[0], (int) w[1], PickupKind.values()[(int) w[2]]),
                    field("shipId", Encoding.U16, GameEvent.PickupTaken::shipId),
                    field("pickupId", Encoding.U8, GameEvent.PickupTaken::pickupId),
                    ordinal("kind", PickupKind.class, GameEvent.PickupTaken::kind)),
            FieldTable.full(GameEvent.Spawn.class, w -> new GameEvent.Spawn((int) w[0]),
                    field("shipId", Encoding.U16, GameEvent.Spawn::shipId)));

    private static final KeyedSection<Ship> SHIPS = new KeyedSection<>(SHIP);
    private static final KeyedSection<Projectile> PROJECTILES = new KeyedSection<>(PROJECTILE);
    private static final KeyedSection<Pickup> PICKUPS = new KeyedSection<>(PICKUP);

    /** One writer per encoding thread (a match's tick thread), reused tick after tick. */
    private static final ThreadLocal<ByteWriter> WRITERS = ThreadLocal.withInitial(() -> new ByteWriter(2048));

    private StateCodec() {
    }

    /** The whole world; the receiver needs no base. */
    public static byte[] encodeSnapshot(World world) {
        return encode(SNAPSHOT, EMPTY, world, 0);
    }

    /**
     * What changed from {@code base} to {@code next}; {@code next}'s events are always carried whole.
     *
     * @throws IllegalArgumentException if a value is off its grid or out of its wire range, or a
     *                                  list is not sorted by id: bugs of the caller
     */
    public static byte[] encodeDelta(World base, World next) {
        return encode(DELTA, base, next, base.tick());
    }

    private static byte[] encode(byte kind, World base, World next, int baseTick) {
        ByteWriter out = WRITERS.get();
        out.reset();
        out.u8(kind & 0xFF);
        Encoding.U31.write(out, next.tick());
        Encoding.U31.write(out, baseTick);
        MATCH.write(out, base.match(), next.match(), MATCH.changeMask(base.match(), next.match()));
        SHIPS.write(out, base.ships(), next.ships());
        PROJECTILES.write(out, base.projectiles(), next.projectiles());
        PICKUPS.write(out, base.pickups(), next.pickups());
        writeEvents(out, next.events());
        return out.toByteArray();
    }

    /** Reads the header of the frame at the buffer's position without moving it. */
    public static Header header(ByteBuffer frame) throws ProtocolException {
        return readHeader(new ByteReader(frame));
    }

    private static Header readHeader(ByteReader in) throws ProtocolException {
        if (in.remaining() == 0) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "empty binary frame");
        }
        int kind = in.u8();
        if (kind != SNAPSHOT && kind != DELTA) {
            throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA,
                    "unknown server frame type 0x" + Integer.toHexString(kind));
        }
        int tick = in.u31("tick");
        int baseTick = in.u31("baseTick");
        return new Header((byte) kind, tick, baseTick);
    }

    /**
     * Decodes a whole state frame (the buffer's remaining bytes) and consumes it. A SNAPSHOT ignores
     * {@code baseOrNull}; a DELTA needs the world at its base tick.
     *
     * @throws ProtocolException 1002 for a malformed frame or a delta whose base is not
     *                           {@code baseOrNull}; 1003 for an unknown frame type or value
     */
    public static World apply(World baseOrNull, ByteBuffer frame) throws ProtocolException {
        ByteReader in = new ByteReader(frame);
        Header header = readHeader(in);
        World base;
        if (header.kind() == SNAPSHOT) {
            base = EMPTY;
        } else if (baseOrNull == null || baseOrNull.tick() != header.baseTick()) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "delta needs base tick " + header.baseTick()
                    + ", have " + (baseOrNull == null ? "none" : String.valueOf(baseOrNull.tick())));
        } else {
            base = baseOrNull;
        }
        MatchState match = MATCH.read(in, base.match());
        List<Ship> ships = SHIPS.read(in, base.ships());
        List<Projectile> projectiles = PROJECTILES.read(in, base.projectiles());
        List<Pickup> pickups = PICKUPS.read(in, base.pickups());
        List<GameEvent> events = readEvents(in);
        in.requireEnd(header.kind() == SNAPSHOT ? "SNAPSHOT" : "DELTA");
        in.consume();
        return new World(header.tick(), match, ships, projectiles, pickups, events);
    }

    private static void writeEvents(ByteWriter out, List<GameEvent> events) {
        if (events.size() > 0xFF) {
            throw new IllegalArgumentException("at most 255 events per tick, got " + events.size());
        }
        out.u8(events.size());
        for (GameEvent event : events) {
            writeEvent(out, event, kindOf(event));
        }
    }

    private static int kindOf(GameEvent event) {
        for (int kind = 0; kind < EVENTS.size(); kind++) {
            if (EVENTS.get(kind).type().isInstance(event)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no wire kind for " + event);
    }

    private static <E extends GameEvent> void writeEvent(ByteWriter out, GameEvent event, int kind) {
        @SuppressWarnings("unchecked")
        FieldTable<E> table = (FieldTable<E>) EVENTS.get(kind);
        out.u8(kind);
        table.writeAll(out, table.type().cast(event));
    }

    private static List<GameEvent> readEvents(ByteReader in) throws ProtocolException {
        int count = in.u8();
        in.requireItems(count, 1 + 2, "event");
        List<GameEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = in.u8();
            if (kind >= EVENTS.size()) {
                throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA, "unknown event kind " + kind);
            }
            events.add(EVENTS.get(kind).read(in, null));
        }
        return events;
    }

    /**
     * A list of records sorted by key: removed keys, then changed or added entries, each list led by
     * its count. Masked records (ships, pickups) are patched in place; full ones (projectiles, which
     * never change) are only added and removed, and one that did change anyway is sent as removed
     * and added again. Counts are varints, and so is every key: its gap from the previous key of the
     * same list (from −1 for the first), one byte for keys up to 127 apart.
     */
    private static final class KeyedSection<R> {
        /** Counts are varints of at most this value (three bytes). */
        private static final int MAX_COUNT = (1 << 7 * ByteReader.SHORT_VARINT_BYTES) - 1;

        private final FieldTable<R> table;
        private final String name;
        /** The bytes of the longest valid gap: the first key's, keyMax + 1. */
        private final int maxGapBytes;
        /** Named once here, not per decoded frame. */
        private final String removedCountName;
        private final String countName;
        private final String removedIdsName;
        private final String idsName;

        KeyedSection(FieldTable<R> table) {
            this.table = table;
            this.name = table.type().getSimpleName();
            this.maxGapBytes = ByteWriter.varintBytes(table.keyMax() + 1);
            this.removedCountName = name + " removed count";
            this.countName = name + " count";
            this.removedIdsName = name + " removed ids";
            this.idsName = name + " ids";
        }

        void write(ByteWriter out, List<R> base, List<R> next) {
            int removedAt = out.position();
            int removed = 0;
            long lastRemoved = -1;
            int b = 0;
            long previous = -1;
            for (int n = 0; n <= next.size(); n++) {
                long nextKey = n < next.size() ? table.key(next.get(n)) : Long.MAX_VALUE;
                if (nextKey <= previous) {
                    throw new IllegalArgumentException(name + " list not sorted by id at " + nextKey);
                }
                previous = nextKey;
                for (; b < base.size() && table.key(base.get(b)) <= nextKey; b++) {
                    R old = base.get(b);
                    long key = table.key(old);
                    boolean replaced = key == nextKey && !table.hasMask()
                            && table.changeMask(old, next.get(n)) != 0;
                    if (key < nextKey || replaced) {
                        lastRemoved = writeKey(out, key, lastRemoved);
                        removed++;
                    }
                }
            }
            insertCount(out, removedAt, removed);

            int changedAt = out.position();
            int changed = 0;
            long lastChanged = -1;
            b = 0;
            for (R record : next) {
                long key = table.key(record);
                while (b < base.size() && table.key(base.get(b)) < key) {
                    b++;
                }
                R old = b < base.size() && table.key(base.get(b)) == key ? base.get(b) : null;
                int mask = table.changeMask(old, record);
                if (mask != 0) {
                    lastChanged = writeKey(out, key, lastChanged);
                    table.write(out, old, record, mask);
                    changed++;
                }
            }
            insertCount(out, changedAt, changed);
        }

        /** Writes {@code key} as its gap from {@code previous}, which it must exceed; returns it. */
        private long writeKey(ByteWriter out, long key, long previous) {
            if (key < 0 || key > table.keyMax()) {
                throw new IllegalArgumentException(name + ".id " + key + " is outside [0, " + table.keyMax() + "]");
            }
            out.varint(key - previous);
            return key;
        }

        private void insertCount(ByteWriter out, int at, int count) {
            if (count > MAX_COUNT) {
                throw new IllegalArgumentException("too many " + name + " entries for one frame: " + count);
            }
            out.insertVarint(at, count);
        }

        List<R> read(ByteReader in, List<R> base) throws ProtocolException {
            int removedCount = in.varint(removedCountName);
            in.requireItems(removedCount, 1, removedIdsName);
            long[] removed = new long[removedCount];
            long previous = -1;
            for (int i = 0; i < removedCount; i++) {
                previous = readKey(in, previous, removedIdsName);
                removed[i] = previous;
            }
            int changedCount = in.varint(countName);
            in.requireItems(changedCount, table.minEntryBytes(), idsName);
            Merge merge = new Merge(base, removed, name);
            previous = -1;
            for (int i = 0; i < changedCount; i++) {
                long key = readKey(in, previous, idsName);
                previous = key;
                R old = merge.copyUpTo(key);
                merge.add(table.readEntry(in, key, old));
            }
            return merge.finish();
        }

        /** Reads a key as its gap from {@code previous}: a gap of 0 is 1002, a key beyond the field's range 1003. */
        private long readKey(ByteReader in, long previous, String what) throws ProtocolException {
            long gap = in.varint(what, maxGapBytes);
            if (gap == 0) {
                throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, what + " not strictly ascending (gap 0)");
            }
            long key = previous + gap;
            if (key > table.keyMax()) {
                throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA, what + " out of range: " + key);
            }
            return key;
        }

        /** Walks the base list once, dropping removed records and yielding the ones entries patch. */
        private final class Merge {
            private final List<R> base;
            private final long[] removed;
            private final String name;
            private final List<R> out;
            private int b;
            private int r;

            Merge(List<R> base, long[] removed, String name) {
                this.base = base;
                this.removed = removed;
                this.name = name;
                this.out = new ArrayList<>(base.size() + 8);
            }

            /** Copies base records before {@code key}; returns the base record an entry with it patches. */
            R copyUpTo(long key) throws ProtocolException {
                skipTo(key);
                boolean inBase = b < base.size() && table.key(base.get(b)) == key;
                boolean isRemoved = r < removed.length && removed[r] == key;
                if (isRemoved && !inBase) {
                    throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "removed " + name + " " + key + " is not in the base");
                }
                if (!inBase) {
                    return null;
                }
                R old = base.get(b++);
                if (isRemoved) {
                    r++;
                    if (table.hasMask()) {
                        throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, name + " " + key + " removed and changed");
                    }
                    return null;
                }
                if (!table.hasMask()) {
                    throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, name + " " + key + " added twice");
                }
                return old;
            }

            void add(R record) {
                out.add(record);
            }

            List<R> finish() throws ProtocolException {
                skipTo(Long.MAX_VALUE);
                return out;
            }

            /** Copies base records with keys below {@code key}, dropping removed ones. */
            private void skipTo(long key) throws ProtocolException {
                for (; b < base.size() && table.key(base.get(b)) < key; b++) {
                    if (r < removed.length && removed[r] == table.key(base.get(b))) {
                        r++;
                    } else {
                        out.add(base.get(b));
                    }
                }
                // Removed keys advance only on a match, so one left behind names no base record.
                if (r < removed.length && removed[r] < key) {
                    throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                            "removed " + name + " " + removed[r] + " is not in the base");
                }
            }
        }
    }
}
