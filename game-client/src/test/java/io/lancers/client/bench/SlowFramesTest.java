package io.lancers.client.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attribution counts the frames over budget and says what came before each, and what each rendered frame had. */
class SlowFramesTest {

    @Test
    void aSlowFrameAfterAKillAndAScoreboardChangeIsCountedAsSuch() {
        SlowFrames slow = new SlowFrames(-1);
        slow.pulse(0, 0, 3);
        for (int i = 0; i < 99; i++) {
            boolean kill = i == 50;
            if (kill) {
                slow.hudChanged(SlowFrames.HUD_PARTS.indexOf("scoreboard"));
            }
            // The interval that follows the frame with the kill is the slow one.
            slow.pulse(i == 51 ? 20_000_000L : 5_000_000L, kill ? 1 : 0, 3);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        slow.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(report.contains("slow pulse intervals (> 8 ms): 1 of 99 pulses;"), report);
        assertTrue(report.contains("after a kill 1 (kills in all frames 1)"), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("    20.00 |") && l.endsWith("| 1 | scoreboard | 3")),
                report);
    }

    @Test
    void eachRenderedFrameIsChargedToTheFrameHandedOverBeforeIt() {
        SlowFrames slow = new SlowFrames(-1);
        int timer = SlowFrames.HUD_PARTS.indexOf("timer");
        for (int i = 0; i < 10; i++) {
            if (i == 4) {
                slow.hudChanged(timer);
            }
            slow.pulse(5_000_000L, i == 7 ? 1 : 0, 2);
            slow.synced();
            // The render thread paints the frame just handed over: 9 ms after the timer changed, 12 after the kill.
            slow.rendered(i == 4 ? 9_000_000L : i == 7 ? 12_000_000L : 3_000_000L);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        slow.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(report.contains("  no HUD change, no kill: 8 frames, p50 3.00 ms"), report);
        assertTrue(report.contains("  a kill: 1 frames, p50 12.00 ms"), report);
        assertTrue(report.contains("  a change of the timer, no kill: 1 frames, p50 9.00 ms p90 9.00 ms p99 9.00 ms "
                + "max 9.00 ms"), report);
        assertTrue(report.contains("  a change of the scoreboard, no kill: 0 frames"), report);
        assertTrue(report.lines().anyMatch(l -> l.equals("   12.00 | 1 | - | 2")), report);
    }
}
