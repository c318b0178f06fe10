package io.lancers.protocol;

import io.lancers.sim.Input;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything a hostile peer can put in a frame, thrown at every decoder a server or client runs:
 * random bytes, and valid frames cut, extended and mutated. A decoder may only answer with a value
 * or a {@link ProtocolException} carrying a close code; and whatever it accepts must be something
 * the encoder itself could have sent (so no NaN, no out-of-range value gets past it into a world).
 * A plain seeded loop: fast, and the same frames on every run.
 */
class DecoderFuzzTest {
    /** Frames per decoder family; four families, so well over 100,000 in all. */
    private static final int FRAMES_PER_FAMILY = 30_000;
    private static final List<Integer> CLOSE_CODES = List.of(CloseCodes.PROTOCOL_ERROR, CloseCodes.UNSUPPORTED_DATA,
            CloseCodes.TOO_BIG, CloseCodes.POLICY_VIOLATION);

    private final Random random = new Random(0x1A2CE25L);

    @Test
    void stateFramesRandomOrMutatedOnlyEverDecodeToEncodableWorldsOrFail() {
        int accepted = 0;
        World base = Worlds.world(random);
        for (int i = 0; i < FRAMES_PER_FAMILY; i++) {
            if (i % 50 == 0) {
                base = Worlds.world(random);
            }
            World next = Worlds.successor(random, base);
            byte[] valid = random.nextBoolean() ? StateCodec.encodeDelta(base, next) : StateCodec.encodeSnapshot(next);
            byte[] frame = i % 4 == 0 ? randomBytes(valid.length + 16) : mutate(valid);
            try {
                World decoded = StateCodec.apply(base, ByteBuffer.wrap(frame));
                accepted++;
                // Whatever got in is a world the encoder can write and read back unchanged.
                assertEquals(decoded, StateCodec.apply(null, ByteBuffer.wrap(StateCodec.encodeSnapshot(decoded))));
            } catch (ProtocolException refused) {
                assertCloseCode(refused);
            }
        }
        assertTrue(accepted > 0, "some mutations (a changed value) are still valid frames");
    }

    @Test
    void inputFramesOnlyEverDecodeToInputsTheEncoderWritesBackBitForBit() {
        for (int i = 0; i < FRAMES_PER_FAMILY; i++) {
            byte[] valid = InputCodec.encode(new Input(1 + random.nextInt(Integer.MAX_VALUE - 1),
                    random.nextInt(0x20), random.nextFloat() * 6.28f));
            byte[] frame = i % 3 == 0 ? randomBytes(12) : mutate(valid);
            try {
                Input input = InputCodec.decode(ByteBuffer.wrap(frame));
                assertTrue(Float.isFinite(input.aim()), "aim " + input.aim());
                assertEquals(ByteBuffer.wrap(frame), ByteBuffer.wrap(InputCodec.encode(input)));
            } catch (ProtocolException refused) {
                assertCloseCode(refused);
            }
        }
    }

    @Test
    void clientControlMessagesOnlyEverDecodeOrFailWithACloseCode() {
        List<String> valid = List.of(
                ControlCodec.encode(new ClientMessage.Hello("Ann", null)),
                ControlCodec.encode(new ClientMessage.Hello("Ann", "q2Vh3kTqL0m8YbGq1xT2oA")),
                ControlCodec.encode(new ClientMessage.Join("m1")),
                ControlCodec.encode(new ClientMessage.Chat("gg")),
                ControlCodec.encode(new ClientMessage.Heartbeat(1732451234567L)),
                ControlCodec.encode(new ClientMessage.HeartbeatAck(98765)),
                ControlCodec.encode(new ClientMessage.Resync()),
                "{\"type\":\"heartbeat\",\"t\":NaN}", "{\"type\":\"heartbeat\",\"t\":Infinity}",
                "{\"type\":\"heartbeat\",\"t\":1e400}", "{\"type\":\"join\",\"matchId\":[[[[[[[[]]]]]]]]}");
        for (int i = 0; i < FRAMES_PER_FAMILY; i++) {
            String json = mutateText(valid.get(random.nextInt(valid.size())));
            try {
                ClientMessage message = ControlCodec.decodeClient(json);
                // Accepted: it must survive its own encoding (no NaN or infinity smuggled into a field).
                assertEquals(message, ControlCodec.decodeClient(ControlCodec.encode(message)));
            } catch (ProtocolException refused) {
                assertCloseCode(refused);
            }
        }
    }

    @Test
    void serverControlMessagesOnlyEverDecodeOrFailWithACloseCode() {
        List<String> valid = List.of(
                ControlCodec.encode(new ServerMessage.Heartbeat(98765, 1234)),
                ControlCodec.encode(new ServerMessage.Notice("offline", 3, "Ann lost connection")),
                ControlCodec.encode(new ServerMessage.Error("match_full", "Match m1 is full")),
                ControlCodec.encode(new ServerMessage.Chat(3, "Ann", "gg", 1732451234567L)),
                ControlCodec.encode(new ServerMessage.Left("m1", "left")));
        for (int i = 0; i < FRAMES_PER_FAMILY; i++) {
            String json = mutateText(valid.get(random.nextInt(valid.size())));
            try {
                ServerMessage message = ControlCodec.decodeServer(json);
                assertEquals(message, ControlCodec.decodeServer(ControlCodec.encode(message)));
            } catch (ProtocolException refused) {
                assertCloseCode(refused);
            }
        }
    }

    private static void assertCloseCode(ProtocolException refused) {
        assertTrue(CLOSE_CODES.contains(refused.closeCode()), "close code " + refused.closeCode());
        assertTrue(refused.reason().getBytes(StandardCharsets.UTF_8).length <= ProtocolException.MAX_REASON_BYTES);
    }

    private byte[] randomBytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = random.nextBoolean() ? StateCodec.SNAPSHOT : StateCodec.DELTA;
        }
        return bytes;
    }

    /** One of: a cut, trailing bytes, flipped bytes, a forged huge count (0xFF runs). */
    private byte[] mutate(byte[] valid) {
        byte[] frame;
        switch (random.nextInt(4)) {
            case 0 -> frame = Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1 -> {
                frame = Arrays.copyOf(valid, valid.length + 1 + random.nextInt(4));
                for (int i = valid.length; i < frame.length; i++) {
                    frame[i] = (byte) random.nextInt(256);
                }
            }
            case 2 -> {
                frame = valid.clone();
                for (int i = 0, flips = 1 + random.nextInt(3); i < flips; i++) {
                    frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                }
            }
            default -> {
                frame = valid.clone();
                int at = random.nextInt(frame.length);
                for (int i = at; i < Math.min(frame.length, at + 1 + random.nextInt(4)); i++) {
                    frame[i] = (byte) 0xFF;
                }
            }
        }
        return frame;
    }

    private static final String[] JSON_PIECES = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1",
        "1e309", "NaN", "-Infinity", "0.5", "\"type\"", "\"hello\"", "\"chat\"", "\u0000", "\uD800", "\\u0000",
        "99999999999999999999", "\"name\":", "\"text\":\"\u202Eevil\""};

    private String mutateText(String valid) {
        StringBuilder json = new StringBuilder(valid);
        for (int i = 0, edits = 1 + random.nextInt(3); i < edits; i++) {
            int at = random.nextInt(json.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> json.insert(at, JSON_PIECES[random.nextInt(JSON_PIECES.length)]);
                case 1 -> json.delete(at, Math.min(json.length(), at + 1 + random.nextInt(6)));
                default -> {
                    if (at < json.length()) {
                        json.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
            }
        }
        return json.toString();
    }
}
