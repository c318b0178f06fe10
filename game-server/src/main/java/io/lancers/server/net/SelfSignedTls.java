package io.lancers.server.net;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code --tls-self-signed}: a key and a self-signed certificate for this host, made on the first
 * run and kept in a directory for every later one, so the fingerprint friends trusted stays the
 * same. Two files, readable by their owner only: {@value #KEY_STORE} (PKCS12, key and certificate)
 * and {@value #PASSWORD_FILE} (its random password). They are an ordinary key store: the same
 * server can be started with {@code --tls-keystore} and {@code --tls-password-file} on them.
 */
public final class SelfSignedTls {
    private static final Logger LOG = Logger.getLogger(SelfSignedTls.class.getName());
    public static final String KEY_STORE = "tls-self-signed.p12";
    public static final String PASSWORD_FILE = "tls-self-signed.password";
    static final String ALIAS = "lancers";
    /**
     * Long: an expired certificate would have to be replaced, and a replaced one is exactly what
     * trust on first use warns about. (Clients that pinned it do not look at its dates.)
     */
    static final Duration VALIDITY = Duration.ofDays(20 * 365);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom SECURE_RANDOM = new SecureRandom();
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");

    private SelfSignedTls() {
    }

    /** Where the server keeps what it must remember between runs unless told otherwise: {@code ~/.lancers/server}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home", "."), ".lancers", "server");
    }

    /**
     * The key store in {@code directory}, made first (directory included) when it is not there.
     *
     * @throws IOException when it cannot be made, or only half of it is there (nothing is overwritten)
     */
    public static TlsKeyStore ensure(Path directory) throws IOException {
        Path store = directory.resolve(KEY_STORE);
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        if (!Files.exists(store) && !Files.exists(passwordFile)) {
            create(directory, store, passwordFile);
        } else if (!Files.exists(store) || !Files.exists(passwordFile)) {
            throw new IOException("half a self-signed certificate in " + directory + ": " + KEY_STORE + " and "
                    + PASSWORD_FILE + " belong together; remove the one that is there to make a new certificate");
        } else {
            warnIfOthersCanRead(store);
            warnIfOthersCanRead(passwordFile);
        }
        String password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return new TlsKeyStore(store, password);
    }

    private static void create(Path directory, Path store, Path passwordFile) throws IOException {
        createPrivateDirectories(directory);
        byte[] secret = new byte[24];
        SECURE_RANDOM.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        KeyStore keyStore = keyStore(password);
        // Each file is written beside its final name and moved there: a crash leaves no torn file.
        Path storeTemp = privateTempFile(directory);
        Path passwordTemp = privateTempFile(directory);
        try {
            try (OutputStream out = Files.newOutputStream(storeTemp)) {
                keyStore.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write a PKCS12 key store: " + e.getMessage(), e);
            }
            Files.writeString(passwordTemp, new String(password) + "\n", StandardCharsets.UTF_8);
            move(passwordTemp, passwordFile);
            move(storeTemp, store);
        } finally {
            Files.deleteIfExists(storeTemp);
            Files.deleteIfExists(passwordTemp);
        }
        LOG.info(() -> "made a self-signed certificate in " + store);
    }

    /** A fresh P-256 key and its certificate for the names and addresses this host goes by. */
    private static KeyStore keyStore(char[] password) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), SECURE_RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = certificate(pair, hostName());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(KeyPair pair, String hostName)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "Lancers server " + hostName).build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(127, SECURE_RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(hostName)));
        // Signed by the JDK's own provider: no BouncyCastle provider is installed.
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    /**
     * What browsers check (our client pins the certificate instead): localhost, the host's name and
     * every address of its interfaces as they are now. An address that changes later is not in it.
     */
    private static GeneralName[] names(String hostName) {
        Set<GeneralName> names = new LinkedHashSet<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        if (DNS_NAME.matcher(hostName).matches()) {
            names.add(new GeneralName(GeneralName.dNSName, hostName));
        }
        for (InetAddress address : interfaceAddresses()) {
            String text = address.getHostAddress();
            int scope = text.indexOf('%');
            names.add(new GeneralName(GeneralName.iPAddress, scope < 0 ? text : text.substring(0, scope)));
        }
        return names.toArray(GeneralName[]::new);
    }

    private static List<InetAddress> interfaceAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(a -> !(a instanceof Inet6Address && a.isLinkLocalAddress()))
                    .toList();
        } catch (SocketException e) {
            return List.of(InetAddress.getLoopbackAddress());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, ownerOnly(OWNER_ONLY_DIR));
        } catch (FileAlreadyExistsException raced) {
            // Someone else made it meanwhile: fine.
        }
    }

    private static Path privateTempFile(Path directory) throws IOException {
        return Files.createTempFile(directory, ".tls-", ".tmp", ownerOnly(OWNER_ONLY));
    }

    /** Owner-only permissions where the file system has POSIX permissions (elsewhere the user's profile folder is private). */
    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            LOG.warning(() -> file + " can be read by others than its owner: chmod 600 it (a private key is in it)");
        }
    }
}
