package io.lancers.protocol;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolExceptionTest {

    @Property
    void reasonAlwaysFitsACloseFrameAndIsAPrefix(@ForAll String reason) {
        String fitted = new ProtocolException(CloseCodes.PROTOCOL_ERROR, reason).reason();
        assertTrue(fitted.getBytes(StandardCharsets.UTF_8).length <= ProtocolException.MAX_REASON_BYTES);
        assertTrue(reason.startsWith(fitted));
    }

    @Test
    void cutsAtCodePointBoundaries() {
        String reason = "é".repeat(100); // two bytes each
        ProtocolException e = new ProtocolException(CloseCodes.UNSUPPORTED_DATA, reason);
        assertEquals("é".repeat(61), e.reason());
        assertEquals(CloseCodes.UNSUPPORTED_DATA, e.closeCode());
        assertEquals("short", new ProtocolException(1002, "short").reason());
        assertEquals("", new ProtocolException(1002, null).reason());
    }
}
