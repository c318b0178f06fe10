package io.lancers.client.net;

/**
 * A connection's figures for the net panel and the headless summary ({@link NetStats}): bytes each
 * way and state frames per second over the last full second and in total, the last ping, and the
 * link's troubles (gaps, resyncs, reconnects, resumes) as the connection reports them. Time is a
 * parameter. Not thread-safe: the connection calls it under its lock.
 */
final class Traffic {
    private final WindowedRate bytesIn = new WindowedRate();
    private final WindowedRate bytesOut = new WindowedRate();
    private final WindowedRate frames = new WindowedRate();
    private int pingMs = -1;
    private long gaps;
    private long resyncs;
    private long reconnects;
    private long resumes;

    void received(long nowNanos, int bytes) {
        bytesIn.add(nowNanos, bytes);
    }

    void sent(long nowNanos, int bytes) {
        bytesOut.add(nowNanos, bytes);
    }

    /** A state frame became a world. */
    void frameApplied(long nowNanos) {
        frames.add(nowNanos, 1);
    }

    void pinged(int ms) {
        pingMs = ms;
    }

    /** A delta whose base was not the last tick we had. */
    void gap() {
        gaps++;
    }

    void resyncRequested() {
        resyncs++;
    }

    /** Welcomed again after a lost link. */
    void reconnected() {
        reconnects++;
    }

    /** Back in the match as the same player after a reconnect. */
    void resumed() {
        resumes++;
    }

    NetStats stats(long nowNanos) {
        return new NetStats(pingMs, Math.round(bytesIn.perSecond(nowNanos)), Math.round(bytesOut.perSecond(nowNanos)),
                frames.perSecond(nowNanos), frames.total(), bytesIn.total(), bytesOut.total(), gaps, resyncs,
                reconnects, resumes);
    }
}
