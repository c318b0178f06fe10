package io.lancers.client.playback;

import io.lancers.client.state.Interpolation;
import io.lancers.client.state.RenderFrame;
import io.lancers.sim.GameEvent;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recorded or broadcast match played on a {@link PlaybackClock}: what to draw at each instant,
 * interpolated between ticks as in the live view, with the events of the ticks played since the
 * previous frame (each once; none for the ticks a seek skips). When the tick the clock reaches is
 * not loaded yet (just after a seek, or a broadcast running dry), the clock waits where it was and
 * the last picture stays. Time is a parameter; no JavaFX. One thread (the frame loop).
 */
public final class Playback {
    private final Feed feed;
    private final PlaybackClock clock;
    private final float tickSeconds;
    /** The playhead of the last frame that had its moment loaded, or the target of the last seek. */
    private double playhead;
    private int lastEventTick;
    private Moment shown;
    private RenderFrame lastFrame;

    /** Paused at the feed's first tick. */
    public Playback(Feed feed, long nowNanos) {
        this.feed = feed;
        this.clock = new PlaybackClock(feed.info().tickRate(), feed.firstTick(), feed.lastTick(), nowNanos);
        this.tickSeconds = 1f / feed.info().tickRate();
        this.playhead = feed.firstTick();
        this.lastEventTick = feed.firstTick();
    }

    public Feed feed() {
        return feed;
    }

    public PlaybackClock clock() {
        return clock;
    }

    /** What to draw at {@code nowNanos}; empty until the first moment is loaded. */
    public Optional<RenderFrame> sample(long nowNanos) {
        clock.extendTo(feed.lastTick(), nowNanos);
        if (clock.tickAt(nowNanos) < feed.firstTick()) {
            seek(feed.firstTick(), nowNanos); // a broadcast that fell behind started again further on
        }
        double target = clock.tickAt(nowNanos);
        int tick = (int) Math.floor(target);
        feed.want(tick);
        Moment moment = feed.moment(tick);
        if (moment == null) {
            clock.seek(playhead, nowNanos);
            return Optional.ofNullable(lastFrame).map(Playback::withoutEvents);
        }
        playhead = target;
        Moment next = target > tick ? feed.moment(tick + 1) : null;
        World world = moment.world();
        lastFrame = new RenderFrame(target, tick, world.match(),
                Interpolation.ships(world, next == null ? null : next.world(), target), 0,
                Interpolation.projectiles(world, target, tickSeconds), world.pickups(), eventsUpTo(tick), false);
        shown = moment;
        return Optional.of(lastFrame);
    }

    /** Moves the playhead to {@code tick}; the ticks skipped bring no events. */
    public void seek(double tick, long nowNanos) {
        clock.seek(tick, nowNanos);
        playhead = clock.tickAt(nowNanos);
        lastEventTick = (int) Math.floor(playhead);
        feed.want(lastEventTick);
    }

    /** The moment of the last frame drawn (its roster and chat are "as of that moment"), or null. */
    public Moment shown() {
        return shown;
    }

    /** The last frame drawn, or null. */
    public RenderFrame lastFrame() {
        return lastFrame;
    }

    private List<GameEvent> eventsUpTo(int tick) {
        List<GameEvent> events = new ArrayList<>();
        for (int t = lastEventTick + 1; t <= tick; t++) {
            Moment m = feed.moment(t);
            if (m != null) {
                events.addAll(m.world().events());
            }
        }
        lastEventTick = Math.max(lastEventTick, tick);
        return events;
    }

    private static RenderFrame withoutEvents(RenderFrame f) {
        return new RenderFrame(f.renderTick(), f.latestTick(), f.match(), f.ships(), f.ownId(), f.projectiles(),
                f.pickups(), List.of(), f.extrapolating());
    }
}
