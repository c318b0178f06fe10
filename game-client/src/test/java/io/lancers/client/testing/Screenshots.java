package io.lancers.client.testing;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes snapshots as PNG under {@code target/screenshots}, for people to look at. */
public final class Screenshots {
    public static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static Path save(Image image, String name) {
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
