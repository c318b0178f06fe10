package io.lancers.bench.load;

import com.google.gson.JsonObject;
import io.lancers.bench.Stats;
import io.lancers.load.LoadClient;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.StateCodec;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A spectator that never reads its socket (a tiny receive buffer, so the backlog builds at once),
 * beside healthy spectators. It keeps sending heartbeats, so the server sees a live peer that simply
 * does not drain: the slow-consumer case rather than the dead-peer case. Afterwards its socket is
 * finally read to see what the server sent it: state frames, and a close frame with its code.
 */
public final class SlowReader {
    private SlowReader() {
    }

    /**
     * @param heapMb          server heap in use, sampled once a second
     * @param liveHeapMb      server heap in use after the last collections, sampled with it
     * @param healthyGaps     gaps over all healthy spectators
     * @param healthyFrames   state frames per healthy spectator over the run
     * @param slowStateFrames state frames the slow reader read while draining after the run
     * @param slowSnapshots   of which snapshots (the first is the join snapshot)
     * @param closeCode       close code the slow reader finally read, or -1 if none
     * @param serverSays      the server's log lines about closing it with 4003 (slow consumer)
     * @param closedAfter     seconds into the run when the room's spectator count first dropped
     *                        (the slow reader was let go), or -1
     */
    public record Result(List<Double> heapMb, List<Double> liveHeapMb, long healthyGaps, Stats healthyFrames,
                         int slowStateFrames, int slowSnapshots, int closeCode, List<String> serverSays,
                         int closedAfter) {
    }

    /** @param drain how long the slow reader finally reads its socket after the run */
    public static Result run(int healthy, int bots, Duration duration, Duration drain)
            throws IOException, InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(2, Fanout.daemon());
        HttpClient http = HttpClient.newBuilder().executor(executor).build();
        List<LoadClient> clients = new ArrayList<>();
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(Fanout.daemon());
        try (ServerProcess server = ServerProcess.start(bots);
             Socket slow = new Socket()) {
            for (int i = 0; i < healthy; i++) {
                LoadClient c = LoadClient.open(http, server.gameUri(), "h" + i, LoadClient.Entry.spectate(ServerProcess.MATCH_ID))
                        .connected().get(30, TimeUnit.SECONDS);
                clients.add(c);
                c.joined().get(30, TimeUnit.SECONDS);
            }
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            OutputStream out = slow.getOutputStream();
            InputStream in = slow.getInputStream();
            upgrade(out, in, server.port());
            sendText(out, ControlCodec.encode(new ClientMessage.Hello("slow", null)));
            sendText(out, ControlCodec.encode(new ClientMessage.Spectate(ServerProcess.MATCH_ID)));

            // Writing still works: heartbeats keep it a live peer that merely does not drain.
            heartbeats.scheduleAtFixedRate(() -> {
                try {
                    sendText(out, ControlCodec.encode(new ClientMessage.Heartbeat(System.currentTimeMillis())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // the server closed it: stop beating
                }
            }, 0, 500, TimeUnit.MILLISECONDS);

            List<Double> heap = new ArrayList<>();
            List<Double> live = new ArrayList<>();
            int closedAfter = -1;
            int[] framesBefore = clients.stream().mapToInt(LoadClient::stateFrames).toArray();
            for (int second = 0; second < duration.toSeconds(); second++) {
                TimeUnit.SECONDS.sleep(1);
                ServerProcess.ProcessMetrics process = server.process();
                heap.add(process.heapUsedBytes() / 1e6);
                live.add(process.heapLiveBytes() / 1e6);
                JsonObject status = server.status();
                int spectators = status.getAsJsonArray("matches").get(0).getAsJsonObject().get("spectators").getAsInt();
                if (closedAfter < 0 && spectators <= healthy) {
                    closedAfter = second + 1;
                }
            }
            long[] frames = new long[clients.size()];
            for (int i = 0; i < frames.length; i++) {
                frames[i] = clients.get(i).stateFrames() - framesBefore[i];
            }
            long gaps = clients.stream().mapToLong(LoadClient::gaps).sum();
            slow.setReceiveBufferSize(1 << 20); // now read fast: what did the server leave for it?
            int[] seen = drain(in, slow, drain);
            return new Result(heap, live, gaps, Stats.of(frames), seen[0], seen[1], seen[2],
                    server.logLines(" " + CloseCodes.SLOW_CONSUMER + " "), closedAfter);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("spectators could not join: " + e, e);
        } finally {
            clients.forEach(LoadClient::abort);
            heartbeats.shutdownNow();
            executor.shutdownNow();
        }
    }

    private static void upgrade(OutputStream out, InputStream in, int port) throws IOException {
        byte[] nonce = new byte[16];
        new Random().nextBytes(nonce);
        String request = "GET " + ProtocolVersion.ENDPOINT_PATH + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + ProtocolVersion.SUBPROTOCOL + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("no upgrade response");
            }
            head.write(b);
        }
        String response = head.toString(StandardCharsets.US_ASCII);
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + response.lines().findFirst().orElse(""));
        }
    }

    /** A masked text frame, as every client frame must be (RFC 6455 §5.3). */
    private static synchronized void sendText(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("short control messages only");
        }
        byte[] mask = new byte[4];
        new Random().nextBytes(mask);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(frame);
        out.flush();
    }

    /**
     * Reads the socket at last, for {@code drain} at most (the server keeps streaming to a reader
     * that now keeps up): {state frames, snapshots, close code or -1}.
     */
    private static int[] drain(InputStream raw, Socket socket, Duration drain) throws IOException {
        socket.setSoTimeout(1000);
        DataInputStream in = new DataInputStream(raw);
        int states = 0;
        int snapshots = 0;
        long deadline = System.nanoTime() + drain.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = in.readNBytes((int) length);
                int opcode = first & 0x0F;
                if (opcode == 0x2 && payload.length > 0) {
                    states++;
                    snapshots += payload[0] == StateCodec.SNAPSHOT ? 1 : 0;
                } else if (opcode == 0x8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    return new int[] {states, snapshots, code};
                }
            }
            return new int[] {states, snapshots, -1};
        } catch (IOException e) {
            // End of stream, a quiet socket or a reset after the server gave up: what was read is the answer.
            return new int[] {states, snapshots, -1};
        }
    }
}
