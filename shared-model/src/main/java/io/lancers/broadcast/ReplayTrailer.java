package io.lancers.broadcast;

import java.util.List;

/**
 * The JSON trailer a finished recording ends with: where each fragment is, and how it ended.
 * A recording cut short (crash, kill) has none; {@link ReplayFile} then scans the fragments.
 *
 * @param endTick     the last tick recorded
 * @param finalScores every ship at the end, best first
 * @param index       each fragment's number, tick range and file offset, in file order
 * @param kills       every kill after the first tick, in order, for a timeline without playing the
 *                    file through; null when the writer did not know them
 */
public record ReplayTrailer(int endTick, List<Score> finalScores, List<IndexEntry> index, List<ReplayFile.Kill> kills) {
    public ReplayTrailer {
        finalScores = List.copyOf(finalScores);
        index = List.copyOf(index);
        kills = kills == null ? null : List.copyOf(kills);
    }

    /** A player's result: {@code name} as in the last roster, null if it had none. */
    public record Score(int id, String name, int kills, int deaths) {
    }

    /** Where fragment {@code fragment}, ticks {@code firstTick..lastTick}, starts in the file. */
    public record IndexEntry(int fragment, int firstTick, int lastTick, long offset) {
    }
}
