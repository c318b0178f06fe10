package io.lancers.protocol;

import io.lancers.bot.BotBrain;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Pickup;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Projectile;
import io.lancers.sim.Quantum;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.TeamScores;
import io.lancers.sim.World;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateCodecTest {

    /** A delta that changes nothing: header, match mask 0, six one-byte zero list counts, no events. */
    private static final int EMPTY_DELTA_BYTES = StateCodec.HEADER_BYTES + 1 + (1 + 1) + (1 + 1) + (1 + 1) + 1;

    @Provide
    Arbitrary<World> worlds() {
        return Worlds.worlds();
    }

    @Provide
    Arbitrary<List<World>> pairs() {
        return Worlds.basesAndSuccessors();
    }

    // ------------------------------------------------------------ round trips

    @Property(tries = 2000)
    void applyingADeltaToItsBaseGivesExactlyTheNextWorld(@ForAll("pairs") List<World> pair) throws ProtocolException {
        World base = pair.get(0);
        World next = pair.get(1);
        byte[] delta = StateCodec.encodeDelta(base, next);
        assertEquals(next, StateCodec.apply(base, ByteBuffer.wrap(delta)));
    }

    @Property(tries = 1000)
    void aSnapshotRestoresTheWorldWhateverTheBase(@ForAll("worlds") World world, @ForAll("worlds") World unrelated)
            throws ProtocolException {
        byte[] snapshot = StateCodec.encodeSnapshot(world);
        assertEquals(world, StateCodec.apply(null, ByteBuffer.wrap(snapshot)));
        assertEquals(world, StateCodec.apply(unrelated, ByteBuffer.wrap(snapshot)));
        assertArrayEquals(snapshot, StateCodec.encodeSnapshot(StateCodec.apply(null, ByteBuffer.wrap(snapshot))));
    }

    @Property(tries = 200)
    void aChainOfDeltasTracksTheServer(@ForAll long seed) throws ProtocolException {
        Random random = new Random(seed);
        World server = Worlds.world(random);
        World client = StateCodec.apply(null, ByteBuffer.wrap(StateCodec.encodeSnapshot(server)));
        for (int i = 0; i < 20; i++) {
            World next = Worlds.successor(random, server);
            client = StateCodec.apply(client, ByteBuffer.wrap(StateCodec.encodeDelta(server, next)));
            server = next;
            assertEquals(server, client);
        }
    }

    /** The real thing: sixteen bots fight, and a client following the frame stream holds the server's world. */
    @ParameterizedTest
    @MethodSource("io.lancers.map.MapLoader#builtInIds")
    void aSimulatedBotMatchStreamsExactly(String mapId) throws ProtocolException {
        ArenaMap map = MapLoader.load(mapId);
        MatchConfig config = MatchConfig.defaults();
        Simulation simulation = new Simulation(map, config);
        World server = simulation.newMatch(5, 0, 1);
        BotBrain[] brains = new BotBrain[17];
        for (int id = 1; id < brains.length; id++) {
            server = simulation.addShip(server, id);
            brains[id] = new BotBrain(id, id / 16f);
        }
        World client = StateCodec.apply(null, ByteBuffer.wrap(StateCodec.encodeSnapshot(server)));
        for (int tick = 0; tick < 20 * config.tickRate(); tick++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id < brains.length; id++) {
                inputs.put(id, brains[id].decide(server, id, map, config));
            }
            World next = simulation.step(server, inputs);
            client = StateCodec.apply(client, ByteBuffer.wrap(StateCodec.encodeDelta(server, next)));
            server = next;
            assertEquals(server, client, "tick " + server.tick());
        }
        assertEquals(server, StateCodec.apply(null, ByteBuffer.wrap(StateCodec.encodeSnapshot(server))));
    }

    @Property(tries = 300)
    void aDeltaOfAWorldToItselfCarriesOnlyItsEvents(@ForAll("worlds") World world) throws ProtocolException {
        World quiet = new World(world.tick(), world.match(), world.ships(), world.projectiles(), world.pickups(),
                List.of());
        assertEquals(EMPTY_DELTA_BYTES, StateCodec.encodeDelta(quiet, quiet).length);
        assertEquals(world, StateCodec.apply(quiet, ByteBuffer.wrap(StateCodec.encodeDelta(quiet, world))));
    }

    /** The worked example of docs/PROTOCOL.md §7.9, byte for byte. */
    @Test
    void theDocumentedExampleFramesAreWhatTheCodecWrites() throws ProtocolException {
        MatchState match = new MatchState(MatchPhase.PLAYING, 18120, 20, 42L, 7, 1);
        Ship ship = new Ship(3, 100.5f, 200f, 0f, -50f, Quantum.angleFromSteps(16384), 100, 0, 150, 0, 118, 1, 0, 57);
        Pickup pickup = new Pickup(0, PickupKind.HEALTH, 400f, 300f, 0);
        World at120 = new World(120, match, List.of(ship), List.of(new Projectile(6, 3, 100.5f, 190f, 0f, -600f, 118, 10)),
                List.of(pickup), List.of());
        Ship moved = new Ship(3, 100.5f, 199.25f, 0f, -50f, Quantum.angleFromSteps(16384), 100, 0, 150, 0, 118, 1, 0, 58);
        World at121 = new World(121, match, List.of(moved), List.of(), List.of(pickup), List.of());

        assertEquals(("10 00000078 00000000 3e 000046c8 0014 000000000000002a 00000007 0001"
                        + " 00 01 04 d0ff0f 4000 00000076 64 00000000 00000096 0324 0640 0000 fe70 0001 0000 00000000 00000039"
                        + " 00 01 07 0003 0324 05f0 0000 ed40 00000076 0a"
                        + " 00 01 01 0f 00 0c80 0960 00000000 00").replace(" ", ""),
                hex(StateCodec.encodeSnapshot(at120)));
        byte[] delta = StateCodec.encodeDelta(at120, at121);
        assertEquals("11 00000079 00000078 00 00 01 04 22 fa 01 01 07 00 00 00 00"
                .replace(" ", ""), hex(delta));
        assertEquals(at121, StateCodec.apply(at120, ByteBuffer.wrap(delta)));
    }

    /**
     * lancers.v5's additions on the wire (docs/PROTOCOL.md §7.4, §7.5, §7.7): team scores under match
     * bit 6 (u16 red, u16 blue), a ship's lance charges under bit 18 (u8), pickup kind 2.
     */
    @Test
    void theV5FieldsAreWhereTheDocumentSaysTheyAre() throws ProtocolException {
        MatchState match = new MatchState(MatchPhase.PLAYING, 0, 0, 0L, 0, 0, new TeamScores(3, 258));
        Ship armed = new Ship(3, 0f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0, 2);
        World world = new World(5, match, List.of(armed), List.of(), List.of(new Pickup(0, PickupKind.LANCE, 0f, 0f, 0)),
                List.of(new GameEvent.PickupTaken(3, 0, PickupKind.LANCE)));
        byte[] snapshot = StateCodec.encodeSnapshot(world);
        assertEquals(("10 00000005 00000000 40 0003 0102"
                        + " 00 01 04 d0ff1f 0000 00000000 64 00000000 00000000 0000 0000 0000 0000 0000 0000 00000000 00000000 02"
                        + " 00 00 00 01 01 0f 02 0000 0000 00000000 01 02 0003 00 02").replace(" ", ""),
                hex(snapshot));
        assertEquals(world, StateCodec.apply(null, ByteBuffer.wrap(snapshot)));
    }

    /**
     * Frames of lancers.v2–v4 (replays recorded before v5) are v5 frames: a new ship without bit 18 has
     * no lance charges, a match without bit 6 no team score. These are v4's documented example bytes.
     */
    @Test
    void framesOfTheOlderVersionsStillDecode() throws ProtocolException {
        World at120 = StateCodec.apply(null, ByteBuffer.wrap(bytes("10 00000078 00000000 3e 000046c8 0014"
                + " 000000000000002a 00000007 0001 00 01 04 d0ff0f 4000 00000076 64 00000000 00000096 0324 0640 0000"
                + " fe70 0001 0000 00000000 00000039 00 01 07 0003 0324 05f0 0000 ed40 00000076 0a"
                + " 00 01 01 0f 00 0c80 0960 00000000 00")));
        assertEquals(0, at120.ships().get(0).lanceCharges());
        assertEquals(TeamScores.NONE, at120.match().teamScores());
        assertEquals(57, at120.ships().get(0).lastInputSeq());
        World at121 = StateCodec.apply(at120, ByteBuffer.wrap(bytes("11 00000079 00000078 00 00 01 04 22 fa 01 01 07 00 00 00 00")));
        assertEquals(58, at121.ships().get(0).lastInputSeq());
    }

    @Test
    void aNewShipMayLeaveOutOnlyItsLanceCharges() {
        World empty = worldWith(List.of());
        // d0ff0f: every absolute bit but 18 (fine); d0ff0e: lastInputSeq (17) missing too.
        String fields = " 0000 00000000 64 00000000 00000000 0000 0000 0000 0000 0000 0000 00000000";
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, empty, deltaWithShipEntry("d0ff07" + fields + " 02"));
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, empty, deltaWithShipEntry("d1ff1f" + " 01" + fields + " 00000000 02"));
    }

    /** Lower-case hex digits, no spaces: the documentation's grouping is removed before comparing. */
    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }

    @Test
    void theEmptyWorldIsTheSmallestSnapshot() throws ProtocolException {
        byte[] snapshot = StateCodec.encodeSnapshot(StateCodec.EMPTY);
        assertEquals(EMPTY_DELTA_BYTES, snapshot.length);
        assertEquals(StateCodec.EMPTY, StateCodec.apply(null, ByteBuffer.wrap(snapshot)));
    }

    // ------------------------------------------------------------ header and base

    @Property(tries = 200)
    void headerReadsWithoutConsuming(@ForAll("pairs") List<World> pair) throws ProtocolException {
        byte[] delta = StateCodec.encodeDelta(pair.get(0), pair.get(1));
        ByteBuffer buffer = ByteBuffer.allocate(delta.length + 5);
        buffer.position(5);
        buffer.put(delta).position(5);
        assertEquals(new StateCodec.Header(StateCodec.DELTA, pair.get(1).tick(), pair.get(0).tick()),
                StateCodec.header(buffer));
        assertEquals(5, buffer.position());
        assertEquals(pair.get(1), StateCodec.apply(pair.get(0), buffer));
        assertEquals(0, buffer.remaining(), "apply consumes the frame");

        ByteBuffer snapshot = ByteBuffer.wrap(StateCodec.encodeSnapshot(pair.get(1)));
        assertEquals(new StateCodec.Header(StateCodec.SNAPSHOT, pair.get(1).tick(), 0), StateCodec.header(snapshot));
        assertEquals(0, snapshot.position());
    }

    @Test
    void aDeltaNeedsTheBaseItWasMadeFrom() {
        Random random = new Random(7);
        World base = Worlds.world(random);
        World next = Worlds.successor(random, base);
        byte[] delta = StateCodec.encodeDelta(base, next);
        World wrongTick = new World(base.tick() + 1, base.match(), base.ships(), base.projectiles(), base.pickups(),
                base.events());
        assertEquals(CloseCodes.PROTOCOL_ERROR,
                assertThrows(ProtocolException.class, () -> StateCodec.apply(null, ByteBuffer.wrap(delta))).closeCode());
        assertThrows(ProtocolException.class, () -> StateCodec.apply(wrongTick, ByteBuffer.wrap(delta)));
    }

    // ------------------------------------------------------------ the field tables

    @Test
    void everyTableCarriesEachRecordComponentOnceAbsolutely() {
        for (FieldTable<?> table : List.of(StateCodec.MATCH, StateCodec.SHIP, StateCodec.PROJECTILE, StateCodec.PICKUP)) {
            assertEquals(Set.copyOf(componentNames(table.type())), Set.copyOf(absoluteComponents(table)),
                    table.type().getSimpleName());
            assertEquals(componentNames(table.type()).size(), absoluteComponents(table).size());
        }
        for (FieldTable<?> table : StateCodec.EVENTS) {
            assertEquals(componentNames(table.type()), absoluteComponents(table), table.type().getSimpleName());
        }
        assertEquals(Set.of(GameEvent.class.getPermittedSubclasses()),
                StateCodec.EVENTS.stream().map(FieldTable::type).collect(Collectors.toSet()));
    }

    @Test
    void aTableThatMissesOrRepeatsAComponentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FieldTable.full(GameEvent.Kill.class,
                w -> new GameEvent.Kill((int) w[0], (int) w[1]),
                FieldTable.field("killerId", Encoding.U16, GameEvent.Kill::killerId)));
        assertThrows(IllegalArgumentException.class, () -> FieldTable.full(GameEvent.Kill.class,
                w -> new GameEvent.Kill((int) w[0], (int) w[1]),
                FieldTable.field("killerId", Encoding.U16, GameEvent.Kill::killerId),
                FieldTable.field("killerId", Encoding.U16, GameEvent.Kill::killerId),
                FieldTable.field("victimId", Encoding.U16, GameEvent.Kill::victimId)));
        assertThrows(IllegalArgumentException.class, () -> FieldTable.full(GameEvent.Kill.class,
                w -> new GameEvent.Kill((int) w[0], (int) w[1]),
                FieldTable.field("killerId", Encoding.U16, GameEvent.Kill::killerId),
                FieldTable.field("victimId", Encoding.U16, GameEvent.Kill::victimId),
                FieldTable.increment(FieldTable.field("victimId", Encoding.U16, GameEvent.Kill::victimId), Encoding.U8)),
                "an increment without a base");
        FieldTable.Field<GameEvent.Kill> victim = FieldTable.field("victimId", Encoding.U16, GameEvent.Kill::victimId);
        assertThrows(IllegalArgumentException.class, () -> FieldTable.increment(victim, Encoding.U16), "two bytes");
        assertThrows(IllegalArgumentException.class,
                () -> FieldTable.increment(FieldTable.increment(victim, Encoding.U8), Encoding.U8), "of an increment");
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toList());
    }

    private static List<String> absoluteComponents(FieldTable<?> table) {
        return table.fields().stream().filter(f -> f.form() == FieldTable.Form.ABSOLUTE)
                .map(FieldTable.Field::component).collect(Collectors.toList());
    }

    /** Mask bit i is entry i: docs/PROTOCOL.md §7.5. An increment is written "+name". */
    private static final List<String> SHIP_MASK_BITS = List.of("+x", "+y", "+vx", "+vy", "aim", "+lastInputSeq",
            "lastFireTick", "health", "respawnTick", "invulnerableUntil", "x", "y", "vx", "vy", "kills", "deaths",
            "powerUntil", "lastInputSeq", "lanceCharges");

    /** The components a ship sends as a one-byte step when it can. */
    private static final Set<String> SHIP_INCREMENTS = Set.of("x", "y", "vx", "vy", "lastInputSeq");

    @Test
    void theShipMaskIsTheDocumentedOneAndItsFirstByteHoldsWhatChangesEveryTick() {
        List<String> bits = StateCodec.SHIP.fields().stream().skip(1)
                .map(f -> (f.form() == FieldTable.Form.INCREMENT ? "+" : "") + f.component())
                .collect(Collectors.toList());
        assertEquals(SHIP_MASK_BITS, bits);
        for (String everyTick : List.of("+x", "+y", "+vx", "+vy", "aim", "+lastInputSeq")) {
            assertTrue(SHIP_MASK_BITS.indexOf(everyTick) < 7, everyTick);
        }
    }

    @Test
    void eachShipFieldHasItsOwnMaskBit() throws ProtocolException {
        Ship ship = new Ship(9, 1f, 2f, 3f, 4f, Quantum.angleFromSteps(5), 6, 7, 8, 9, 10, 11, 12, 13);
        for (String component : componentNames(Ship.class).subList(1, Ship.class.getRecordComponents().length)) {
            World base = worldWith(List.of(ship));
            World next = worldWith(List.of(withComponent(ship, component, 1)));
            byte[] delta = StateCodec.encodeDelta(base, next);
            String bit = SHIP_INCREMENTS.contains(component) ? "+" + component : component;
            assertEquals(1 << SHIP_MASK_BITS.indexOf(bit), shipMask(delta), component);
            assertEquals(next, StateCodec.apply(base, ByteBuffer.wrap(delta)));
        }
    }

    /** lastInputSeq goes as base + 1..255 in one byte, anything else (same value excepted) as a whole u32. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 255, 256, 1000, -1, -2, -99})
    void lastInputSeqIsAnIncrementWhenItCanBe(int step) throws ProtocolException {
        for (int seq : new int[] {100, Integer.MAX_VALUE - 1000}) {
            Ship ship = new Ship(9, 1f, 2f, 3f, 4f, 0f, 6, 7, 8, 9, 10, 11, 12, seq);
            World base = worldWith(List.of(ship));
            World next = worldWith(List.of(withComponent(ship, "lastInputSeq", step)));
            byte[] delta = StateCodec.encodeDelta(base, next);
            assertEquals(next, StateCodec.apply(base, ByteBuffer.wrap(delta)));
            if (step == 0) {
                assertEquals(EMPTY_DELTA_BYTES, delta.length);
                continue;
            }
            boolean increment = step >= 1 && step <= 255;
            assertEquals(1 << SHIP_MASK_BITS.indexOf(increment ? "+lastInputSeq" : "lastInputSeq"), shipMask(delta));
            assertEquals(EMPTY_DELTA_BYTES + 1 + maskBytes(shipMask(delta)) + (increment ? 1 : 4), delta.length);
        }
    }

    /**
     * x, y, vx and vy go as base + −128..127 (0 excepted) in one signed byte, anything else as a whole
     * i16: the steps around the byte's edges, a ship's largest move in a tick (43) and respawn jumps.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, -1, 43, -43, 127, -128, 128, -129, 255, -256, 5000, -5000})
    void positionsAndVelocitiesAreSignedIncrementsWhenTheyCanBe(int step) throws ProtocolException {
        for (String component : List.of("x", "y", "vx", "vy")) {
            for (float at : new float[] {0f, 1000f, -1000f}) {
                Ship ship = new Ship(9, at, at, at, at, 0f, 6, 7, 8, 9, 10, 11, 12, 13);
                World base = worldWith(List.of(ship));
                World next = worldWith(List.of(withComponent(ship, component, step)));
                byte[] delta = StateCodec.encodeDelta(base, next);
                assertEquals(next, StateCodec.apply(base, ByteBuffer.wrap(delta)));
                if (step == 0) {
                    assertEquals(EMPTY_DELTA_BYTES, delta.length);
                    continue;
                }
                boolean increment = step >= -128 && step <= 127;
                assertEquals(1 << SHIP_MASK_BITS.indexOf(increment ? "+" + component : component), shipMask(delta));
                assertEquals(EMPTY_DELTA_BYTES + 1 + maskBytes(shipMask(delta)) + (increment ? 1 : 2), delta.length);
            }
        }
    }

    /** A moving ship (position, velocity, aim, one input) has a one-byte mask and one byte per coordinate. */
    @Test
    void aMovingShipsMaskIsOneByte() throws ProtocolException {
        Ship ship = new Ship(9, 1f, 2f, 3f, 4f, 0f, 6, 7, 8, 9, 10, 11, 12, 13);
        Ship moved = new Ship(9, 1f + 43 * Quantum.POSITION, 2f - 43 * Quantum.POSITION, 3.5f, 4.5f,
                Quantum.angleFromSteps(5), 6, 7, 8, 9, 10, 11, 12, 14);
        byte[] delta = StateCodec.encodeDelta(worldWith(List.of(ship)), worldWith(List.of(moved)));
        assertEquals(EMPTY_DELTA_BYTES + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 1, delta.length);
        assertEquals(worldWith(List.of(moved)), StateCodec.apply(worldWith(List.of(ship)), ByteBuffer.wrap(delta)));
    }

    private static int maskBytes(int mask) {
        return mask < 1 << 7 ? 1 : mask < 1 << 14 ? 2 : 3;
    }

    @Test
    void aNewShipAndASnapshotCarryEveryFieldWhole() throws ProtocolException {
        Ship ship = new Ship(9, 1f, 2f, 3f, 4f, 0f, 6, 7, 8, 9, 10, 11, 12, 1);
        World next = worldWith(List.of(ship));
        for (String component : SHIP_INCREMENTS) {
            int absolute = 1 << SHIP_MASK_BITS.indexOf(component);
            int increment = 1 << SHIP_MASK_BITS.indexOf("+" + component);
            for (byte[] frame : List.of(StateCodec.encodeDelta(worldWith(List.of()), next), StateCodec.encodeSnapshot(next))) {
                assertEquals(absolute, shipMask(frame) & (absolute | increment), component);
            }
        }
    }

    /** Offset of the first changed ship's mask: header, match mask 0, removed count 0, changed count, one-byte id gap. */
    private static final int SHIP_MASK_AT = StateCodec.HEADER_BYTES + 1 + 1 + 1 + 1;

    /** The varint mask of the first changed ship of a frame whose match mask is one byte and no ship is removed. */
    private static int shipMask(byte[] frame) {
        int mask = 0;
        for (int i = 0; ; i++) {
            int b = frame[SHIP_MASK_AT + i] & 0xFF;
            mask |= (b & 0x7F) << 7 * i;
            if (b < 0x80) {
                return mask;
            }
        }
    }

    /** The ship with the named component raised by {@code by} grid steps (or units). */
    private static Ship withComponent(Ship ship, String component, int by) {
        RecordComponent[] parts = Ship.class.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = parts[i].getAccessor().invoke(ship);
                if (!parts[i].getName().equals(component)) {
                    continue;
                }
                if (component.equals("aim")) {
                    values[i] = Quantum.angleFromSteps(Quantum.angleToSteps((Float) values[i]) + by);
                } else if (component.startsWith("v")) {
                    values[i] = (Float) values[i] + by * Quantum.VELOCITY;
                } else if (values[i] instanceof Float) {
                    values[i] = (Float) values[i] + by * Quantum.POSITION;
                } else {
                    values[i] = (Integer) values[i] + by;
                }
            }
            return Ship.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static World worldWith(List<Ship> ships) {
        return new World(100, StateCodec.EMPTY.match(), ships, List.of(), List.of(), List.of());
    }

    // ------------------------------------------------------------ ids as gaps

    private static Ship shipWithId(int id) {
        return new Ship(id, 1f, 2f, 3f, 4f, 0f, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void idsAtTheEndsOfTheirRangesAndTheLargestGapsRoundTrip() throws ProtocolException {
        World extremes = new World(7, StateCodec.EMPTY.match(), List.of(shipWithId(0), shipWithId(1), shipWithId(0xFFFF)),
                List.of(new Projectile(0, 1, 0f, 0f, 0f, 0f, 0, 1), new Projectile(Integer.MAX_VALUE, 1, 0f, 0f, 0f, 0f, 0, 1)),
                List.of(new Pickup(0, PickupKind.HEALTH, 0f, 0f, 0), new Pickup(0xFF, PickupKind.POWER, 0f, 0f, 0)),
                List.of());
        assertEquals(extremes, StateCodec.apply(null, ByteBuffer.wrap(StateCodec.encodeSnapshot(extremes))));
        World emptied = new World(8, extremes.match(), List.of(shipWithId(1)), List.of(), List.of(), List.of());
        assertEquals(emptied, StateCodec.apply(extremes, ByteBuffer.wrap(StateCodec.encodeDelta(extremes, emptied))));
        assertEquals(extremes, StateCodec.apply(emptied, ByteBuffer.wrap(StateCodec.encodeDelta(emptied, extremes))));
    }

    /** A delta from tick 100 to 101 removing the ships whose count and id gaps are {@code removed}. */
    private static byte[] deltaRemovingShips(String removed) {
        return bytes("11 00000065 00000064 00 " + removed + " 00 00 00 00 00 00");
    }

    /** docs/PROTOCOL.md §7.3: ids 3, 5, 200 are the gaps 4, 2, 195; ship 65535 alone is the gap 65536. */
    @Test
    void idsAreVarintGapsFromThePreviousIdOfTheirList() throws ProtocolException {
        World three = worldWith(List.of(shipWithId(3), shipWithId(5), shipWithId(200)));
        World none = new World(101, three.match(), List.of(), List.of(), List.of(), List.of());
        assertEquals(hex(deltaRemovingShips("03 04 02 c301")), hex(StateCodec.encodeDelta(three, none)));
        assertEquals(none, StateCodec.apply(three, ByteBuffer.wrap(deltaRemovingShips("03 04 02 c301"))));
        World last = worldWith(List.of(shipWithId(0xFFFF)));
        assertEquals(hex(deltaRemovingShips("01 808004")), hex(StateCodec.encodeDelta(last, none)));
    }

    @Test
    void malformedIdGapsAreRefused() {
        World three = worldWith(List.of(shipWithId(3), shipWithId(5), shipWithId(200)));
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, three, deltaRemovingShips("02 04 00")); // gap 0: 5 after 3 twice
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, three, deltaRemovingShips("01 00")); // gap 0 from −1
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, three, deltaRemovingShips("01 8400")); // 4, longer than needed
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, three, deltaRemovingShips("01 80808004")); // ship ids: 3 bytes at most
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, three, deltaRemovingShips("01 818004")); // ship 65536
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, three, deltaRemovingShips("02 04 fdff03")); // 3 + 65533
        // changed ships: 3 with an empty mask, then a gap of 0
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, three, bytes("11 00000065 00000064 00 00 02 04 00 00 00 00 00 00 00 00"));
        // pickup 256; projectile 2^31; a projectile gap of six bytes
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, three, bytes("11 00000065 00000064 00 00 00 00 00 01 8102 00 00"));
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, three, bytes("11 00000065 00000064 00 00 00 01 8180808008 00 00 00 00"));
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, three, bytes("11 00000065 00000064 00 00 00 01 818080808000 00 00 00 00"));
    }

    // ------------------------------------------------------------ encoder preconditions

    @Test
    void valuesOffTheGridOrOutOfRangeAreBugsOfTheCaller() {
        Ship good = new Ship(1, 0f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0);
        List<Ship> bad = List.of(
                new Ship(1, 0.1f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0),
                new Ship(1, 4096f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0),
                new Ship(1, -0f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0),
                new Ship(1, 0f, 0f, Float.NaN, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0),
                new Ship(1, 0f, 0f, 0f, 0f, 7f, 100, 0, 0, 0, 0, 0, 0, 0),
                new Ship(1, 0f, 0f, 0f, 0f, 0f, 256, 0, 0, 0, 0, 0, 0, 0),
                new Ship(1, 0f, 0f, 0f, 0f, 0f, 100, -1, 0, 0, 0, 0, 0, 0),
                new Ship(0x10000, 0f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0),
                new Ship(-1, 0f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0));
        for (Ship ship : bad) {
            assertThrows(IllegalArgumentException.class, () -> StateCodec.encodeSnapshot(worldWith(List.of(ship))),
                    ship.toString());
        }
        assertThrows(IllegalArgumentException.class,
                () -> StateCodec.encodeSnapshot(worldWith(List.of(good, good))), "duplicate ids");
        World negativeTick = new World(-1, StateCodec.EMPTY.match(), List.of(), List.of(), List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> StateCodec.encodeSnapshot(negativeTick));
    }

    @Test
    void aProjectileThatChangedAnywayIsReplaced() throws ProtocolException {
        Projectile shot = new Projectile(5, 1, 0f, 0f, 10f, 0f, 90, 10);
        World base = new World(100, StateCodec.EMPTY.match(), List.of(), List.of(shot), List.of(), List.of());
        World next = new World(101, StateCodec.EMPTY.match(), List.of(),
                List.of(new Projectile(5, 1, 0f, 0f, 10f, 0f, 90, 20)), List.of(), List.of());
        assertEquals(next, StateCodec.apply(base, ByteBuffer.wrap(StateCodec.encodeDelta(base, next))));
    }

    // ------------------------------------------------------------ hostile input

    @Test
    void unknownKindsAndOrdinalsAre1003() {
        World world = new World(3, new MatchState(MatchPhase.INTERMISSION, 9, 0, 0L, 0, 0), List.of(), List.of(),
                List.of(new Pickup(0, PickupKind.POWER, 0f, 0f, 0)), List.of(new GameEvent.Spawn(1)));
        byte[] snapshot = StateCodec.encodeSnapshot(world);
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, 0, 0x12));
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, StateCodec.HEADER_BYTES + 1, 2)); // phase
        int pickupKindAt = StateCodec.HEADER_BYTES + 1 + 1 + 4 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1;
        assertEquals(PickupKind.POWER.ordinal(), snapshot[pickupKindAt]);
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, pickupKindAt, 3));
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, snapshot.length - 3, 4)); // event kind
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, 1, 0x80)); // tick beyond 2^31-1
    }

    /** A delta from tick 100 to 101 whose one changed ship is 9 (id gap 0a from −1) with {@code entry}. */
    private static byte[] deltaWithShipEntry(String entry) {
        return bytes("11 00000065 00000064 00 00 01 0a " + entry + " 00 00 00 00 00");
    }

    private static World baseWithSeq(int seq) {
        return worldWith(List.of(new Ship(9, 1f, 2f, 3f, 4f, 0f, 6, 7, 8, 9, 10, 11, 12, seq)));
    }

    @Test
    void malformedShipMasksAndIncrementsAre1002() throws ProtocolException {
        World base = baseWithSeq(100);
        World seq101 = new World(101, base.match(), List.of(withComponent(base.ships().get(0), "lastInputSeq", 1)),
                List.of(), List.of(), List.of());
        assertEquals(seq101, StateCodec.apply(base, ByteBuffer.wrap(deltaWithShipEntry("20 01"))));
        assertEquals(seq101, StateCodec.apply(base, ByteBuffer.wrap(deltaWithShipEntry("80 80 08 00000065"))));
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("a0 80 08 01 00000065")); // both seq bits
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("20 00")); // increment of 0
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("a0 00 01")); // varint longer than needed
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("a0 80 00 01"));
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("a0 80 80 01 01")); // over 3 bytes
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("80 80 20 00000065")); // bit 19: undefined
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, baseWithSeq(Integer.MAX_VALUE - 1),
                deltaWithShipEntry("20 02")); // past 2^31 - 1
        // a ship the base lacks must come whole: its seq absolutely, never as an increment
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, worldWith(List.of()), deltaWithShipEntry(
                "f0 ff 07 0000 01 0000000a 06 00000007 00000008 0008 0010 0018 0020 000b 000c 00000009"));
    }

    /** The ship of {@link #baseWithSeq} is at x = 1 (8 steps), y = 2 (16 steps), vx = 3 (24), vy = 4 (32). */
    @Test
    void malformedMotionIncrementsAre1002AndOnesLeavingTheRangeAre1003() throws ProtocolException {
        World base = baseWithSeq(100);
        Ship ship = base.ships().get(0);
        World left = new World(101, base.match(), List.of(withComponent(ship, "x", -128)), List.of(), List.of(), List.of());
        assertEquals(left, StateCodec.apply(base, ByteBuffer.wrap(deltaWithShipEntry("01 80"))));
        World up = new World(101, base.match(), List.of(withComponent(ship, "y", 127)), List.of(), List.of(), List.of());
        assertEquals(up, StateCodec.apply(base, ByteBuffer.wrap(deltaWithShipEntry("02 7f"))));
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("01 00")); // x increment of 0
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("81 08 01 0009")); // both x bits
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("82 10 01 0011")); // both y bits
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("84 20 01 0019")); // both vx bits
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("88 40 01 0021")); // both vy bits
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, base, deltaWithShipEntry("08 00")); // vy increment of 0
        World atEdges = worldWith(List.of(new Ship(9, Short.MAX_VALUE * Quantum.POSITION, Short.MIN_VALUE * Quantum.POSITION,
                Short.MAX_VALUE * Quantum.VELOCITY, Short.MIN_VALUE * Quantum.VELOCITY, 0f, 6, 7, 8, 9, 10, 11, 12, 13)));
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, atEdges, deltaWithShipEntry("01 01")); // x past 32767 steps
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, atEdges, deltaWithShipEntry("02 ff")); // y below −32768 steps
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, atEdges, deltaWithShipEntry("04 7f")); // vx past 32767 steps
        assertApplyFails(CloseCodes.UNSUPPORTED_DATA, atEdges, deltaWithShipEntry("08 80")); // vy below −32768 steps
        World edgesMoved = new World(101, atEdges.match(), List.of(withComponent(withComponent(atEdges.ships().get(0),
                "x", -1), "y", 1)), List.of(), List.of(), List.of());
        assertEquals(edgesMoved, StateCodec.apply(atEdges, ByteBuffer.wrap(deltaWithShipEntry("03 ff 01"))));
        // a ship the base lacks must come whole: its x absolutely, never as an increment
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, worldWith(List.of()), deltaWithShipEntry(
                "d1 f7 0f 01 0000 0000000a 06 00000007 00000008 0010 0018 0020 000b 000c 00000009 0000000d"));
    }

    private static void assertApplyFails(int code, World base, byte[] frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> StateCodec.apply(base, ByteBuffer.wrap(frame)));
        assertEquals(code, e.closeCode(), e.getMessage());
    }

    private static byte[] bytes(String hex) {
        String digits = hex.replace(" ", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    @Test
    void forgedCountsFailBeforeAllocating() {
        // projectiles removed: ff ff 7f, the largest three-byte count, in a frame that ends there
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> StateCodec.apply(null, ByteBuffer.wrap(bytes("10 00000001 00000000 00 00 00 ffff7f"))));
        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertTrue(e.getMessage().contains("exceeds the frame"), e.getMessage());
        assertApplyFails(CloseCodes.PROTOCOL_ERROR, StateCodec.EMPTY,
                bytes("10 00000001 00000000 00 00 00 ffffff7f 00 00 00 00")); // a count of four bytes
    }

    @Property(tries = 300)
    void everyTruncationAndAnyTrailingByteIsRejected(@ForAll("pairs") List<World> pair) {
        byte[] delta = StateCodec.encodeDelta(pair.get(0), pair.get(1));
        for (int length = 0; length < delta.length; length++) {
            byte[] cut = Arrays.copyOf(delta, length);
            assertThrows(ProtocolException.class, () -> StateCodec.apply(pair.get(0), ByteBuffer.wrap(cut)));
        }
        byte[] longer = Arrays.copyOf(delta, delta.length + 1);
        assertThrows(ProtocolException.class, () -> StateCodec.apply(pair.get(0), ByteBuffer.wrap(longer)));
    }

    @Property(tries = 10_000)
    void randomBytesOnlyEverFailWithAProtocolException(@ForAll byte[] bytes) {
        byte[] frame = bytes.length > 0 && bytes[0] % 3 == 0 ? with(bytes, 0, StateCodec.SNAPSHOT) : bytes;
        onlyProtocolExceptions(StateCodec.EMPTY, frame);
    }

    @Property(tries = 3000)
    void mutatedFramesOnlyEverFailWithAProtocolException(@ForAll("pairs") List<World> pair, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] frame = random.nextBoolean() ? StateCodec.encodeDelta(pair.get(0), pair.get(1))
                : StateCodec.encodeSnapshot(pair.get(1));
        for (int i = 0, flips = 1 + random.nextInt(4); i < flips; i++) {
            int at = 1 + random.nextInt(frame.length - 1);
            frame[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
        }
        onlyProtocolExceptions(pair.get(0), frame);
    }

    private static void onlyProtocolExceptions(World base, byte[] frame) {
        try {
            StateCodec.header(ByteBuffer.wrap(frame));
            StateCodec.apply(base, ByteBuffer.wrap(frame));
        } catch (ProtocolException expected) {
            // the only allowed failure
        }
    }

    private static byte[] with(byte[] frame, int at, int value) {
        byte[] copy = frame.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static void assertCloseCode(int code, byte[] frame) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> StateCodec.apply(StateCodec.EMPTY, ByteBuffer.wrap(frame)));
        assertEquals(code, e.closeCode(), e.getMessage());
    }
}
