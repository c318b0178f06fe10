package io.lancers.client.net;

import com.google.gson.Gson;
import io.lancers.protocol.Discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Finds servers with one UDP probe ({@link Discovery#PROBE}) to a target address and collects
 * the replies that arrive within a wait. The target is the caller's: the LAN broadcast address
 * ({@code 255.255.255.255:8026}) in the game, loopback in tests.
 */
public final class LanDiscovery {
    private static final Logger LOG = Logger.getLogger(LanDiscovery.class.getName());
    private static final Gson GSON = new Gson();

    private LanDiscovery() {
    }

    /**
     * Probes {@code target} and returns the well-formed replies received within {@code wait}, one
     * per server URL, in arrival order. Malformed replies are skipped.
     */
    public static List<Discovery.Reply> probe(InetSocketAddress target, Duration wait) throws IOException {
        Map<String, Discovery.Reply> byUrl = new LinkedHashMap<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            socket.send(new DatagramPacket(Discovery.PROBE, Discovery.PROBE.length, target));
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[Discovery.MAX_REPLY_BYTES + 1];
            while (true) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Discovery.Reply reply = parse(new String(packet.getData(), 0, packet.getLength(),
                        StandardCharsets.UTF_8));
                if (reply != null) {
                    byUrl.putIfAbsent(reply.url(), reply);
                } else {
                    LOG.fine("ignored a malformed discovery reply from " + packet.getSocketAddress());
                }
            }
        }
        return new ArrayList<>(byUrl.values());
    }

    /** The reply in {@code json}, or null unless it is a complete Lancers server reply. */
    static Discovery.Reply parse(String json) {
        try {
            Discovery.Reply reply = GSON.fromJson(json, Discovery.Reply.class);
            if (reply == null || !Discovery.Reply.TYPE.equals(reply.type()) || reply.url() == null
                    || reply.name() == null) {
                return null;
            }
            return reply;
        } catch (RuntimeException e) {
            // JsonParseException for bad JSON; Gson wraps the record constructor's refusal of a
            // missing match list in a plain RuntimeException.
            return null;
        }
    }
}
