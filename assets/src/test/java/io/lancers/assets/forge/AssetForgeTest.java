package io.lancers.assets.forge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lancers.assets.Assets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetForgeTest {

    /** The budget for all sprites and sounds together: they live in git. */
    private static final long MAX_TOTAL_BYTES = 1_500_000;

    @Test
    void regeneratingGivesTheCommittedFilesByteForByte(@TempDir Path dir) throws IOException {
        Map<String, byte[]> generated = AssetForge.generate(dir);
        for (Map.Entry<String, byte[]> file : generated.entrySet()) {
            Path written = dir.resolve(AssetForge.BASE).resolve(file.getKey());
            assertArrayEquals(file.getValue(), Files.readAllBytes(written), "written " + file.getKey());
            String resource = "/" + AssetForge.BASE + file.getKey();
            try (InputStream committed = AssetForgeTest.class.getResourceAsStream(resource)) {
                assertNotNull(committed, resource + " is generated but not committed");
                assertArrayEquals(committed.readAllBytes(), file.getValue(),
                        resource + " differs from a fresh run: rerun the forge and commit its output");
            }
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
