package io.lancers.assets.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Makes the game's sprites and sounds. Deterministic: no clocks, no unseeded randomness, and
 * only {@code StrictMath}, so every run writes the same bytes.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl assets compile exec:java}, which writes
 * into {@code assets/src/main/resources}; or pass another resources root as the only argument.
 */
public final class AssetForge {

    private static final Logger LOG = Logger.getLogger(AssetForge.class.getName());

    /** Where the files go below a resources root; matches the paths in {@code Assets}. */
    public static final String BASE = "io/lancers/assets/";

    private AssetForge() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: AssetForge <resources root>   e.g. assets/src/main/resources");
            System.exit(2);
        }
        Map<String, byte[]> files = generate(Path.of(args[0]));
        LOG.info(() -> "wrote " + files.size() + " files under " + Path.of(args[0]).resolve(BASE));
    }

    /**
     * Writes every asset under {@code resourcesRoot}/io/lancers/assets/ and returns the bytes
     * written, keyed by path relative to that base (e.g. {@code sprites/ship-hull.png}).
     */
    public static Map<String, byte[]> generate(Path resourcesRoot) {
        Map<String, byte[]> files = render();
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = resourcesRoot.resolve(BASE).resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write assets under " + resourcesRoot, e);
        }
        return files;
    }

    /** Every asset's bytes, in memory, keyed by path relative to the base. */
    public static Map<String, byte[]> render() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        SpriteForge.all().forEach((name, canvas) -> files.put("sprites/" + name, Png.encode(canvas)));
        SoundForge.all().forEach((name, sound) -> files.put("sounds/" + name, Wav.encode(sound)));
        return files;
    }
}
