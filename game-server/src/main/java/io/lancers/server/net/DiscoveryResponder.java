package io.lancers.server.net;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lancers.protocol.Discovery;
import io.lancers.protocol.ServerMessage;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * LAN discovery, the answering side: a UDP socket on the discovery port that answers a datagram
 * equal to {@link Discovery#PROBE} with one {@link Discovery.Reply} (JSON) to its sender, and drops
 * everything else. It only ever answers; it never sends on its own, so it cannot be the source of
 * broadcast traffic.
 */
public final class DiscoveryResponder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DiscoveryResponder.class.getName());
    private static final long REPLY_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final DatagramSocket socket;
    private final Supplier<Discovery.Reply> replies;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create(); // names keep their ' and &
    private final ReplyRateLimiter limiter = new ReplyRateLimiter(REPLY_SPACING_NANOS);
    private final Thread thread;

    private DiscoveryResponder(DatagramSocket socket, Supplier<Discovery.Reply> replies) {
        this.socket = socket;
        this.replies = replies;
        this.thread = new Thread(this::run, "lancers-discovery-" + socket.getLocalPort());
        thread.setDaemon(true);
    }

    /** Binds {@code bindAddress:port} (port 0: a free one) and starts answering. */
    public static DiscoveryResponder start(String bindAddress, int port, Supplier<Discovery.Reply> replies)
            throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bindAddress, port));
        DiscoveryResponder responder = new DiscoveryResponder(socket, replies);
        responder.thread.start();
        LOG.info(() -> "discovery answering on udp " + socket.getLocalSocketAddress());
        return responder;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void run() {
        byte[] buffer = new byte[Discovery.PROBE.length + 1]; // one more: a longer datagram is not a probe
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                if (isProbe(packet) && limiter.allow(packet.getAddress(), System.nanoTime())) {
                    byte[] reply = encode(replies.get());
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "discovery: could not answer " + packet.getSocketAddress(), e);
            }
        }
    }

    private static boolean isProbe(DatagramPacket packet) {
        return Arrays.equals(Discovery.PROBE, 0, Discovery.PROBE.length,
                packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
    }

    /** The reply as JSON, dropping matches from the end until it fits {@link Discovery#MAX_REPLY_BYTES}. */
    byte[] encode(Discovery.Reply reply) {
        List<ServerMessage.MatchInfo> matches = reply.matches();
        for (int keep = matches.size(); ; keep--) {
            Discovery.Reply cut = reply.withMatches(matches.subList(0, keep));
            byte[] bytes = gson.toJson(cut).getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= Discovery.MAX_REPLY_BYTES || keep == 0) {
                return bytes;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
