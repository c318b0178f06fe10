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
import io.lancers.sim.World;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

class StateCodecTest {

    /** A delta that changes nothing: header, match mask 0, four zero list counts, no events. */
    private static final int EMPTY_DELTA_BYTES = StateCodec.HEADER_BYTES + 1 + (1 + 1) + (2 + 2) + (1 + 1) + 1;

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
        Ship ship = new Ship(3, 100.5f, 200f, 0f, -50f, Quantum.angleFromSteps(16384), 100, 0, 150, 0, 110, 1, 0, 57);
        Pickup pickup = new Pickup(0, PickupKind.HEALTH, 400f, 300f, 0);
        World at120 = new World(120, match, List.of(ship), List.of(new Projectile(6, 3, 100.5f, 190f, 0f, -600f, 118, 10)),
                List.of(pickup), List.of(new GameEvent.Spawn(3)));
        Ship moved = new Ship(3, 100.5f, 199.25f, 0f, -50f, Quantum.angleFromSteps(16384), 100, 0, 150, 0, 110, 1, 0, 58);
        World at121 = new World(121, match, List.of(moved), List.of(), List.of(pickup), List.of(new GameEvent.Hit(5, 3, 10)));

        assertEquals(("10 00000078 00000000 3e 000046c8 0014 000000000000002a 00000007 0001"
                        + " 00 01 0003 1fff 0324 0640 0000 fe70 4000 64 00000000 00000096 00000000 0000006e 0001 0000 00000039"
                        + " 0000 0001 00000006 0003 0324 05f0 0000 ed40 00000076 0a"
                        + " 00 01 00 0f 00 0c80 0960 00000000 01 03 0003").replace(" ", ""),
                hex(StateCodec.encodeSnapshot(at120)));
        byte[] delta = StateCodec.encodeDelta(at120, at121);
        assertEquals("11 00000079 00000078 00 00 01 0003 1002 063a 0000003a 0001 00000006 0000 00 00 01 00 0005 0003 0a"
                .replace(" ", ""), hex(delta));
        assertEquals(at121, StateCodec.apply(at120, ByteBuffer.wrap(delta)));
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
    void everyTableCoversItsRecordComponentsInOrder() {
        for (FieldTable<?> table : List.of(StateCodec.MATCH, StateCodec.SHIP, StateCodec.PROJECTILE, StateCodec.PICKUP)) {
            assertEquals(componentNames(table.type()), table.components(), table.type().getSimpleName());
        }
        for (FieldTable<?> table : StateCodec.EVENTS) {
            assertEquals(componentNames(table.type()), table.components(), table.type().getSimpleName());
        }
        assertEquals(Set.of(GameEvent.class.getPermittedSubclasses()),
                StateCodec.EVENTS.stream().map(FieldTable::type).collect(Collectors.toSet()));
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toList());
    }

    @Test
    void eachShipFieldHasItsOwnMaskBitInTableOrder() throws ProtocolException {
        Ship ship = new Ship(9, 1f, 2f, 3f, 4f, Quantum.angleFromSteps(5), 6, 7, 8, 9, 10, 11, 12, 13);
        List<String> components = StateCodec.SHIP.components();
        for (int field = 1; field < components.size(); field++) {
            Ship changed = withComponent(ship, components.get(field));
            World base = worldWith(List.of(ship));
            World next = worldWith(List.of(changed));
            byte[] delta = StateCodec.encodeDelta(base, next);
            // header, match mask, removed count 0, changed count 1, id u16, then the u16 mask
            int maskAt = StateCodec.HEADER_BYTES + 1 + 1 + 1 + 2;
            int mask = (delta[maskAt] & 0xFF) << 8 | delta[maskAt + 1] & 0xFF;
            assertEquals(1 << (field - 1), mask, components.get(field));
            assertEquals(next, StateCodec.apply(base, ByteBuffer.wrap(delta)));
        }
    }

    /** The ship with the named component raised by one grid step (or one unit). */
    private static Ship withComponent(Ship ship, String component) {
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
                    values[i] = Quantum.angleFromSteps(6);
                } else if (values[i] instanceof Float) {
                    values[i] = (Float) values[i] + Quantum.POSITION;
                } else {
                    values[i] = (Integer) values[i] + 1;
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
                new Ship(0x10000, 0f, 0f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0));
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
        int pickupKindAt = StateCodec.HEADER_BYTES + 1 + 1 + 4 + 1 + 1 + 2 + 2 + 1 + 1 + 1 + 1;
        assertEquals(PickupKind.POWER.ordinal(), snapshot[pickupKindAt]);
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, pickupKindAt, 2));
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, snapshot.length - 3, 4)); // event kind
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, with(snapshot, 1, 0x80)); // tick beyond 2^31-1
    }

    @Test
    void forgedCountsFailBeforeAllocating() {
        byte[] snapshot = StateCodec.encodeSnapshot(StateCodec.EMPTY);
        int projectileRemovedAt = StateCodec.HEADER_BYTES + 1 + 1 + 1;
        byte[] forged = with(with(snapshot, projectileRemovedAt, 0xFF), projectileRemovedAt + 1, 0xFF);
        assertCloseCode(CloseCodes.PROTOCOL_ERROR, forged);
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
