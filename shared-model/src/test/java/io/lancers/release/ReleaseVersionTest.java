package io.lancers.release;

import io.lancers.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReleaseVersionTest {

    /** The build filled in the version: the same one Maven passes to the tests. */
    @Test
    void theVersionIsTheMavenProjectVersion() {
        assertEquals(System.getProperty("lancers.project.version"), ReleaseVersion.VERSION);
    }

    @Test
    void theDescriptionNamesTheProtocol() {
        assertArrayEquals(new String[] {"Lancers server " + ReleaseVersion.VERSION, "protocol lancers.v5"},
                ReleaseVersion.describe("Lancers server"));
        assertEquals("lancers.v5", ProtocolVersion.SUBPROTOCOL);
    }
}
