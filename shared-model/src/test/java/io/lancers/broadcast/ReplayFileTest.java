package io.lancers.broadcast;

import io.lancers.protocol.ProtocolVersion;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayFileTest {
    private static final List<ReplayTrailer.Score> SCORES = List.of(new ReplayTrailer.Score(3, "Bot 3", 7, 2),
            new ReplayTrailer.Score(1, "Ada", 4, 5));

    // Static and built once for JUnit tests and jqwik properties alike (jqwik runs no @BeforeAll).
    /** A team match (odd seed, RecordedMatch) that has kills to index. */
    private static final RecordedMatch match = RecordedMatch.play(41, 900, 60);
    private static final Path dir = newDirectory();
    private static final byte[] finished = bytesOf(write(dir.resolve("finished.lrp"), match.fragments, true));
    private static final byte[] unfinished = bytesOf(write(dir.resolve("unfinished.lrp"), match.fragments, false));

    private static Path newDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "replays-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytesOf(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, List<Fragment> fragments, boolean finish) {
        try {
            return writeReplay(file, fragments, finish);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeReplay(Path file, List<Fragment> fragments, boolean finish) throws IOException {
        ReplayHeader header = new ReplayHeader(ReplayFile.FORMAT_VERSION, "test", ProtocolVersion.SUBPROTOCOL,
                match.info.matchId(), match.info.mapId(), "2026-12-03T09:30:00Z", match.info.tickRate(),
                match.info.fragmentTicks(), 1, List.of("Ada", "Bot 3"));
        ReplayWriter writer = ReplayWriter.create(file, header);
        for (Fragment fragment : fragments) {
            writer.append(fragment);
        }
        if (finish) {
            writer.finish(SCORES);
        } else {
            writer.close();
        }
        return file;
    }

    private static Path file(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFinishedRecordingHasItsHeaderTrailerAndEveryFragment() throws IOException {
        try (ReplayFile replay = ReplayFile.open(file("a.lrp", finished))) {
            assertTrue(replay.complete());
            assertEquals(match.info, replay.info());
            assertEquals(List.of("Ada", "Bot 3"), replay.header().players());
            assertEquals(SCORES, replay.trailer().orElseThrow().finalScores());
            assertEquals(match.fragments.size(), replay.fragmentCount());
            assertEquals(match.firstTick(), replay.firstTick());
            assertEquals(match.lastTick(), replay.lastTick());
            for (int i = 0; i < replay.fragmentCount(); i++) {
                assertEquals(match.fragments.get(i), replay.fragment(i));
            }
            assertEquals(match.kills, replay.kills(), "played through: the writer gave no kills");
            assertFalse(match.kills.isEmpty(), "the test match should have kills");
        }
    }

    @Property(tries = 15)
    void seekLandsOnExactlyTheStateOfThatTick(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        try (ReplayFile replay = ReplayFile.open(file("seek.lrp", random.nextBoolean() ? finished : unfinished))) {
            Replayer replayer = new Replayer(replay);
            for (int i = 0; i < 40; i++) {
                int tick = replay.firstTick() + random.nextInt(replay.lastTick() - replay.firstTick() + 1);
                replayer.seek(tick);
                assertEquals(tick, replayer.tick());
                assertEquals(match.worlds.get(tick), replayer.world(), "tick " + tick);
                if (tick < replay.lastTick()) {
                    assertEquals(match.controls.get(tick), replayer.control(), "tick " + tick);
                }
                for (int steps = random.nextInt(3); steps > 0 && replayer.step(); steps--) {
                    assertEquals(match.worlds.get(replayer.tick()), replayer.world());
                }
            }
        }
    }

    @Test
    void aRecordingCutShortIsReadUpToItsLastCompleteFragment() throws IOException {
        try (ReplayFile replay = ReplayFile.open(file("cut.lrp", unfinished))) {
            assertFalse(replay.complete());
            assertEquals(match.fragments.size(), replay.fragmentCount());
            assertEquals(match.lastTick(), replay.lastTick());
        }
        // A torn last write: the file ends inside the last fragment.
        int lastStart = (int) offsetOfLastFragment();
        try (ReplayFile replay = ReplayFile.open(file("torn.lrp", Arrays.copyOf(unfinished, lastStart + 100)))) {
            assertEquals(match.fragments.size() - 1, replay.fragmentCount());
            assertNotNull(replay.damage());
            Replayer replayer = new Replayer(replay);
            replayer.seek(replay.lastTick());
            assertEquals(match.worlds.get(replay.lastTick()), replayer.world());
        }
    }

    private static long offsetOfLastFragment() throws IOException {
        try (ReplayFile replay = ReplayFile.open(file("index.lrp", finished))) {
            return replay.entry(replay.fragmentCount() - 1).offset();
        }
    }

    @Property(tries = 60)
    void truncatedFilesOpenUpToALastFragmentOrFailClearly(@ForAll @IntRange(min = 0, max = 100_000) int cut)
            throws IOException {
        byte[] source = cut % 2 == 0 ? finished : unfinished;
        int length = (int) ((long) cut * source.length / 100_001);
        assertReadableOrClearlyRefused(Arrays.copyOf(source, length));
    }

    @Property(tries = 150)
    void corruptFilesAreReadOrClearlyRefused(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        byte[] bytes = (random.nextBoolean() ? finished : unfinished).clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            int at = random.nextInt(10) < 3 ? random.nextInt(Math.min(bytes.length, 300)) : random.nextInt(bytes.length);
            bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        assertReadableOrClearlyRefused(bytes);
    }

    /** Opens it and plays it all; the only failure allowed is a BroadcastFormatException. */
    private static void assertReadableOrClearlyRefused(byte[] bytes) throws IOException {
        ReplayFile replay;
        try {
            replay = ReplayFile.open(file("damaged.lrp", bytes));
        } catch (BroadcastFormatException e) {
            assertTrue(e.getMessage().startsWith("damaged.lrp: "), e.getMessage());
            return;
        }
        try (replay) {
            Replayer replayer = new Replayer(replay);
            replayer.seek(replay.lastTick());
            assertEquals(match.worlds.get(replay.lastTick()), replayer.world());
        } catch (BroadcastFormatException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void foreignNewerAndEmptyFilesAreRefusedWithAMessage() throws IOException {
        assertRefused(new byte[0], "not a Lancers replay");
        assertRefused("{\"hello\": \"world\"}\n".getBytes(), "not a Lancers replay");
        assertRefused(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}, "not a Lancers replay");
        assertRefused(Arrays.copyOf(finished, 10), "too short");
        byte[] newer = finished.clone();
        newer[ReplayFile.MAGIC.length] = (byte) (ReplayFile.FORMAT_VERSION + 1);
        assertRefused(newer, "newer");
        byte[] header = finished.clone();
        header[ReplayFile.MAGIC.length + 20] ^= 1;
        assertRefused(header, "header is corrupt");
        assertRefused(Arrays.copyOf(finished, ReplayFile.MAGIC.length + 9 + 30), "truncated in its header");
    }

    private static void assertRefused(byte[] bytes, String reason) {
        BroadcastFormatException e = assertThrows(BroadcastFormatException.class,
                () -> ReplayFile.open(file("bad.lrp", bytes)).close());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void fragmentsAreRefusedWhenTheyDoNotContinue() throws IOException {
        ReplayWriter writer = ReplayWriter.create(dir.resolve("gap.lrp"), new ReplayHeader(1, "t", "lancers.v2", "m1",
                "x", "2026-12-03T09:30:00Z", 60, 60, 1, List.of()));
        writer.append(match.fragments.get(0));
        assertThrows(IllegalArgumentException.class, () -> writer.append(match.fragments.get(2)));
        writer.close();
    }
}
