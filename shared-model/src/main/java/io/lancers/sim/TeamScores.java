package io.lancers.sim;

/**
 * The score of each side of a {@link GameMode#TDM team match}: kills of an enemy credited to the
 * killer's team when they happen (a teamkill scores nothing), 0..65535 each.
 *
 * @param red  the red team's kills
 * @param blue the blue team's kills
 */
public record TeamScores(int red, int blue) {
    /** Nobody scored: a new match, and free-for-all throughout. */
    public static final TeamScores NONE = new TeamScores(0, 0);

    public TeamScores {
        if (red < 0 || red > 0xFFFF || blue < 0 || blue > 0xFFFF) {
            throw new IllegalArgumentException("team scores are 0..65535, were " + red + ", " + blue);
        }
    }

    /** {@code team}'s score; 0 for {@link Team#NONE}. */
    public int of(Team team) {
        return switch (team) {
            case NONE -> 0;
            case RED -> red;
            case BLUE -> blue;
        };
    }

    /** These scores with one more kill for {@code team} (none for {@link Team#NONE}); at most 65535. */
    public TeamScores plusKill(Team team) {
        return switch (team) {
            case NONE -> this;
            case RED -> new TeamScores(Math.min(0xFFFF, red + 1), blue);
            case BLUE -> new TeamScores(red, Math.min(0xFFFF, blue + 1));
        };
    }
}
