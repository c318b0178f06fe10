package io.lancers.protocol;

import io.lancers.sim.Input;
import io.lancers.sim.Quantum;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputCodecTest {

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Input.ALL_BUTTONS).map(b -> b & InputFormat.V2.buttons()),
                Arbitraries.floats().between(-20f, 20f)
        ).as(Input::new);
    }

    @Property
    void roundTripSnapsTheAimAndKeepsTheRest(@ForAll("inputs") Input input) throws ProtocolException {
        byte[] frame = InputCodec.encode(input);
        assertEquals(InputCodec.LENGTH, frame.length);
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        Input decoded = InputCodec.decode(buffer);
        assertEquals(new Input(input.seq(), input.buttons(), Quantum.angle(input.aim())), decoded);
        assertEquals(0, buffer.remaining(), "decode consumes the frame");
        assertArrayEquals(frame, InputCodec.encode(decoded), "an on-grid input re-encodes to the same bytes");
    }

    @Provide
    Arbitrary<Input> viewedInputs() {
        return Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Input.ALL_BUTTONS).map(b -> b & InputFormat.V3.buttons()),
                Arbitraries.floats().between(-20f, 20f),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)
        ).as(Input::new);
    }

    @Property
    void v3RoundTripKeepsTheViewTick(@ForAll("viewedInputs") Input input) throws ProtocolException {
        byte[] frame = InputCodec.encode(input, InputFormat.V3);
        assertEquals(12, frame.length);
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        Input decoded = InputCodec.decode(buffer, InputFormat.V3);
        assertEquals(new Input(input.seq(), input.buttons(), Quantum.angle(input.aim()), input.viewTick()), decoded);
        assertEquals(0, buffer.remaining(), "decode consumes the frame");
        assertArrayEquals(frame, InputCodec.encode(decoded, InputFormat.V3));
        assertArrayEquals(Arrays.copyOf(frame, InputCodec.LENGTH), InputCodec.encode(input),
                "v3 is v2 with the view tick appended");
    }

    @Test
    void v3LayoutAppendsTheViewTickBigEndian() {
        byte[] frame = InputCodec.encode(new Input(58, Input.UP | Input.FIRE, Quantum.angleFromSteps(0x4000), 0x0102A0B0),
                InputFormat.V3);
        assertArrayEquals(new byte[]{0x01, 0, 0, 0, 0x3a, 0x11, 0x40, 0x00, 0x01, 0x02, (byte) 0xA0, (byte) 0xB0}, frame);
    }

    @Test
    void eachSubprotocolRefusesTheOthersLengthWith1002AndV3ATopBitViewTickWith1003() {
        byte[] v2 = InputCodec.encode(new Input(1, 0, 0f));
        byte[] v3 = InputCodec.encode(new Input(1, 0, 0f, 7), InputFormat.V3);
        assertEquals(CloseCodes.PROTOCOL_ERROR, assertThrows(ProtocolException.class,
                () -> InputCodec.decode(ByteBuffer.wrap(v2), InputFormat.V3)).closeCode());
        assertCloseCode(CloseCodes.PROTOCOL_ERROR, v3);
        v3[8] = (byte) 0x80;
        assertEquals(CloseCodes.UNSUPPORTED_DATA, assertThrows(ProtocolException.class,
                () -> InputCodec.decode(ByteBuffer.wrap(v3), InputFormat.V3)).closeCode());
        assertThrows(IllegalArgumentException.class, () -> InputCodec.encode(new Input(1, 0, 0f, -1), InputFormat.V3));
    }

    @Test
    void subprotocolsNameTheirFormats() {
        assertEquals(InputFormat.V3, InputFormat.of("lancers.v3").orElseThrow());
        assertEquals(InputFormat.V2, InputFormat.of("lancers.v2").orElseThrow());
        assertTrue(InputFormat.of("lancers.v1").isEmpty());
    }

    @Test
    void layoutIsBigEndianTypeSeqButtonsAim() {
        byte[] frame = InputCodec.encode(new Input(0x01020304, Input.FIRE | Input.UP, Quantum.angleFromSteps(0xABCD)));
        assertArrayEquals(new byte[]{0x01, 0x01, 0x02, 0x03, 0x04, 0x11, (byte) 0xAB, (byte) 0xCD}, frame);
    }

    @Property
    void unknownButtonBitsAreRejectedWith1003(@ForAll @IntRange(min = 5, max = 7) int bit) {
        byte[] frame = InputCodec.encode(new Input(1, 0, 0f));
        frame[5] = (byte) (1 << bit);
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, frame);
        assertThrows(IllegalArgumentException.class, () -> InputCodec.encode(new Input(1, 1 << bit, 0f)));
    }

    @Test
    void otherFrameTypesAreRejectedWith1003() {
        byte[] frame = InputCodec.encode(new Input(1, 0, 0f));
        frame[0] = 0x10; // a server frame type
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, frame);
    }

    @Test
    void seqBeyondTheIntRangeIsRejected() {
        byte[] frame = InputCodec.encode(new Input(1, 0, 0f));
        frame[1] = (byte) 0x80;
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, frame);
        assertThrows(IllegalArgumentException.class, () -> InputCodec.encode(new Input(-1, 0, 0f)));
    }

    @Test
    void wrongLengthsAreRejectedWith1002() {
        byte[] frame = InputCodec.encode(new Input(7, Input.LEFT, 1f));
        assertCloseCode(CloseCodes.PROTOCOL_ERROR, new byte[0]);
        for (int length = 1; length < frame.length; length++) {
            assertCloseCode(CloseCodes.PROTOCOL_ERROR, Arrays.copyOf(frame, length));
        }
        assertCloseCode(CloseCodes.PROTOCOL_ERROR, Arrays.copyOf(frame, frame.length + 1));
    }

    @Test
    void nonFiniteAimIsABugOfTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> InputCodec.encode(new Input(1, 0, Float.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> InputCodec.encode(new Input(1, 0, Float.POSITIVE_INFINITY)));
    }

    @Test
    void decodesFromTheBuffersPositionIgnoringItsByteOrder() throws ProtocolException {
        byte[] frame = InputCodec.encode(new Input(300, Input.DOWN, Quantum.angleFromSteps(258)));
        ByteBuffer buffer = ByteBuffer.allocate(frame.length + 3);
        buffer.position(3);
        buffer.put(frame).position(3);
        buffer.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(new Input(300, Input.DOWN, Quantum.angleFromSteps(258)), InputCodec.decode(buffer));
    }

    @Property(tries = 10_000)
    void randomBytesOnlyEverFailWithAProtocolException(@ForAll byte[] bytes) {
        try {
            Input input = InputCodec.decode(ByteBuffer.wrap(bytes));
            assertEquals(InputCodec.LENGTH, bytes.length);
            assertEquals(input.buttons() & InputFormat.V2.buttons(), input.buttons());
        } catch (ProtocolException expected) {
            // the only allowed failure
        }
    }

    @Test
    void onlyLancersV4CarriesTheLance() throws ProtocolException {
        Input lance = new Input(7, Input.LANCE | Input.UP, Quantum.angleFromSteps(100), 42);
        byte[] v4 = InputCodec.encode(lance, InputFormat.V4);
        assertEquals(12, v4.length, "v3's layout");
        assertEquals(lance, InputCodec.decode(ByteBuffer.wrap(v4), InputFormat.V4));
        for (InputFormat older : new InputFormat[] {InputFormat.V2, InputFormat.V3}) {
            assertThrows(IllegalArgumentException.class, () -> InputCodec.encode(lance, older));
            byte[] frame = InputCodec.encode(new Input(7, Input.UP, 0f, 42), older);
            frame[5] |= (byte) Input.LANCE;
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> InputCodec.decode(ByteBuffer.wrap(frame), older));
            assertEquals(CloseCodes.UNSUPPORTED_DATA, e.closeCode());
            assertEquals("unknown button bits 0x20", e.reason());
        }
        assertEquals(InputFormat.V4, InputFormat.of("lancers.v4").orElseThrow());
        assertEquals(List.of("lancers.v4", "lancers.v3", "lancers.v2"), ProtocolVersion.SPOKEN);
    }

    private static void assertCloseCode(int code, byte[] frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> InputCodec.decode(ByteBuffer.wrap(frame)));
        assertEquals(code, e.closeCode(), e.getMessage());
    }
}
