package io.lancers.server.net;

import io.lancers.tls.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SelfSignedTlsTest {

    @Test
    void madeOnceThenKeptWithItsKeyReadableByTheOwnerOnly(@TempDir Path home) throws Exception {
        Path dir = home.resolve("data").resolve("server");
        TlsKeyStore first = SelfSignedTls.ensure(dir);
        X509Certificate certificate = first.certificate();
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey()); // self-signed, by the key in the store
        assertTrue(certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(10 * 365))));
        assertTrue(certificate.getSubjectAlternativeNames().stream()
                        .anyMatch(name -> List.of(7, "127.0.0.1").equals(List.copyOf(name))),
                () -> "127.0.0.1 among the names: " + safeNames(certificate));
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "for a TLS server");

        TlsKeyStore again = SelfSignedTls.ensure(dir);
        assertEquals(Fingerprint.of(certificate), Fingerprint.of(again.certificate()), "the same certificate next time");
        assertEquals(first.password(), again.password());
        assertTrue(first.password().length() >= 32, "a random password");

        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(SelfSignedTls.KEY_STORE))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(SelfSignedTls.PASSWORD_FILE))));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void halfACertificateIsRefusedAndNothingIsOverwritten(@TempDir Path dir) throws Exception {
        SelfSignedTls.ensure(dir);
        Path store = dir.resolve(SelfSignedTls.KEY_STORE);
        byte[] before = Files.readAllBytes(store);
        Files.delete(dir.resolve(SelfSignedTls.PASSWORD_FILE));
        IOException half = assertThrows(IOException.class, () -> SelfSignedTls.ensure(dir));
        assertTrue(half.getMessage().contains("half a self-signed certificate"), half.getMessage());
        assertArrayEquals(before, Files.readAllBytes(store));
    }

    private static String safeNames(X509Certificate certificate) {
        try {
            return String.valueOf(certificate.getSubjectAlternativeNames());
        } catch (Exception e) {
            return e.toString();
        }
    }
}
