package io.lancers.protocol;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketFramesTest {

    @Provide
    Arbitrary<byte[]> payloads() {
        // Around each length boundary of the header (125/126, 65535/65536) and in between.
        Arbitrary<Integer> lengths = Arbitraries.oneOf(Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(65_530, 65_540), Arbitraries.integers().between(0, 70_000));
        return lengths.flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Property(tries = 200)
    void roundTripKeepsTheOpcodeAndEveryByte(@ForAll("payloads") byte[] payload,
                                            @ForAll WebSocketFrames.Opcode opcode) throws ProtocolException {
        ByteBuffer wire = WebSocketFrames.encode(opcode, payload);
        assertTrue(wire.isDirect() && wire.isReadOnly());
        int header = payload.length <= 125 ? 2 : payload.length <= 65_535 ? 4 : 10;
        assertEquals(header + payload.length, wire.remaining());

        WebSocketFrames.Frame frame = WebSocketFrames.decode(wire.duplicate());
        assertEquals(opcode, frame.opcode());
        byte[] back = new byte[frame.payload().remaining()];
        frame.payload().get(back);
        assertArrayEquals(payload, back);
    }

    @Example
    void aShortBinaryFrameIsTwoHeaderBytesAndThePayload() {
        ByteBuffer wire = WebSocketFrames.encode(WebSocketFrames.Opcode.BINARY, new byte[] {7, 8, 9});
        byte[] bytes = new byte[wire.remaining()];
        wire.get(bytes);
        assertArrayEquals(new byte[] {(byte) 0x82, 3, 7, 8, 9}, bytes);
    }

    @Example
    void maskedTruncatedAndLongWindedFramesAreRefused() {
        assertThrows(ProtocolException.class, () -> WebSocketFrames.decode(ByteBuffer.wrap(new byte[] {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 5})));
        assertThrows(ProtocolException.class, () -> WebSocketFrames.decode(ByteBuffer.wrap(new byte[] {(byte) 0x82, 3, 7, 8})));
        assertThrows(ProtocolException.class, () -> WebSocketFrames.decode(ByteBuffer.wrap(new byte[] {(byte) 0x82, 126, 0, 1, 7})));
        assertThrows(ProtocolException.class, () -> WebSocketFrames.decode(ByteBuffer.wrap(new byte[] {(byte) 0x02, 1, 7})));
        assertThrows(ProtocolException.class, () -> WebSocketFrames.decode(ByteBuffer.wrap(new byte[] {(byte) 0x89, 1, 7})));
    }
}
