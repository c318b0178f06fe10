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
                Arbitraries.integers().between(0, Input.ALL_BUTTONS),
                Arbitraries.floats().between(-20f, 20f),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)
        ).as(Input::new);
    }

    @Property
    void roundTripSnapsTheAimAndKeepsTheRest(@ForAll("inputs") Input input) throws ProtocolException {
        byte[] frame = InputCodec.encode(input);
        assertEquals(InputCodec.LENGTH, frame.length);
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        Input decoded = InputCodec.decode(buffer);
        assertEquals(new Input(input.seq(), input.buttons(), Quantum.angle(input.aim()), input.viewTick()), decoded);
        assertEquals(0, buffer.remaining(), "decode consumes the frame");
        assertArrayEquals(frame, InputCodec.encode(decoded), "an on-grid input re-encodes to the same bytes");
    }

    @Test
    void layoutIsBigEndianTypeSeqButtonsAimViewTick() {
        byte[] frame = InputCodec.encode(new Input(58, Input.UP | Input.FIRE | Input.LANCE,
                Quantum.angleFromSteps(0x4000), 0x0102A0B0));
        assertArrayEquals(new byte[]{0x01, 0, 0, 0, 0x3a, 0x31, 0x40, 0x00, 0x01, 0x02, (byte) 0xA0, (byte) 0xB0}, frame);
    }

    @Test
    void theOldEightByteLayoutIsRefusedWith1002AndATopBitViewTickWith1003() {
        byte[] frame = InputCodec.encode(new Input(1, 0, 0f, 7));
        assertCloseCode(CloseCodes.PROTOCOL_ERROR, Arrays.copyOf(frame, 8));
        frame[8] = (byte) 0x80;
        assertCloseCode(CloseCodes.UNSUPPORTED_DATA, frame);
        assertThrows(IllegalArgumentException.class, () -> InputCodec.encode(new Input(1, 0, 0f, -1)));
    }

    @Test
    void onlyLancersV5IsSpokenAndNamesItsFormat() {
        assertEquals(InputFormat.V5, InputFormat.of("lancers.v5").orElseThrow());
        assertEquals(List.of("lancers.v5"), ProtocolVersion.SPOKEN);
        for (String retired : ProtocolVersion.RETIRED) {
            assertTrue(InputFormat.of(retired).isEmpty(), retired);
        }
        assertTrue(InputFormat.of("lancers.v1").isEmpty());
    }

    @Property
    void unknownButtonBitsAreRejectedWith1003(@ForAll @IntRange(min = 6, max = 7) int bit) {
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
            assertEquals(input.buttons() & InputFormat.V5.buttons(), input.buttons());
        } catch (ProtocolException expected) {
            // the only allowed failure
        }
    }

    private static void assertCloseCode(int code, byte[] frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> InputCodec.decode(ByteBuffer.wrap(frame)));
        assertEquals(code, e.closeCode(), e.getMessage());
    }
}
