package io.lancers.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client downloads of the {@code platforms} profile (run by failsafe after they are built):
 * each jar starts the game, carries JavaFX with its platform's natives for its CPU, and no others.
 */
class PlatformJarsIT {

    /** A JavaFX classifier: the natives' file type and CPU, and the glass (windowing) package that goes with them. */
    enum Platform {
        LINUX("linux", Binary.ELF, Cpu.X64, "gtk"),
        LINUX_AARCH64("linux-aarch64", Binary.ELF, Cpu.ARM64, "gtk"),
        WIN("win", Binary.PE, Cpu.X64, "win"),
        MAC("mac", Binary.MACH_O, Cpu.X64, "mac"),
        MAC_AARCH64("mac-aarch64", Binary.MACH_O, Cpu.ARM64, "mac");

        final String classifier;
        final Binary binary;
        final Cpu cpu;
        final String glass;

        Platform(String classifier, Binary binary, Cpu cpu, String glass) {
            this.classifier = classifier;
            this.binary = binary;
            this.cpu = cpu;
            this.glass = glass;
        }
    }

    enum Binary {
        ELF(".so"), PE(".dll"), MACH_O(".dylib");

        final String suffix;

        Binary(String suffix) {
            this.suffix = suffix;
        }
    }

    enum Cpu { X64, ARM64 }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void eachJarHasItsPlatformsNativesAndNoOthers(Platform platform) throws IOException {
        Path jar = Path.of(System.getProperty("lancers.platformJars") + platform.classifier + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " was built");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(Launcher.class.getName(), file.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(file.getEntry("io/lancers/client/Launcher.class"));
            assertNotNull(file.getEntry("javafx/scene/control/Button.class"), "JavaFX controls");
            assertNotNull(file.getEntry("io/lancers/server/GameServer.class"), "the embedded server");
            for (String glass : List.of("gtk", "win", "mac")) {
                boolean present = file.stream().anyMatch(e -> e.getName().startsWith("com/sun/glass/ui/" + glass + "/"));
                assertEquals(glass.equals(platform.glass), present, "glass " + glass + " in " + jar);
            }
            List<JarEntry> natives = new ArrayList<>();
            file.stream().filter(e -> isNative(e.getName())).forEach(natives::add);
            assertTrue(natives.size() >= 3, "glass, prism and font natives in " + jar + ": " + natives);
            for (JarEntry entry : natives) {
                assertTrue(entry.getName().endsWith(platform.binary.suffix), entry + " in " + jar);
                assertFalse(entry.getName().contains("media") || entry.getName().contains("gstreamer"),
                        "no media natives (javafx-media is gone): " + entry);
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] head = in.readNBytes(4096);
                    assertEquals(platform.binary, binaryOf(head), entry.getName());
                    assertEquals(platform.cpu, cpuOf(platform.binary, head), entry.getName());
                }
            }
        }
    }

    private static boolean isNative(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib");
    }

    private static Binary binaryOf(byte[] head) {
        if (head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return Binary.ELF;
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            return Binary.PE;
        }
        if (le(head).getInt(0) == 0xFEEDFACF) {
            return Binary.MACH_O;
        }
        throw new AssertionError(String.format("not a 64-bit native library: %02x %02x %02x %02x",
                head[0], head[1], head[2], head[3]));
    }

    /** The CPU in the header: ELF e_machine, PE's COFF Machine, Mach-O cputype. */
    private static Cpu cpuOf(Binary binary, byte[] head) {
        ByteBuffer b = le(head);
        int machine = switch (binary) {
            case ELF -> b.getShort(18) & 0xFFFF;
            case PE -> b.getShort(b.getInt(0x3C) + 4) & 0xFFFF;
            case MACH_O -> b.getInt(4);
        };
        return switch (machine) {
            case 0x3E, 0x8664, 0x01000007 -> Cpu.X64;
            case 0xB7, 0xAA64, 0x0100000C -> Cpu.ARM64;
            default -> throw new AssertionError(binary + " machine 0x" + Integer.toHexString(machine));
        };
    }

    private static ByteBuffer le(byte[] head) {
        return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    }
}
