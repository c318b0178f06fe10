package io.lancers.server.watch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lancers.broadcast.Fragment;
import io.lancers.broadcast.FragmentCutter;
import io.lancers.broadcast.StreamInfo;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The broadcast parts the page's JavaScript test plays ({@code src/test/js/fixtures/recorded-parts.json}):
 * the recorded frames cut by the real {@link FragmentCutter} into fragments of 40 ticks, with a roster
 * before the first frame and a chat line in the middle, as the server's broadcast would serve them.
 * This test keeps the file equal to what the writer makes today; {@code -Dlancers.watch.record=true}
 * writes it anew.
 */
class RecordedPartsTest {
    static final Path FILE = Path.of("src/test/js/fixtures/recorded-parts.json");
    private static final int FIRST_FRAGMENT = 1_796_300_000;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    record Document(String about, List<Part> fragments) {
    }

    record Part(String full, String delta) {
    }

    @Test
    void theFixtureIsWhatTheFragmentWriterMakesOfTheRecordedFrames() throws Exception {
        Document made = cut(RecordedFrames.read(RecordedFrames.FILE));
        if (Boolean.getBoolean("lancers.watch.record")) {
            Files.writeString(FILE, GSON.toJson(made) + "\n");
        }
        assertEquals(made, GSON.fromJson(Files.readString(FILE), Document.class),
                "regenerate with -Dlancers.watch.record=true (see the fixture's 'about')");
    }

    private static Document cut(RecordedFrames recorded) throws Exception {
        List<World> worlds = recorded.worlds();
        StreamInfo info = new StreamInfo(ProtocolVersion.SUBPROTOCOL, "m1", "foundry", recorded.tickRate(), 40,
                new ServerMessage.Rules(300, 20, 10, 3));
        FragmentCutter cutter = new FragmentCutter(info, FIRST_FRAGMENT);
        cutter.control(new ServerMessage.Roster("m1", worlds.get(0).ships().stream()
                .map(s -> new ServerMessage.PlayerInfo(s.id(), "Bot " + s.id(), 0x4cc9f0, true, true, 0)).toList(), 1));
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < worlds.size(); i++) {
            if (i == 50) {
                cutter.control(new ServerMessage.Chat(0, "Spectator", "gg", 1_796_300_100_000L));
            }
            Fragment done = cutter.frame(worlds.get(i), recorded.frames().get(i));
            if (done != null) {
                fragments.add(done);
            }
        }
        Fragment last = cutter.finish();
        if (last != null) {
            fragments.add(last);
        }
        return new Document("The recorded frames (recorded-frames.json) cut into broadcast fragments of 40 ticks by "
                + "io.lancers.broadcast.FragmentCutter, with a roster and a chat line; docs/BROADCAST.md §2-§3. "
                + "Regenerate: ./mvnw -pl game-server -am test -Dtest=RecordedPartsTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dlancers.watch.record=true",
                fragments.stream().map(f -> new Part(HexFormat.of().formatHex(f.full().encode()),
                        HexFormat.of().formatHex(f.delta().encode()))).toList());
    }
}
