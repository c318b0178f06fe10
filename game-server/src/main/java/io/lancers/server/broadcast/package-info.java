/**
 * The match stream as a product: each room's stream cut into fragments
 * ({@link io.lancers.broadcast.FragmentCutter}) as it is played, kept for the delayed HTTP broadcast
 * ({@link io.lancers.server.broadcast.FragmentStore}) and written to replay files
 * ({@link io.lancers.server.broadcast.Recorder}). A room feeds it through one
 * {@link io.lancers.server.match.StreamTap}; the HTTP side is {@code net.BroadcastHandler}.
 */
package io.lancers.server.broadcast;
