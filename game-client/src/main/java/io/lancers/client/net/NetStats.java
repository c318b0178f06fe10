package io.lancers.client.net;

/**
 * A connection's figures, for the net overlay and the headless summary.
 *
 * @param pingMs            last round trip measured by our heartbeat, -1 before the first
 * @param bytesInPerSecond  received bytes (text and binary payloads) over the last full second
 * @param bytesOutPerSecond sent bytes over the last full second
 * @param framesPerSecond   state frames (snapshots and deltas) received over the last full second
 * @param framesReceived    state frames received in total
 * @param bytesReceived     payload bytes received in total
 * @param bytesSent         payload bytes sent in total
 * @param gaps              deltas whose base was not the last tick we had
 * @param resyncs           resync requests sent
 * @param reconnects        links re-established after a loss (welcomed again)
 * @param resumes           matches resumed as the same player after a reconnect
 */
public record NetStats(int pingMs, long bytesInPerSecond, long bytesOutPerSecond, double framesPerSecond,
                       long framesReceived, long bytesReceived, long bytesSent, long gaps, long resyncs,
                       long reconnects, long resumes) {

    /** No network at all (a recording, a benchmark): no figures, and "–" for the ping. */
    public static final NetStats NONE = new NetStats(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
