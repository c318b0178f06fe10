package io.lancers.sim;

/**
 * One tick's worth of a player's intent.
 *
 * @param seq     client sequence number, increasing by one per input
 * @param buttons bit set of {@link #UP}, {@link #DOWN}, {@link #LEFT}, {@link #RIGHT}, {@link #FIRE}
 * @param aim     aim angle in radians (snapped to {@link Quantum#ANGLE} by the codec)
 */
public record Input(int seq, int buttons, float aim) {
    public static final int UP = 1;
    public static final int DOWN = 1 << 1;
    public static final int LEFT = 1 << 2;
    public static final int RIGHT = 1 << 3;
    public static final int FIRE = 1 << 4;
    /** Every defined button; other bits are invalid. */
    public static final int ALL_BUTTONS = UP | DOWN | LEFT | RIGHT | FIRE;

    /** No buttons held: what a ship does when its player sent nothing yet. */
    public static final Input IDLE = new Input(0, 0, 0f);
}
