package io.lancers.assets.forge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lancers.assets.Assets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetForgeTest {

    /** The budget for all sprites and sounds together: they live in git. */
    private static final long MAX_TOTAL_BYTES = 1_500_000;

    /**
     * Sounds byte for byte; images pixel for pixel, as their compressed bytes depend on the JDK's
     * zlib, which may change while the pixels do not.
     */
    @Test
    void regeneratingGivesTheCommittedFiles(@TempDir Path dir) throws IOException {
        Map<String, byte[]> generated = AssetForge.generate(dir);
        for (Map.Entry<String, byte[]> file : generated.entrySet()) {
            Path written = dir.resolve(AssetForge.BASE).resolve(file.getKey());
            assertArrayEquals(file.getValue(), Files.readAllBytes(written), "written " + file.getKey());
            String resource = "/" + AssetForge.BASE + file.getKey();
            try (InputStream committed = AssetForgeTest.class.getResourceAsStream(resource)) {
                assertNotNull(committed, resource + " is generated but not committed");
                String stale = resource + " differs from a fresh run: rerun the forge and commit its output";
                if (file.getKey().endsWith(".png")) {
                    assertEquals(Pixels.of(committed.readAllBytes()), Pixels.of(file.getValue()), stale);
                } else {
                    assertArrayEquals(committed.readAllBytes(), file.getValue(), stale);
                }
            }
        }
    }

    /** A decoded image: its size and every pixel as non-premultiplied ARGB. */
    private record Pixels(int width, int height, List<Integer> argb) {
        static Pixels of(byte[] png) throws IOException {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "not a readable PNG");
            int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return new Pixels(image.getWidth(), image.getHeight(), Arrays.stream(argb).boxed().toList());
        }

        @Override
        public String toString() {
            return width + "×" + height + " pixels, hash " + Integer.toHexString(argb.hashCode());
        }
    }

    @Test
    void generatesExactlyTheAssetsThatAssetsNames() {
        Set<String> generated = AssetForge.render().keySet().stream()
                .map(name -> "/" + AssetForge.BASE + name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> named = Stream.concat(Assets.Sprites.ALL.stream(), Assets.Sounds.ALL.stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(named, generated);
    }

    @Test
    void everythingFitsTheSizeBudget() {
        long total = AssetForge.render().values().stream().mapToLong(bytes -> bytes.length).sum();
        assertTrue(total < MAX_TOTAL_BYTES, "assets take " + total + " bytes");
    }
}
