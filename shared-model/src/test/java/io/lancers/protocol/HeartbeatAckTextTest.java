package io.lancers.protocol;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class HeartbeatAckTextTest {
    private static final String PREFIX = "{\"type\":\"heartbeatAck\",\"t\":";

    /** Every ack the encoder writes with up to 18 digits is read here, to the same record. */
    @Property
    void theEncodersAcksAreReadHere(@ForAll @LongRange(min = -999_999_999_999_999_999L,
            max = 999_999_999_999_999_999L) long t) throws ProtocolException {
        String json = ControlCodec.encode(new ClientMessage.HeartbeatAck(t));
        assertNotNull(HeartbeatAckText.read(json), json);
        assertEquals(new ClientMessage.HeartbeatAck(t), ControlCodec.decodeClient(json));
    }

    /**
     * Whatever this reader takes, the general decoder reads as the same ack: it gets the same text with a
     * space before the closing brace, which this reader leaves to it (JSON does not care for the space).
     */
    @Property
    void whatItReadsTheDecoderReadsAlike(@ForAll("numberLikeTexts") String number) {
        String json = PREFIX + number + "}";
        ClientMessage.HeartbeatAck fast = HeartbeatAckText.read(json);
        if (fast != null) {
            String spaced = PREFIX + number + " }";
            assertNull(HeartbeatAckText.read(spaced));
            try {
                assertEquals(ControlCodec.decodeClient(spaced), fast, json);
            } catch (ProtocolException e) {
                throw new AssertionError(json + " read as " + fast + ", but the decoder refuses it: " + e.reason(), e);
            }
        }
    }

    /** The texts near the canonical form are left to the decoder, which refuses them or reads them as before. */
    @Property
    void otherFormsAreLeftToTheDecoder(@ForAll("otherForms") String json) {
        assertNull(HeartbeatAckText.read(json), json);
    }

    @Provide
    Arbitrary<String> numberLikeTexts() {
        return Arbitraries.strings().withChars("-0123456789.eE+x ").ofMinLength(0).ofMaxLength(22)
                .edgeCases(edges -> edges.add("0", "-0", "00", "01", "-", "999999999999999999", "1000000000000000000"));
    }

    @Provide
    Arbitrary<String> otherForms() {
        return Arbitraries.of(
                PREFIX + "1 }", PREFIX + "01}", PREFIX + "-01}", PREFIX + "1.0}", PREFIX + "1e3}", PREFIX + "}",
                PREFIX + "-}", PREFIX + "9223372036854775807}", PREFIX + "\"1\"}", PREFIX + "1,\"x\":2}",
                "{\"t\":1,\"type\":\"heartbeatAck\"}", "{ \"type\":\"heartbeatAck\",\"t\":1}", PREFIX + "1",
                PREFIX + "1}}", "{\"type\":\"heartbeat\",\"t\":1}", "");
    }
}
