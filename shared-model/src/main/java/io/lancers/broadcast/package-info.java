/**
 * The match stream as a product: fragments (a full part and a delta part per few seconds of play)
 * that a server cuts once and serves over HTTP with a delay, and replay files made of the same
 * fragments. The byte layouts are in docs/BROADCAST.md.
 *
 * <p>Reading: {@link io.lancers.broadcast.ReplayFile#open} and a {@link io.lancers.broadcast.Replayer}
 * for files (seek anywhere); {@link io.lancers.broadcast.FullPart#decode},
 * {@link io.lancers.broadcast.DeltaPart#decode} and a {@link io.lancers.broadcast.StreamCursor} for
 * parts fetched over HTTP. Writing: {@link io.lancers.broadcast.FragmentCutter} turns a tick stream
 * into fragments, {@link io.lancers.broadcast.ReplayWriter} appends them to a file.
 */
package io.lancers.broadcast;
