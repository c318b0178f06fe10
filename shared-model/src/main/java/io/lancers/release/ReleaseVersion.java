package io.lancers.release;

import io.lancers.protocol.ProtocolVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release this code belongs to: the Maven project version, written into a resource at build
 * time, so it is right in the jars and when run from classes alike.
 */
public final class ReleaseVersion {
    private static final String RESOURCE = "release.properties";
    /** The project version, e.g. {@code 0.1.0}. */
    public static final String VERSION = read();

    private ReleaseVersion() {
    }

    /** What {@code --version} prints: the program and its version, then the protocol it speaks. */
    public static String[] describe(String program) {
        return new String[] {program + " " + VERSION, "protocol " + ProtocolVersion.SUBPROTOCOL};
    }

    private static String read() {
        try (InputStream in = ReleaseVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing beside " + ReleaseVersion.class.getName()
                        + ": built without Maven's resource filtering?");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
