package io.lancers.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lancers.map.ArenaMap;
import io.lancers.map.PickupSpot;
import io.lancers.map.SpawnPoint;
import io.lancers.map.Wall;
import io.lancers.protocol.ClientMessage.Hello;
import io.lancers.protocol.ServerMessage.Joined;
import io.lancers.sim.GameMode;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Team;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlCodecTest {

    // ------------------------------------------------------------ generators

    private static Arbitrary<String> texts() {
        return Arbitraries.strings().ofMaxLength(30);
    }

    private static Arbitrary<String> nullableTexts() {
        return texts().injectNull(0.3);
    }

    private static Arbitrary<Integer> ints() {
        return Arbitraries.integers();
    }

    private static Arbitrary<Long> longs() {
        return Arbitraries.longs();
    }

    private static Arbitrary<Float> floats() {
        return Arbitraries.floats().between(-1e6f, 1e6f).ofScale(3);
    }

    @Provide
    Arbitrary<ClientMessage> clientMessages() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(texts(), nullableTexts(), nullableTexts(), nullableTexts())
                        .as(ClientMessage.Hello::new),
                Arbitraries.just(new ClientMessage.ListMatches()),
                texts().map(ClientMessage.Join::new),
                texts().map(ClientMessage.Spectate::new),
                Arbitraries.just(new ClientMessage.Leave()),
                texts().map(ClientMessage.Chat::new),
                Arbitraries.just(new ClientMessage.Resync()),
                longs().map(ClientMessage.Heartbeat::new),
                longs().map(ClientMessage.HeartbeatAck::new),
                Combinators.combine(texts(), ints()).as(ClientMessage.Kick::new),
                Combinators.combine(texts(), texts()).as(ClientMessage.NextMap::new),
                texts().map(ClientMessage.EndMatch::new),
                texts().map(ClientMessage.Vote::new)));
    }

    private static Arbitrary<ServerMessage.MatchInfo> matchInfos() {
        return Combinators.combine(texts(), texts(), texts(), texts(), ints(), ints(), ints(), ints())
                .flatAs((id, mapId, mapName, phase, players, maxPlayers, bots, spectators) ->
                        Combinators.combine(ints(), modes()).as((tickRate, mode) -> new ServerMessage.MatchInfo(
                                id, mapId, mapName, phase, players, maxPlayers, bots, spectators, tickRate, mode)));
    }

    private static Arbitrary<String> modes() {
        return Arbitraries.of(GameMode.class).map(GameMode::wire);
    }

    private static Arbitrary<ArenaMap> maps() {
        Arbitrary<Wall> walls = Combinators.combine(floats(), floats(), floats(), floats()).as(Wall::new);
        Arbitrary<SpawnPoint> spawns = Combinators.combine(floats(), floats(), Arbitraries.of(Team.class))
                .as(SpawnPoint::new);
        Arbitrary<PickupSpot> pickups = Combinators.combine(floats(), floats(),
                Arbitraries.of(PickupKind.class)).as(PickupSpot::new);
        return Combinators.combine(texts(), texts(), floats(), floats(), walls.list().ofMaxSize(5),
                spawns.list().ofMaxSize(5), pickups.list().ofMaxSize(5)).as(ArenaMap::new);
    }

    @Provide
    Arbitrary<ServerMessage> serverMessages() {
        Arbitrary<ServerMessage.Limits> limits = Combinators.combine(ints(), ints(), ints(), ints(), ints(), ints())
                .as(ServerMessage.Limits::new);
        Arbitrary<ServerMessage.Rules> rules = Combinators.combine(ints(), ints(), ints(), ints(), modes(),
                Arbitraries.of(true, false)).as(ServerMessage.Rules::new);
        Arbitrary<ServerMessage.PlayerInfo> players = Combinators.combine(ints(), texts(), ints(),
                Arbitraries.of(true, false), Arbitraries.of(true, false), ints(), Arbitraries.of(Team.class))
                .as(ServerMessage.PlayerInfo::new);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(texts(), texts(), texts(), longs(), longs(), longs(), limits)
                        .as(ServerMessage.Welcome::new),
                matchInfos().list().ofMaxSize(4).map(ServerMessage.MatchList::new),
                Combinators.combine(texts(), texts(), ints(), nullableTexts(), Arbitraries.of(true, false), ints(),
                        rules, maps()).as(ServerMessage.Joined::new),
                Combinators.combine(texts(), texts()).as(ServerMessage.Left::new),
                Combinators.combine(texts(), players.list().ofMaxSize(5), ints()).as(ServerMessage.Roster::new),
                Combinators.combine(ints(), texts(), texts(), longs()).as(ServerMessage.Chat::new),
                Combinators.combine(texts(), ints(), texts()).as(ServerMessage.Notice::new),
                Combinators.combine(texts(), texts()).as(ServerMessage.Error::new),
                Combinators.combine(longs(), ints()).as(ServerMessage.Heartbeat::new),
                longs().map(ServerMessage.HeartbeatAck::new),
                Combinators.combine(texts(), Combinators.combine(texts(), texts(), ints())
                                .as(ServerMessage.VoteOption::new).list().ofMaxSize(3), nullableTexts(), ints())
                        .as(ServerMessage.MapVote::new)));
    }

    // ------------------------------------------------------------ round trips

    @Test
    void messagesFromBeforeTeamPlayMeanFreeForAll() throws ProtocolException {
        ServerMessage.Roster roster = (ServerMessage.Roster) ControlCodec.decodeServer("{\"type\":\"roster\","
                + "\"matchId\":\"m1\",\"players\":[{\"id\":3,\"name\":\"Ann\",\"color\":4171775,\"bot\":false,"
                + "\"online\":true,\"pingMs\":23}],\"spectators\":1}");
        assertEquals(Team.NONE, roster.players().get(0).team());
        ServerMessage.MatchList list = (ServerMessage.MatchList) ControlCodec.decodeServer("{\"type\":\"matchList\","
                + "\"matches\":[{\"id\":\"m1\",\"mapId\":\"foundry\",\"mapName\":\"Foundry\",\"phase\":\"playing\","
                + "\"players\":3,\"maxPlayers\":16,\"bots\":1,\"spectators\":0,\"tickRate\":60}]}");
        assertEquals("ffa", list.matches().get(0).mode());
        Joined joined = (Joined) ControlCodec.decodeServer("{\"type\":\"joined\",\"matchId\":\"m1\",\"role\":"
                + "\"player\",\"playerId\":3,\"resumeToken\":null,\"resumed\":false,\"tickRate\":60,\"rules\":"
                + "{\"durationSeconds\":300,\"killLimit\":20,\"intermissionSeconds\":10,\"respawnSeconds\":3},"
                + "\"map\":{\"id\":\"a\",\"name\":\"A\",\"width\":500.0,\"height\":500.0,\"walls\":[],"
                + "\"spawns\":[{\"x\":100.0,\"y\":100.0}],\"pickups\":[]}}");
        assertEquals(io.lancers.sim.MatchConfig.defaults(), joined.matchConfig());
        assertEquals(Team.NONE, joined.map().spawns().get(0).team());
    }

    @Test
    void aTeamMatchTravelsInJoinedAndTheRoster() throws ProtocolException {
        String rules = ControlCodec.encode(new Joined("m1", "player", 1, null, false, 60,
                ServerMessage.Rules.of(io.lancers.sim.MatchConfig.defaults().withMode(GameMode.TDM, true)),
                new ArenaMap("a", "A", 500f, 500f, List.of(), List.of(new SpawnPoint(100, 100, Team.BLUE)), List.of())));
        assertTrue(rules.contains("\"rules\":{\"durationSeconds\":300,\"killLimit\":20,\"intermissionSeconds\":10,"
                + "\"respawnSeconds\":3,\"mode\":\"tdm\",\"friendlyFire\":true}"), rules);
        assertTrue(rules.contains("\"spawns\":[{\"x\":100.0,\"y\":100.0,\"team\":\"blue\"}]"), rules);
        String roster = ControlCodec.encode(new ServerMessage.Roster("m1",
                List.of(new ServerMessage.PlayerInfo(1, "Ann", 0xff0000, false, true, 5, Team.RED)), 0));
        assertTrue(roster.contains("\"pingMs\":5,\"team\":\"red\"}"), roster);
        ProtocolException e = assertThrows(ProtocolException.class, () -> ControlCodec.decodeServer(
                roster.replace("\"red\"", "\"green\"")));
        assertEquals("roster.players[0].team is not a known Team", e.reason());
        ProtocolException mode = assertThrows(ProtocolException.class, () -> ControlCodec.decodeServer(
                rules.replace("\"tdm\"", "\"ctf\"")));
        assertEquals(CloseCodes.PROTOCOL_ERROR, mode.closeCode());
        assertTrue(mode.reason().contains("mode must be ffa or tdm"), mode.reason());
    }

    @Property(tries = 2000)
    void everyClientMessageRoundTrips(@ForAll("clientMessages") ClientMessage message) throws ProtocolException {
        assertEquals(message, ControlCodec.decodeClient(ControlCodec.encode(message)));
    }

    @Property(tries = 2000)
    void everyServerMessageRoundTrips(@ForAll("serverMessages") ServerMessage message) throws ProtocolException {
        assertEquals(message, ControlCodec.decodeServer(ControlCodec.encode(message)));
    }

    @Test
    void generatorsCoverEveryMessageType() {
        assertEquals(Set.of(ClientMessage.class.getPermittedSubclasses()), generatedTypes(clientMessages()));
        assertEquals(Set.of(ServerMessage.class.getPermittedSubclasses()), generatedTypes(serverMessages()));
    }

    private static Set<Class<?>> generatedTypes(Arbitrary<?> messages) {
        return messages.sampleStream().limit(2000).map(Object::getClass).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------ the registry and the wire shape

    @Test
    void wireNamesAreLowerCamelRecordNamesAndCoverBothDirections() {
        for (Class<?> family : List.of(ClientMessage.class, ServerMessage.class)) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                String simple = type.getSimpleName();
                String expected = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
                assertEquals(expected, ControlCodec.wireName(type));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ControlCodec.wireName(String.class));
    }

    @Test
    void helloWritesTypeFirstAndAnExplicitNullToken() {
        assertEquals("{\"type\":\"hello\",\"name\":\"Ann\",\"resumeToken\":null,\"password\":null,\"hostToken\":null}",
                ControlCodec.encode(new Hello("Ann", null)));
    }

    @Test
    void anOldClientsHelloWithoutPasswordOrHostTokenStillDecodes() throws ProtocolException {
        assertEquals(new Hello("Ann", null), ControlCodec.decodeClient("{\"type\":\"hello\",\"name\":\"Ann\"}"));
    }

    @Test
    void aHelloNeverPrintsItsSecrets() {
        String printed = new Hello("Ann", "tok-secret", "pw-secret", "host-secret").toString();
        assertTrue(!printed.contains("secret"), printed);
    }

    @Test
    void joinedCarriesTheMapAsPlainJsonWithLowerCaseKinds() throws ProtocolException {
        ArenaMap map = new ArenaMap("duel", "Duel", 800f, 600f, List.of(new Wall(10f, 20f, 30f, 40.5f)),
                List.of(new SpawnPoint(1f, 2f)), List.of(new PickupSpot(3f, 4f, PickupKind.POWER)));
        Joined joined = new Joined("m1", "player", 7, "tok", false, 30, new ServerMessage.Rules(300, 20, 10, 3), map);
        JsonObject json = JsonParser.parseString(ControlCodec.encode(joined)).getAsJsonObject();
        assertEquals("joined", json.get("type").getAsString());
        JsonObject wireMap = json.getAsJsonObject("map");
        assertEquals("power", wireMap.getAsJsonArray("pickups").get(0).getAsJsonObject().get("kind").getAsString());
        assertEquals(40.5, wireMap.getAsJsonArray("walls").get(0).getAsJsonObject().get("height").getAsDouble());
        assertEquals(joined, ControlCodec.decodeServer(json.toString()));
    }

    @Test
    void nullableMembersMayBeAbsentOrNull() throws ProtocolException {
        assertNull(((Hello) ControlCodec.decodeClient("{\"type\":\"hello\",\"name\":\"x\"}")).resumeToken());
        assertNull(((Hello) ControlCodec.decodeClient("{\"type\":\"hello\",\"name\":\"x\",\"resumeToken\":null}"))
                .resumeToken());
    }

    @Test
    void unknownMembersAreIgnored() throws ProtocolException {
        assertEquals(new ClientMessage.Join("m1"),
                ControlCodec.decodeClient("{\"extra\":[1,{\"a\":null}],\"type\":\"join\",\"matchId\":\"m1\",\"v\":2}"));
    }

    @Test
    void nonFiniteFloatsAreNotWritten() {
        ArenaMap map = new ArenaMap("a", "A", Float.NaN, 1f, List.of(), List.of(), List.of());
        Joined joined = new Joined("m", "player", 1, null, false, 30, new ServerMessage.Rules(1, 1, 1, 1), map);
        assertThrows(IllegalArgumentException.class, () -> ControlCodec.encode(joined));
    }

    @Test
    void requiredNullsAreNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> ControlCodec.encode(new ClientMessage.Join(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "null", "[]", "42", "\"hello\"", "{", "{}", "{\"type\":7}", "{\"type\":\"nope\"}",
            "{\"type\":\"welcome\"}", // a server type sent by a client
            "{\"type\":\"join\"}", "{\"type\":\"join\",\"matchId\":null}", "{\"type\":\"join\",\"matchId\":5}",
            "{\"type\":\"heartbeat\",\"t\":1.5}", "{\"type\":\"heartbeat\",\"t\":\"1\"}",
            "{\"type\":\"heartbeat\",\"t\":1e400}", "{\"type\":\"heartbeat\",\"t\":1e2147483648}",
            "{\"type\":\"heartbeat\",\"t\":99999999999999999999}", "{\"type\":\"heartbeat\",\"t\":NaN}",
            "{type:\"leave\"}", "{'type':'leave'}", "{\"type\":\"leave\"} {}", "{\"type\":\"leave\"}x",
            "{\"type\":\"leave\"} // comment", "{\"type\":\"hello\",\"name\":[\"x\"]}",
    })
    void malformedClientMessagesCloseWith1002(String json) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ControlCodec.decodeClient(json));
        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertTrue(e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                <= ProtocolException.MAX_REASON_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"hello\",\"name\":\"x\"}", // a client type sent by a server
            "{\"type\":\"roster\",\"matchId\":\"m\",\"players\":[null],\"spectators\":0}",
            "{\"type\":\"roster\",\"matchId\":\"m\",\"players\":{},\"spectators\":0}",
            "{\"type\":\"roster\",\"matchId\":\"m\",\"players\":[{\"id\":1}],\"spectators\":0}",
            "{\"type\":\"heartbeat\",\"t\":1,\"tick\":2147483648}",
    })
    void malformedServerMessagesAreRejected(String json) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ControlCodec.decodeServer(json));
        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
    }

    @Test
    void unknownEnumNamesAreRejected() {
        String json = ControlCodec.encode(new Joined("m", "player", 1, null, false, 30,
                new ServerMessage.Rules(1, 1, 1, 1), new ArenaMap("a", "A", 1f, 1f, List.of(), List.of(),
                List.of(new PickupSpot(1f, 1f, PickupKind.HEALTH)))));
        assertThrows(ProtocolException.class, () -> ControlCodec.decodeServer(json.replace("\"health\"", "\"HEALTH\"")));
        assertThrows(ProtocolException.class, () -> ControlCodec.decodeServer(json.replace("\"health\"", "\"ammo\"")));
    }

    @Test
    void deepNestingIsJustInvalidInput() {
        char[] open = new char[200_000];
        Arrays.fill(open, '[');
        assertThrows(ProtocolException.class, () -> ControlCodec.decodeClient(new String(open)));
        String nestedMember = "{\"type\":\"leave\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThrows(ProtocolException.class, () -> ControlCodec.decodeClient(nestedMember + "x"));
    }

    @Property(tries = 10_000)
    void arbitraryTextOnlyEverFailsWithAProtocolException(@ForAll String text) {
        try {
            ControlCodec.decodeClient(text);
            ControlCodec.decodeServer(text);
        } catch (ProtocolException expected) {
            // the only allowed failure
        }
    }

    private static final String JSON_PUNCTUATION = "{}[]\":,0-e.n\\";

    @Property(tries = 3000)
    void mutatedValidMessagesOnlyEverFailWithAProtocolException(
            @ForAll("serverMessages") ServerMessage message, @ForAll long mutationSeed) {
        String json = ControlCodec.encode(message);
        java.util.Random random = new java.util.Random(mutationSeed);
        StringBuilder mutated = new StringBuilder(json);
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, JSON_PUNCTUATION.charAt(random.nextInt(JSON_PUNCTUATION.length())));
                default -> mutated.setCharAt(at, (char) random.nextInt(128));
            }
        }
        try {
            ControlCodec.decodeServer(mutated.toString());
        } catch (ProtocolException expected) {
            // the only allowed failure
        }
    }

    /** An error names where in the message it is, down to a list's element and its member. */
    @Test
    void errorsNameThePathToTheValue() {
        assertEquals("hello.hostToken must be a string", assertThrows(ProtocolException.class, () -> ControlCodec.decodeClient(
                "{\"type\":\"hello\",\"name\":\"a\",\"hostToken\":1}")).reason());
        assertEquals("roster.players[1].name is missing", assertThrows(ProtocolException.class, () -> ControlCodec.decodeServer(
                "{\"type\":\"roster\",\"matchId\":\"m1\",\"spectators\":0,\"players\":["
                        + "{\"id\":1,\"name\":\"A\",\"color\":1,\"bot\":false,\"online\":true,\"pingMs\":0,\"team\":\"none\"},"
                        + "{\"id\":2,\"color\":1,\"bot\":false,\"online\":true,\"pingMs\":0,\"team\":\"none\"}]}")).reason());
        ServerMessage.Roster unnamed = new ServerMessage.Roster("m1", List.of(
                new ServerMessage.PlayerInfo(1, "A", 1, false, true, 0, Team.NONE),
                new ServerMessage.PlayerInfo(2, null, 1, false, true, 0, Team.NONE)), 0);
        assertEquals("roster.players[1].name must not be null",
                assertThrows(IllegalArgumentException.class, () -> ControlCodec.encode(unnamed)).getMessage());
    }
}
