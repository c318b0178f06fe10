package io.lancers.client.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attribution counts the frames over budget and says what came before each. */
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

        assertTrue(report.contains("slow frames (> 8 ms): 1 of 99;"), report);
        assertTrue(report.contains("after a kill 1 (kills in all frames 1)"), report);
        assertTrue(report.contains("frames after a change of the scoreboard: 1 (slow 1)"), report);
        assertTrue(report.contains("frames after a change of the timer: 0 (slow 0)"), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("    20.00 |") && l.endsWith("| 1 | scoreboard | 3")),
                report);
    }
}
