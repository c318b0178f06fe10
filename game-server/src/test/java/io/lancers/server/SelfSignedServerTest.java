package io.lancers.server;

import com.google.gson.JsonParser;
import io.lancers.server.net.SelfSignedTls;
import io.lancers.tls.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --tls-self-signed} over real https on 127.0.0.1: the printed fingerprint, /status, and a restart. */
class SelfSignedServerTest {

    @Test
    void printsTheFingerprintWithTheAddressAndKeepsTheCertificateAcrossRestarts(@TempDir Path dataDir) throws Exception {
        Fingerprint first = startAndCheck(dataDir);
        Fingerprint second = startAndCheck(dataDir);
        assertEquals(first, second, "a restart presents the certificate friends already trust");
    }

    /** Starts the server, checks what it printed against what it presents over https, stops it. */
    private static Fingerprint startAndCheck(Path dataDir) throws Exception {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--matches", "1",
                "--tls-self-signed", "--data-dir", dataDir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GameServer server = main.start(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            X509Certificate certificate = server.options().tls().certificate();
            Fingerprint fingerprint = Fingerprint.of(certificate);
            String url = "wss://127.0.0.1:" + server.port() + "/game";
            assertEquals(List.of("fingerprint SHA-256 " + fingerprint + " " + url, "listening " + url),
                    out.toString(StandardCharsets.UTF_8).lines().toList());
            assertEquals(fingerprint, server.certificateFingerprint().orElseThrow());

            // Trusting exactly that certificate (hostname checked: 127.0.0.1 is among its names).
            HttpResponse<String> status = HttpClient.newBuilder().sslContext(trustingOnly(certificate)).build()
                    .send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/status")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            assertEquals(fingerprint.toString(),
                    JsonParser.parseString(status.body()).getAsJsonObject().get("tlsSha256").getAsString());
            return fingerprint;
        }
    }

    @Test
    void selfSignedGoesAlone(@TempDir Path dataDir) {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--tls-self-signed", "--tls-keystore", dataDir.resolve("x.p12").toString(),
                "--data-dir", dataDir.toString());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, main.options::validate);
        assertTrue(both.getMessage().contains("--tls-self-signed goes without --tls-keystore"), both.getMessage());
        assertTrue(SelfSignedTls.defaultDirectory().endsWith(Path.of(".lancers", "server")));
    }

    /** A TLS context that trusts exactly {@code certificate}. */
    static SSLContext trustingOnly(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
