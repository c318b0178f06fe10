package io.lancers.broadcast;

import java.util.List;

/**
 * The JSON trailer a finished recording ends with: where each fragment is, and how it ended.
 * A recording cut short (crash, kill) has none; {@link ReplayFile} then scans the fragments.
 *
 * @param endTick     the last tick recorded
 * @param finalScores every ship at the end, best first
 * @param index       each fragment's number, tick range and file offset, in file order
 */
public record ReplayTrailer(int endTick, List<Score> finalScores, List<IndexEntry> index) {
    public ReplayTrailer {
        finalScores = List.copyOf(finalScores);
        index = List.copyOf(index);
    }

    /** A player's result: {@code name} as in the last roster, null if it had none. */
    public record Score(int id, String name, int kills, int deaths) {
    }

    /** Where fragment {@code fragment}, ticks {@code firstTick..lastTick}, starts in the file. */
    public record IndexEntry(int fragment, int firstTick, int lastTick, long offset) {
    }
}
