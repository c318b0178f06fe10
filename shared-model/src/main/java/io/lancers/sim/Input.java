package io.lancers.sim;

/**
 * One tick's worth of a player's intent.
 *
 * @param seq      client sequence number, increasing by one per input
 * @param buttons  bit set of {@link #UP}, {@link #DOWN}, {@link #LEFT}, {@link #RIGHT}, {@link #FIRE}, {@link #LANCE}
 * @param aim      aim angle in radians (snapped to {@link Quantum#ANGLE} by the codec)
 * @param viewTick the server tick of the world the player was looking at (others interpolated) when
 *                 it sampled this input, for lag compensation ({@link ShipHistory}); 0: not known,
 *                 no compensation
 */
public record Input(int seq, int buttons, float aim, int viewTick) {
    public static final int UP = 1;
    public static final int DOWN = 1 << 1;
    public static final int LEFT = 1 << 2;
    public static final int RIGHT = 1 << 3;
    public static final int FIRE = 1 << 4;
    /**
     * The charged lance: held by a ship with {@linkplain Ship#lanceCharges() lance charges}, it fires one
     * heavy, fast shot as soon as the gun has rested {@link Rules#LANCE_CHARGE_SECONDS} (instead of
     * FIRE's shots); without charges it is as if not held.
     */
    public static final int LANCE = 1 << 5;
    /** Every defined button; other bits are invalid. */
    public static final int ALL_BUTTONS = UP | DOWN | LEFT | RIGHT | FIRE | LANCE;

    /** No buttons held: what a ship does when its player sent nothing yet. */
    public static final Input IDLE = new Input(0, 0, 0f);

    /** An input without a view tick: shots from it are not lag-compensated. */
    public Input(int seq, int buttons, float aim) {
        this(seq, buttons, aim, 0);
    }
}
