package io.lancers.tls;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {

    @Property
    void printedFormParsesBackInEveryWayPeopleCopyIt(@ForAll @Size(Fingerprint.BYTES) List<Byte> bytes) {
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = bytes.get(i);
        }
        String plain = HexFormat.of().formatHex(raw);
        Fingerprint fingerprint = Fingerprint.parse(plain);
        String printed = fingerprint.toString();
        assertEquals(95, printed.length());
        assertEquals(fingerprint, Fingerprint.parse(printed));
        assertEquals(fingerprint, Fingerprint.parse(printed.toLowerCase(Locale.ROOT)));
        assertEquals(fingerprint, Fingerprint.parse(printed.replace(':', ' ')));
        assertEquals(fingerprint, Fingerprint.parse("SHA256:" + plain));
        assertEquals(fingerprint, Fingerprint.parse(" sha-256: " + printed + "\n"));
        assertEquals(plain.toUpperCase(Locale.ROOT), printed.replace(":", ""));
    }

    @Test
    void refusesWhatIsNotAFingerprint() {
        String ok = "ab".repeat(32);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(ok.substring(2)))
                .getMessage().contains("64 hex digits, this has 62"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(ok + "ab"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("zz" + ok.substring(2)))
                .getMessage().contains("not a hex"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(""));
        assertNotEquals(Fingerprint.parse(ok), Fingerprint.parse("ac" + ok.substring(2)));
    }
}
