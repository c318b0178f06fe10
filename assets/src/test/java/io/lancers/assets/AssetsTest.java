package io.lancers.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssetsTest {

    /** The sizes documented in Assets and the README. */
    private static final Map<String, Integer> SPRITE_SIZES = Map.ofEntries(
            Map.entry(Assets.Sprites.SHIP_HULL, 48),
            Map.entry(Assets.Sprites.SHIP_ACCENT, 48),
            Map.entry(Assets.Sprites.PROJECTILE, 16),
            Map.entry(Assets.Sprites.PROJECTILE_POWERED, 24),
            Map.entry(Assets.Sprites.PICKUP_HEALTH, 32),
            Map.entry(Assets.Sprites.PICKUP_POWER, 32),
            Map.entry(Assets.Sprites.HIT_SPARK, 24),
            Map.entry(Assets.Sprites.FLOOR_TILE, 64),
            Map.entry(Assets.Sprites.WALL_TILE, 64),
            Map.entry(Assets.Sprites.ICON_64, 64),
            Map.entry(Assets.Sprites.ICON_256, 256));
    private static final int EXPLOSION_SIZE = 64;
    private static final Set<String> OPAQUE_TILES = Set.of(Assets.Sprites.FLOOR_TILE, Assets.Sprites.WALL_TILE);

    private static final float SAMPLE_RATE = 44_100;
    private static final double MAX_SECONDS = 3;
    /** Mastered to -1 dBFS (0.89 of full scale); the test allows rounding, not clipping. */
    private static final double MAX_PEAK = 0.9;
    private static final double MIN_PEAK = 0.85;
    private static final double MIN_RMS = 0.03;
    /** Fades in and out: the first and last samples are as good as silent, so nothing clicks. */
    private static final double MAX_EDGE = 0.005;

    static Stream<String> sprites() {
        return Assets.Sprites.ALL.stream();
    }

    static Stream<String> sounds() {
        return Assets.Sounds.ALL.stream();
    }

    static Stream<String> allAssets() {
        return Stream.concat(sprites(), sounds());
    }

    @ParameterizedTest
    @MethodSource("allAssets")
    void everyPathIsOnTheClasspath(String path) throws IOException {
        try (InputStream in = Assets.url(path).openStream()) {
            assertTrue(in.readAllBytes().length > 0, path);
        }
    }

    @Test
    void pathsAreDistinctAndTheListsComplete() {
        List<String> all = allAssets().toList();
        assertEquals(all.size(), new HashSet<>(all).size(), "duplicate paths");
        assertEquals(8, Assets.Sprites.EXPLOSION_FRAMES.size());
        assertTrue(Assets.Sprites.ALL.containsAll(Assets.Sprites.EXPLOSION_FRAMES));
        assertTrue(Assets.Sprites.ALL.containsAll(Assets.Sprites.ICONS));
        assertEquals(13, Assets.Sounds.ALL.size());
    }

    @Test
    void urlOfAMissingAssetFailsNamingThePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assets.url("/io/lancers/assets/sprites/no-such.png"));
        assertTrue(e.getMessage().contains("/io/lancers/assets/sprites/no-such.png"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("sprites")
    void spriteDecodesWithItsDocumentedSize(String path) throws IOException {
        BufferedImage image = read(path);
        int size = Assets.Sprites.EXPLOSION_FRAMES.contains(path) ? EXPLOSION_SIZE : SPRITE_SIZES.get(path);
        assertEquals(size, image.getWidth(), path);
        assertEquals(size, image.getHeight(), path);
    }

    static Stream<String> transparentSprites() {
        return sprites().filter(path -> !OPAQUE_TILES.contains(path));
    }

    @ParameterizedTest
    @MethodSource("transparentSprites")
    void spriteIsTransparentAroundAndVisibleInside(String path) throws IOException {
        BufferedImage image = read(path);
        assertTrue(image.getColorModel().hasAlpha(), path);
        int w = image.getWidth();
        int h = image.getHeight();
        for (int[] corner : new int[][] {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}}) {
            assertEquals(0, alpha(image, corner[0], corner[1]), path + " corner " + corner[0] + "," + corner[1]);
        }
        int visible = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                visible += alpha(image, x, y) >= 64 ? 1 : 0;
            }
        }
        assertTrue(visible >= 4, path + " has only " + visible + " visible pixels");
    }

    @Test
    void theLastExplosionFrameIsFainterThanTheFirst() throws IOException {
        List<String> frames = Assets.Sprites.EXPLOSION_FRAMES;
        assertTrue(totalAlpha(read(frames.get(frames.size() - 1))) < totalAlpha(read(frames.get(0))) / 2);
    }

    @ParameterizedTest
    @MethodSource("opaqueTiles")
    void tileIsOpaqueEverywhere(String path) throws IOException {
        BufferedImage image = read(path);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(255, alpha(image, x, y), path + " at " + x + "," + y);
            }
        }
    }

    static Stream<String> opaqueTiles() {
        return OPAQUE_TILES.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("sounds")
    void soundDecodesShortCleanAndAudible(String path) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(Assets.url(path))) {
            AudioFormat format = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding(), path);
            assertEquals(SAMPLE_RATE, format.getSampleRate(), path);
            assertEquals(16, format.getSampleSizeInBits(), path);
            assertEquals(1, format.getChannels(), path);
            assertTrue(!format.isBigEndian(), path);

            double seconds = in.getFrameLength() / format.getFrameRate();
            assertTrue(seconds > 0.02 && seconds < MAX_SECONDS, path + " lasts " + seconds + " s");

            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            double[] samples = new double[bytes.remaining() / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = bytes.getShort() / 32768.0;
            }
            assertEquals(in.getFrameLength(), samples.length, path);
            double peak = 0;
            double sumOfSquares = 0;
            for (double s : samples) {
                peak = Math.max(peak, Math.abs(s));
                sumOfSquares += s * s;
            }
            double rms = Math.sqrt(sumOfSquares / samples.length);
            assertTrue(peak <= MAX_PEAK && peak >= MIN_PEAK, path + " peaks at " + peak);
            assertTrue(rms >= MIN_RMS, path + " RMS " + rms + " is near silence");
            assertTrue(Math.abs(samples[0]) <= MAX_EDGE, path + " starts at " + samples[0]);
            assertTrue(Math.abs(samples[samples.length - 1]) <= MAX_EDGE, path + " ends at " + samples[samples.length - 1]);
        }
    }

    private static BufferedImage read(String path) throws IOException {
        BufferedImage image = ImageIO.read(Assets.url(path));
        assertNotNull(image, path + " is not a readable image");
        return image;
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static long totalAlpha(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += alpha(image, x, y);
            }
        }
        return sum;
    }
}
